import type { AccessActorKind } from '../../gql/graphql'

// an access is an instant: shown as the member lived it, in France, whatever the browser's zone
const parisDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' })
const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** "2026-11-26T10:05:00.000Z" → { day: "26/11/2026", time: "11:05" }; unreadable input comes back as the day. */
export function accessMoment(iso: string): { day: string, time: string } {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return { day: iso, time: '' }
  return { day: parisDay.format(date), time: parisTime.format(date) }
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
