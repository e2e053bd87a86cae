import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ProcedureKind } from '../../gql/graphql'
import { PROCEDURE_KINDS } from '../procedures/procedure-filters'

// every kind of démarche, the finalised démarches commerciales (AFFILIATION) included
export const QUEUE_KINDS: ProcedureKind[] = PROCEDURE_KINDS

/** What the queue shows: one kind of démarche, the message threads, or everything (null). */
export type QueueFilter = ProcedureKind | 'MESSAGES' | null

export const QUEUE_FILTERS: Exclude<QueueFilter, null>[] = ['MESSAGES', ...QUEUE_KINDS]

/** `/conseiller?type=REIMBURSEMENT` or `?type=MESSAGES`; unknown values are ignored. */
export function queueKindFromQuery(query: LocationQuery): QueueFilter {
  const value = Array.isArray(query.type) ? query.type[0] : query.type
  return typeof value === 'string' && (QUEUE_FILTERS as string[]).includes(value) ? value as QueueFilter : null
}

export function queryFromQueueKind(kind: QueueFilter): LocationQueryRaw {
  return kind ? { type: kind } : {}
}

/** The queue's arguments for a filter. */
export function queueVariables(filter: QueueFilter): { kind: ProcedureKind | null, taskKind: 'THREAD' | null } {
  return filter === 'MESSAGES' ? { kind: null, taskKind: 'THREAD' } : { kind: filter, taskKind: null }
}
