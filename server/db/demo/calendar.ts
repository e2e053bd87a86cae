import { addDays, yearOf } from '../../core/calendar.ts'

export { ageOn, firstOfMonth, lastOfMonth, yearOf } from '../../core/calendar.ts'

/** An instant on a French calendar day; hours are UTC and kept within office hours so the day never shifts. */
export function instant(date: string, time = '09:00'): string {
  return `${date}T${time}:00.000Z`
}

/**
 * Keeps a literal date of the seed when it falls within [earliest, latest]; otherwise moves it
 * by whole years to the latest such date, so the story of the seed still reads right any day.
 */
export function sameDayWithin(literal: string, earliest: string, latest: string): string {
  if (literal >= earliest && literal <= latest)
    return literal
  const monthDay = literal.slice(5)
  for (let year = yearOf(latest); ; year--) {
    const candidate = `${year}-${monthDay}`
    if (candidate <= latest)
      return candidate
  }
}

let anchor = ''
let before: string[] = []

/** The date n days before `date`; remembered for the last `date` asked (the generator asks millions, nearly all before today). */
export function daysBefore(date: string, n: number): string {
  if (date !== anchor) {
    anchor = date
    before = []
  }
  return before[n] ??= addDays(date, -n)
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

/** "mars 2026" */
export function frenchMonth(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}

