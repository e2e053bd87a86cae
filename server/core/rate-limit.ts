/**
 * A fixed-window counter per key, in memory: enough for one process. Partners call from their
 * own servers, so a runaway integration is cut off before it loads the database.
 */
export function fixedWindowLimiter(limit: number, windowMs: number, now: () => number) {
  const windows = new Map<string, { start: number, count: number }>()
  return {
    /** True when this call is still within the key's allowance. */
    allow(key: string): boolean {
      const t = now()
      const w = windows.get(key)
      if (!w || t - w.start >= windowMs) {
        // forget finished windows so the map stays as small as the set of active partners
        if (windows.size > 1000)
          windows.clear()
        windows.set(key, { start: t, count: 1 })
        return true
      }
      w.count += 1
      return w.count <= limit
    },
  }
}
