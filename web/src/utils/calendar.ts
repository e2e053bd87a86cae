// The SPA's dates come from the one calendar module the server uses too (it imports nothing).
import { dayInFrance } from '../../../server/core/calendar'

export { addDays, addMonths, isIsoDate } from '../../../server/core/calendar'

/** Today in France, YYYY-MM-DD: the care calendar is French, whatever the device's time zone. */
export function todayInFrance(now: Date = new Date()): string {
  return dayInFrance(now)
}
