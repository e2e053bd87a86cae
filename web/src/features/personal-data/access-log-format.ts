import type { AccessActorKind } from '../../gql/graphql'
import { formatDate, formatTime } from '../../utils/format-date'

/** "2026-11-26T10:05:00.000Z" → { day: "26/11/2026", time: "11:05" }, as lived in France; unreadable input comes back as the day. */
export function accessMoment(iso: string): { day: string, time: string } {
  return { day: formatDate(iso), time: formatTime(iso) }
}

/** "26/11/2026 à 11:05". */
export function formatAccessMoment(iso: string): string {
  const { day, time } = accessMoment(iso)
  return time ? `${day} à ${time}` : day
}

const ACTOR_KINDS: Record<AccessActorKind, string> = {
  ADVISOR: 'Votre mutuelle',
  PARTNER: 'Professionnel de santé partenaire',
}

/** Where the person comes from, under their name. */
export function actorKindLabel(kind: AccessActorKind): string {
  return ACTOR_KINDS[kind]
}
