import type { ThreadStatus } from '../../gql/graphql'

const statusLabels: Record<ThreadStatus, string> = { OPEN: 'En cours', ANSWERED: 'Traité' }

/** « En cours »: the advisor has not answered yet; « Traité »: they have. */
export function threadStatusLabel(status: ThreadStatus): string {
  return statusLabels[status]
}

/** "1 message", "12 messages". */
export function threadCountLabel(count: number): string {
  return count === 1 ? '1 message' : `${count} messages`
}

/** "3 200 / 5 000 caractères". */
export function characterCountLabel(length: number, max: number): string {
  return `${length.toLocaleString('fr-FR')} / ${max.toLocaleString('fr-FR')} caractères`
}
