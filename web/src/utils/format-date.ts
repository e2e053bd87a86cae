// A Date scalar ("2026-08-25") is a calendar day: read it in UTC so no time zone moves it a day.
// A DateTime is an instant: show it as the day it was in France.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const PARIS = 'Europe/Paris'

const shortFormats = {
  UTC: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
  [PARIS]: new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, day: '2-digit', month: '2-digit', year: 'numeric' }),
}
const longFormats = {
  UTC: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  [PARIS]: new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, day: 'numeric', month: 'long', year: 'numeric' }),
}

function parse(value: string): { date: Date, zone: 'UTC' | typeof PARIS } | null {
  const dateOnly = DATE_ONLY.test(value)
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return null
  return { date, zone: dateOnly ? 'UTC' : PARIS }
}

/** "2026-08-25" (or an ISO instant) → "25/08/2026"; unreadable input comes back unchanged. */
export function formatDate(value: string): string {
  const parsed = parse(value)
  return parsed ? shortFormats[parsed.zone].format(parsed.date) : value
}

/** "2026-08-25" → "25 août 2026"; the first of the month reads "1er" as French writes it. */
export function formatLongDate(value: string): string {
  const parsed = parse(value)
  if (!parsed) return value
  return longFormats[parsed.zone].format(parsed.date).replace(/^1 /, '1er ')
}

/** The calendar year of a date: "2026-01-01" → "2026". */
export function yearOf(value: string): string {
  const parsed = parse(value)
  return parsed ? String(parsed.date.getUTCFullYear()) : ''
}

const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** An ISO instant → its time of day in France, "11:05"; unreadable input gives "". */
export function formatTime(value: string): string {
  const date = new Date(value)
  return DATE_ONLY.test(value) || Number.isNaN(date.getTime()) ? '' : parisTime.format(date)
}
