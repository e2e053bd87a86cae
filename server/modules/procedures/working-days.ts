import { addDays, dayOfWeek } from '../../core/calendar.ts'

/**
 * French public holidays (jours fériés) of a year: the fixed ones and those that follow Easter
 * (Easter Monday, Ascension, Whit Monday). Processing times are promised in working days.
 */
export function frenchPublicHolidays(year: number): Set<string> {
  const easter = easterSunday(year)
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map(md => `${year}-${md}`)
  return new Set([...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)])
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date)
  return weekday !== 0 && weekday !== 6 && !frenchPublicHolidays(Number(date.slice(0, 4))).has(date)
}

/** The date `n` working days after `date` (weekends and French public holidays skipped). */
export function addWorkingDays(date: string, n: number): string {
  let current = date
  let left = n
  while (left > 0) {
    current = addDays(current, 1)
    if (isWorkingDay(current))
      left--
  }
  return current
}
