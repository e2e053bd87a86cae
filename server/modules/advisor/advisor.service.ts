import type { Context } from '../../context.ts'
import type { Page } from '../../core/pagination.ts'
import type { ProcedureKind } from '../../db/schema/index.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { ThreadRow } from '../messages/message.service.ts'
import type { AdvisorTaskKind, AdvisorTaskValue, ProcedureTaskValue, ThreadTaskValue } from './advisor-task.type.ts'
import { and, asc, count, eq, gte, sql } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { notFound } from '../../core/errors.ts'
import { afterPlaceholders, clampFirst, preparedKeysetPage } from '../../core/pagination.ts'
import { requireAdvisor } from '../../core/viewer.ts'
import { auditEventsTable, messageThreadsTable as t, proceduresTable as p } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { prepared } from '../../db/prepared.ts'
import { retentionCutoff } from '../messages/message.service.ts'

const DAY_MS = 86_400_000

/**
 * Reloading a démarche (after a decision, a refresh) is one consultation for the member: the same
 * advisor opening the same démarche again within this window adds no new line to their access log.
 */
export const CONSULTATION_WINDOW_MS = 15 * 60_000

/** Whether this advisor recorded `action` on the object `details[key] = id` within the window. */
export function viewedRecently(ctx: Context, advisorAccountId: string, action: 'ADVISOR_VIEW_PROCEDURE' | 'ADVISOR_VIEW_THREAD', key: 'procedureId' | 'threadId', id: string): boolean {
  const since = new Date(ctx.clock.now().getTime() - CONSULTATION_WINDOW_MS).toISOString()
  return !!ctx.db.select({ id: auditEventsTable.id }).from(auditEventsTable).where(and(
    eq(auditEventsTable.actorAccountId, advisorAccountId),
    gte(auditEventsTable.at, since),
    eq(auditEventsTable.action, action),
    sql`json_extract(${auditEventsTable.details}, ${`$.${key}`}) = ${id}`,
  )).get()
}

/** The French calendar day of an instant, as the member lived it. */
export function parisDay(iso: string): string {
  return todayOf({ now: () => new Date(iso) })
}

export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS))
}

/** A démarche as an advisor's task: how long the member has waited, and whether the promised date has passed. */
export function toProcedureTask(row: ProcedureRow, today: string): ProcedureTaskValue {
  const until = row.decidedAt ? parisDay(row.decidedAt) : today
  return {
    kind: 'PROCEDURE',
    id: row.id,
    procedure: row,
    memberId: row.memberId,
    waitingDays: daysBetween(parisDay(row.submittedAt), until),
    overdue: row.status === 'SUBMITTED' && row.estimatedDecisionDate !== null && row.estimatedDecisionDate < today,
  }
}

/** A thread as an advisor's task: days since the member's last message while it waits. */
export function toThreadTask(row: ThreadRow, today: string): ThreadTaskValue {
  return {
    kind: 'THREAD',
    id: row.id,
    thread: row,
    memberId: row.memberId,
    waitingDays: row.status === 'OPEN' ? daysBetween(parisDay(row.updatedAt), today) : 0,
  }
}

export interface QueueFilter {
  /** Only démarches of this kind (threads left out). */
  kind?: ProcedureKind | null
  /** Only démarches or only message threads. */
  taskKind?: AdvisorTaskKind | null
}

/**
 * A page of the queue shows members' démarches (who, which care, how much): one audit event per
 * member listed, naming the references shown, so the listing appears in each member's access log.
 * The same advisor seeing the same démarches of a member again within the consultation window
 * (a refresh, the next page and back) adds nothing.
 */
function recordQueueListing(ctx: Context, advisorAccountId: string, rows: ProcedureRow[]) {
  const byMember = new Map<string, string[]>()
  for (const row of rows)
    byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row.reference])
  if (!byMember.size)
    return
  const since = new Date(ctx.clock.now().getTime() - CONSULTATION_WINDOW_MS).toISOString()
  const listed = prepared(ctx.db, 'advisor.recentListings', () => ctx.db.select({ memberId: auditEventsTable.memberId, details: auditEventsTable.details }).from(auditEventsTable).where(and(
    eq(auditEventsTable.actorAccountId, sql.placeholder('advisor')),
    gte(auditEventsTable.at, sql.placeholder('since')),
    eq(auditEventsTable.action, 'ADVISOR_LIST_QUEUE'),
  )).prepare()).all({ advisor: advisorAccountId, since })
  const seen = new Set(listed.map(e => `${e.memberId} ${JSON.stringify(e.details?.references)}`))
  const at = nowIso(ctx.clock)
  const events = [...byMember].filter(([memberId, references]) => !seen.has(`${memberId} ${JSON.stringify(references)}`))
  recordAudit(ctx.db, events.map(([memberId, references]) => ({
    at,
    action: 'ADVISOR_LIST_QUEUE',
    actorAccountId: advisorAccountId,
    actorRole: 'ADVISOR' as const,
    memberId,
    outcome: 'SUCCESS' as const,
    ...requestMeta(ctx),
    details: { references },
  })))
}

/**
 * The démarches waiting for the mutuelle: status SUBMITTED ("En cours"). A démarche commerciale
 * reaches the queue only once the member finalised it (an AFFILIATION démarche); while it is in
 * progress it lives in its own table and waits for the member.
 */
function procedurePage(ctx: Context, kind: ProcedureKind | null | undefined, first: number, after: string | null | undefined): Page<ProcedureRow> {
  // prepared once per filter shape: every advisor's every page reuses them
  const shape = kind ? 'k' : ''
  const where = () => and(
    eq(p.status, 'SUBMITTED'),
    kind ? eq(p.kind, sql.placeholder('kind')) : undefined,
  )
  const values = { kind }
  return preparedKeysetPage<ProcedureRow>({
    first,
    after,
    fetch: (cursor, limit) => prepared(ctx.db, `advisor.procedures:${shape}:${cursor !== null}`, () => ctx.db.select().from(p)
      .where(and(where(), cursor ? afterPlaceholders(p.submittedAt, p.id, 'asc') : undefined))
      .orderBy(asc(p.submittedAt), asc(p.id))
      .limit(sql.placeholder('limit'))
      .prepare()).all({ ...values, ...cursor, limit }),
    count: () => prepared(ctx.db, `advisor.procedures.count:${shape}`, () => ctx.db.select({ n: count() }).from(p).where(where()).prepare()).get(values)!.n,
    key: row => [row.submittedAt, row.id],
  })
}

/** Threads waiting for an answer (« En cours »), since the member's last message. */
function threadPage(ctx: Context, first: number, after: string | null | undefined): Page<ThreadRow> {
  const where = () => and(eq(t.status, 'OPEN'), gte(t.updatedAt, sql.placeholder('cutoff')))
  // still available: the purge job deletes older threads, this hides them until it runs
  const values = { cutoff: retentionCutoff(ctx.clock.now()) }
  return preparedKeysetPage<ThreadRow>({
    first,
    after,
    fetch: (cursor, limit) => prepared(ctx.db, `advisor.threads:${cursor !== null}`, () => ctx.db.select().from(t)
      .where(and(where(), cursor ? afterPlaceholders(t.updatedAt, t.id, 'asc') : undefined))
      .orderBy(asc(t.updatedAt), asc(t.id))
      .limit(sql.placeholder('limit'))
      .prepare()).all({ ...values, ...cursor, limit }),
    count: () => prepared(ctx.db, 'advisor.threads.count', () => ctx.db.select({ n: count() }).from(t).where(where()).prepare()).get(values)!.n,
    key: row => [row.updatedAt, row.id],
  })
}

const emptyPage = <T>(): Page<T> => ({ edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 })

/**
 * The work queue, oldest wait first: démarches (since sent) and message threads (since the
 * member's last message) in one order. Both sources are read with the same keyset cursor (the
 * instant and the id), so merging their pages gives the same page as a union would.
 */
export function listAdvisorQueue(ctx: Context, filter: QueueFilter, first?: number | null, after?: string | null): Page<AdvisorTaskValue> {
  const advisor = requireAdvisor(ctx.viewer)
  const size = clampFirst(first)
  const withProcedures = filter.taskKind !== 'THREAD'
  const withThreads = filter.taskKind !== 'PROCEDURE' && !filter.kind
  const procedures = withProcedures ? procedurePage(ctx, filter.kind, size, after) : emptyPage<ProcedureRow>()
  const threads = withThreads ? threadPage(ctx, size, after) : emptyPage<ThreadRow>()
  const today = todayOf(ctx.clock)
  const merged = [
    ...procedures.edges.map(e => ({ cursor: e.cursor, at: e.node.submittedAt, node: toProcedureTask(e.node, today) as AdvisorTaskValue })),
    ...threads.edges.map(e => ({ cursor: e.cursor, at: e.node.updatedAt, node: toThreadTask(e.node, today) as AdvisorTaskValue })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.node.id.localeCompare(b.node.id))
  const edges = merged.slice(0, size).map(({ cursor, node }) => ({ cursor, node }))
  recordQueueListing(ctx, advisor.accountId, edges.flatMap(e => (e.node.kind === 'PROCEDURE' ? [e.node.procedure] : [])))
  return {
    edges,
    nodes: edges.map(e => e.node),
    pageInfo: {
      hasNextPage: merged.length > size || procedures.pageInfo.hasNextPage || threads.pageInfo.hasNextPage,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() { return procedures.totalCount + threads.totalCount },
  }
}

/**
 * One démarche of any member, whatever its status, for an advisor. Every read is an access to a
 * member's file (health data, GDPR art. 9), so it is recorded in the audit log, once per
 * consultation window.
 */
export function getAdvisorProcedure(ctx: Context, id: string): ProcedureTaskValue {
  const advisor = requireAdvisor(ctx.viewer)
  const row = ctx.db.select().from(p).where(eq(p.id, id)).get()
  if (!row)
    throw notFound()
  if (!viewedRecently(ctx, advisor.accountId, 'ADVISOR_VIEW_PROCEDURE', 'procedureId', row.id)) {
    recordAudit(ctx.db, {
      at: nowIso(ctx.clock),
      action: 'ADVISOR_VIEW_PROCEDURE',
      actorAccountId: advisor.accountId,
      actorRole: 'ADVISOR',
      memberId: row.memberId,
      outcome: 'SUCCESS',
      ...requestMeta(ctx),
      // the reference only: the care itself is health data and stays out of the log
      details: { procedureId: row.id, reference: row.reference },
    })
  }
  return toProcedureTask(row, todayOf(ctx.clock))
}
