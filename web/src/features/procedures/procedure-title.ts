import type { CareType, ProcedureKind } from '../../gql/graphql'
import { formatDate } from '../../utils/format-date'
import { careTypeLabel, procedureKindLabel } from '../../utils/labels'

export interface ProcedureTitleParts {
  kind: ProcedureKind
  careType: CareType | null
  careDate: string | null
  submittedAt: string
  beneficiary: { firstName: string } | null
}

/**
 * How the portal names a démarche: the care and its date for a claim ("Soins dentaires le
 * 04/06/2026 pour Léa"), otherwise its kind and the day it was sent.
 */
export function procedureTitle(procedure: ProcedureTitleParts): string {
  const forWhom = procedure.beneficiary ? ` pour ${procedure.beneficiary.firstName}` : ''
  // asked by the professional before the care: the date is the one planned
  if (procedure.kind === 'COVERAGE_AGREEMENT' && procedure.careType && procedure.careDate)
    return `Prise en charge (${careTypeLabel(procedure.careType).toLowerCase()}), soins prévus le ${formatDate(procedure.careDate)}${forWhom}`
  if (procedure.careType && procedure.careDate)
    return `${careTypeLabel(procedure.careType)} le ${formatDate(procedure.careDate)}${forWhom}`
  const care = procedure.careType ? ` (${careTypeLabel(procedure.careType).toLowerCase()})` : ''
  return `${procedureKindLabel(procedure.kind)}${care} du ${formatDate(procedure.submittedAt)}${forWhom}`
}
