import { dayInFrance } from './calendar.ts'

// the calendar arithmetic most services need with their clock
export { addDays, addMonths } from './calendar.ts'

/** Time source, injected so tests and the demo data can pin "today". */
export interface Clock {
  now: () => Date
}

export const systemClock: Clock = { now: () => new Date() }

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The server's clock. `TODAY=YYYY-MM-DD` moves the whole portal (demo data, rules, sessions) to that
 * French calendar day while time keeps running, so the suite can be run on any anchor day.
 */
export function clockFromEnvironment(anchor = process.env.TODAY): Clock {
  if (!anchor)
    return systemClock
  if (!ISO_DAY.test(anchor) || Number.isNaN(Date.parse(`${anchor}T00:00:00Z`)))
    throw new Error(`TODAY must be a date YYYY-MM-DD, not "${anchor}"`)
  const offset = Date.parse(`${anchor}T00:00:00Z`) - Date.parse(`${today(systemClock)}T00:00:00Z`)
  return { now: () => new Date(Date.now() + offset) }
}

export function fixedClock(iso: string): Clock {
  const at = new Date(iso)
  return { now: () => new Date(at) }
}

/** Today's date in France as YYYY-MM-DD: care and payment dates are French calendar days. */
export function today(clock: Clock): string {
  return dayInFrance(clock.now())
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString()
}
