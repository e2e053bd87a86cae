import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ProcedureKind, ProcedureStatus } from '../../gql/graphql'

export const PROCEDURE_STATUSES: ProcedureStatus[] = ['SUBMITTED', 'MISSING_DOCUMENTS', 'ACCEPTED', 'REJECTED']
export const PROCEDURE_KINDS: ProcedureKind[] = ['REIMBURSEMENT', 'QUOTE', 'BENEFICIARY_ADDITION', 'BENEFICIARY_REMOVAL', 'BANK_DETAILS_CHANGE', 'DATA_EXPORT', 'DATA_RIGHTS', 'AFFILIATION', 'COVERAGE_AGREEMENT']

export interface ProcedureFilters {
  status: ProcedureStatus | null
  kind: ProcedureKind | null
}

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && (allowed as readonly string[]).includes(first) ? first as T : null
}

/** `/demarches?statut=MISSING_DOCUMENTS&type=REIMBURSEMENT`: the URL holds the filters. */
export function procedureFiltersFromQuery(query: LocationQuery): ProcedureFilters {
  return { status: pick(query.statut, PROCEDURE_STATUSES), kind: pick(query.type, PROCEDURE_KINDS) }
}

export function queryFromProcedureFilters(filters: ProcedureFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filters.status) query.statut = filters.status
  if (filters.kind) query.type = filters.kind
  return query
}
