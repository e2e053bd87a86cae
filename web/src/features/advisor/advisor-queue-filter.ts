import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ProcedureKind } from '../../gql/graphql'
import { PROCEDURE_KINDS } from '../procedures/procedure-filters'

// an unfinished commercial journey waits for the member: the queue never lists one
export const QUEUE_KINDS: ProcedureKind[] = PROCEDURE_KINDS.filter(kind => kind !== 'AFFILIATION')

/** `/conseiller?type=REIMBURSEMENT`: the kind of démarche shown, or null for all; unknown values are ignored. */
export function queueKindFromQuery(query: LocationQuery): ProcedureKind | null {
  const value = Array.isArray(query.type) ? query.type[0] : query.type
  return typeof value === 'string' && (QUEUE_KINDS as string[]).includes(value) ? value as ProcedureKind : null
}

export function queryFromQueueKind(kind: ProcedureKind | null): LocationQueryRaw {
  return kind ? { type: kind } : {}
}
