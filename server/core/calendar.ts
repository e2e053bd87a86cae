// The one module of calendar arithmetic, shared by the server and the SPA (it imports nothing, so
// Vite bundles it as it is). Dates are French calendar days written YYYY-MM-DD; arithmetic runs in
// UTC so daylight-saving changes never shift a day.

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })

// a page asks for today several times: formatted once a minute (France changes day on the hour,
// so every instant of a minute falls on the same day)
let lastMinute = Number.NaN
let lastDay = ''

/** The French calendar day of an instant: care, payment and due dates are days in France. */
export function dayInFrance(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000)
  if (minute !== lastMinute) {
    lastDay = parisDay.format(instant)
    lastMinute = minute
  }
  return lastDay
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)

/** Whether a string is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return false
  const d = utc(value)
  return !Number.isNaN(d.getTime()) && iso(d) === value
}

export function addDays(date: string, days: number): string {
  const d = utc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return iso(d)
}

/** The same day `months` months away; a day the month lacks becomes its last (31 March − 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const d = utc(date)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  d.setUTCDate(Math.min(day, daysInMonth(iso(d))))
  return iso(d)
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`
}

export function daysInMonth(date: string): number {
  return new Date(Date.UTC(yearOf(date), Number(date.slice(5, 7)), 0)).getUTCDate()
}

export function lastOfMonth(date: string): string {
  return `${date.slice(0, 7)}-${String(daysInMonth(date)).padStart(2, '0')}`
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: string): number {
  return utc(date).getUTCDay()
}

/** Whole years of age on a date (born on 29 February: a year older on 1 March of common years). */
export function ageOn(birthDate: string, date: string): number {
  const years = yearOf(date) - yearOf(birthDate)
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years
}
