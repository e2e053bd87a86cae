import type { CareType, ProcedureKind, Relationship } from '../../gql/graphql'
import { formatDate } from '../../utils/format-date'
import { formatMoney } from '../../utils/format-money'
import { careTypeLabel, procedureKindLabel, relationshipLabel } from '../../utils/labels'

// the member's labels speak in the first person ("mes données"); the advisor reads about the member
const advisorKindLabels: Partial<Record<ProcedureKind, string>> = {
  DATA_EXPORT: 'Demande de copie des données',
  DATA_RIGHTS: 'Demande sur les données personnelles',
}

export function advisorKindLabel(kind: ProcedureKind): string {
  return advisorKindLabels[kind] ?? procedureKindLabel(kind)
}

export interface TaskTitleParts {
  kind: ProcedureKind
  careType: CareType | null
  careDate: string | null
  submittedAt: string
  beneficiary: { firstName: string } | null
}

/** "Soins optiques le 12/02/2026 pour Sarah", or the kind and the day it was sent ("Ajout de bénéficiaire du 02/11/2026"). */
export function advisorTaskTitle(p: TaskTitleParts): string {
  const forWhom = p.beneficiary ? ` pour ${p.beneficiary.firstName}` : ''
  // a prise en charge comes before the care: its date is the one planned
  if (p.kind === 'COVERAGE_AGREEMENT' && p.careType && p.careDate)
    return `Prise en charge (${careTypeLabel(p.careType).toLowerCase()}), soins prévus le ${formatDate(p.careDate)}${forWhom}`
  if (p.careType && p.careDate) return `${careTypeLabel(p.careType)} le ${formatDate(p.careDate)}${forWhom}`
  const care = p.careType ? ` (${careTypeLabel(p.careType).toLowerCase()})` : ''
  return `${advisorKindLabel(p.kind)}${care} du ${formatDate(p.submittedAt)}${forWhom}`
}

/** "Aujourd'hui", "1 jour", "12 jours". */
export function waitingLabel(days: number): string {
  if (days <= 0) return 'Aujourd\'hui'
  return days === 1 ? '1 jour' : `${days} jours`
}

/** "Rien en attente", "1 tâche en attente", "12 tâches en attente". */
export function queueCountLabel(count: number): string {
  if (count <= 0) return 'Rien en attente'
  return count === 1 ? '1 tâche en attente' : `${count} tâches en attente`
}

/** The queue's filter: "Messages" or a kind of démarche. */
export function queueFilterLabel(filter: ProcedureKind | 'MESSAGES'): string {
  return filter === 'MESSAGES' ? 'Messages' : advisorKindLabel(filter)
}

/** An amount in the minor unit of a currency other than the euro: 12000, "USD" → "120,00 $US". */
export function formatForeignAmount(minorUnits: number, currency: string): string {
  try {
    return new Intl.NumberFormat('fr-FR', { style: 'currency', currency }).format(minorUnits / 100)
  }
  catch {
    // a code Intl does not know still reads as an amount
    return `${(minorUnits / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 })} ${currency}`
  }
}

export interface AmountParts { abroad: boolean, currency: string | null, amountCents: number | null, amountEurCents: number | null }

/**
 * What the member paid: the euro amount first (what the mutuelle computes on), and abroad the
 * amount in the currency paid. Null for a démarche without an amount.
 */
export function requestAmount(p: AmountParts): { euros: string, paid: string | null } | null {
  const eur = p.amountEurCents ?? (p.currency === 'EUR' || !p.currency ? p.amountCents : null)
  if (eur === null && p.amountCents === null) return null
  const foreign = p.abroad && p.currency && p.currency !== 'EUR' && p.amountCents !== null ? formatForeignAmount(p.amountCents, p.currency) : null
  return { euros: eur !== null ? formatMoney(eur) : '—', paid: foreign }
}

/** "Sarah Garnier (conjoint(e))". */
export function beneficiaryLabel(b: { firstName: string, lastName: string, relationship?: Relationship }): string {
  const name = `${b.firstName} ${b.lastName}`
  return b.relationship ? `${name} (${relationshipLabel(b.relationship).toLowerCase()})` : name
}
