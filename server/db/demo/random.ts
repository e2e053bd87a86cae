import { hash } from 'node:crypto'

/**
 * Deterministic randomness for the demo data: the same clock gives the same database, so
 * screenshots, e2e tests and bug reports can rely on it.
 */
export interface Random {
  /** A float in [0, 1). */
  next: () => number
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  /** A string of n decimal digits (leading zeros allowed). */
  digits: (n: number) => string
}

/** mulberry32: tiny, fast and good enough for demo figures (not for secrets). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: items => {
      if (items.length === 0)
        throw new Error('pick from an empty list')
      return items[int(0, items.length - 1)]!
    },
    digits: n => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  }
}

/**
 * A UUID-shaped id derived from a stable key ("member/benoit"), so ids do not depend on the
 * order rows are built in. Version 8 is RFC 9562's "custom" UUID: it claims no randomness.
 */
export function demoId(...key: string[]): string {
  const hex = hash('sha256', `espace-adherent-demo:${key.join('/')}`, 'hex')
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
