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

const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today's date in France as YYYY-MM-DD: care and payment dates are French calendar days. */
export function today(clock: Clock): string {
  return parisDate.format(clock.now())
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString()
}

/** Adds days to a YYYY-MM-DD date, in UTC to avoid daylight-saving shifts. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d.toISOString().slice(0, 10)
}
