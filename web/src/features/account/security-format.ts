import { formatDate, formatTime } from '../../utils/format-date'

/** An instant as the security page says it: "26/11/2026 à 11:05" (French time). */
export function describeMoment(iso: string): string {
  return `${formatDate(iso)} à ${formatTime(iso)}`
}
