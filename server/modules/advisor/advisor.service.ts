import type { Context } from '../../context.ts'
import type { Page } from '../../core/pagination.ts'
import type { ProcedureKind } from '../../db/schema/index.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { ProcedureTaskValue } from './advisor-task.type.ts'
import { and, asc, count, eq, gte, ne, sql } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { notFound } from '../../core/errors.ts'
import { keysetPage } from '../../core/pagination.ts'
import { requireAdvisor } from '../../core/viewer.ts'
import { auditEventsTable, proceduresTable as p } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'

const DAY_MS = 86_400_000

/**
 * Reloading a démarche (after a decision, a refresh) is one consultation for the member: the same
 * advisor opening the same démarche again within this window adds no new line to their access log.
 */
export const CONSULTATION_WINDOW_MS = 15 * 60_000

function viewedRecently(ctx: Context, advisorAccountId: string, procedureId: string): boolean {
  const since = new Date(ctx.clock.now().getTime() - CONSULTATION_WINDOW_MS).toISOString()
  return !!ctx.db.select({ id: auditEventsTable.id }).from(auditEventsTable).where(and(
    eq(auditEventsTable.actorAccountId, advisorAccountId),
    gte(auditEventsTable.at, since),
    eq(auditEventsTable.action, 'ADVISOR_VIEW_PROCEDURE'),
    sql`json_extract(${auditEventsTable.details}, '$.procedureId') = ${procedureId}`,
  )).get()
}

/** The French calendar day of an instant, as the member lived it. */
function parisDay(iso: string): string {
  return todayOf({ now: () => new Date(iso) })
}

function daysBetween(from: string, to: string): number {
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
  const seen = new Set(ctx.db.select({ memberId: auditEventsTable.memberId, details: auditEventsTable.details }).from(auditEventsTable).where(and(
    eq(auditEventsTable.actorAccountId, advisorAccountId),
    gte(auditEventsTable.at, since),
    eq(auditEventsTable.action, 'ADVISOR_LIST_QUEUE'),
  )).all().map(e => `${e.memberId} ${JSON.stringify(e.details?.references)}`))
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
 * The démarches waiting for the mutuelle, oldest first: status SUBMITTED ("En cours"). An
 * unfinished commercial journey (AFFILIATION) is SUBMITTED too but waits for the member to resume
 * it, and no decision applies to it: it is not an advisor's work.
 */
export function listAdvisorQueue(ctx: Context, kind: ProcedureKind | null | undefined, first?: number | null, after?: string | null): Page<ProcedureTaskValue> {
  const advisor = requireAdvisor(ctx.viewer)
  const where = and(
    eq(p.status, 'SUBMITTED'),
    ne(p.kind, 'AFFILIATION'),
    kind ? eq(p.kind, kind) : undefined,
  )
  const page = keysetPage<ProcedureRow>({
    first,
    after,
    sortColumn: p.submittedAt,
    idColumn: p.id,
    direction: 'asc',
    where,
    fetch: (w, limit) => ctx.db.select().from(p).where(w).orderBy(asc(p.submittedAt), asc(p.id)).limit(limit).all(),
    count: () => ctx.db.select({ n: count() }).from(p).where(where).get()!.n,
    key: row => [row.submittedAt, row.id],
  })
  recordQueueListing(ctx, advisor.accountId, page.nodes)
  const today = todayOf(ctx.clock)
  const edges = page.edges.map(edge => ({ cursor: edge.cursor, node: toProcedureTask(edge.node, today) }))
  return { edges, nodes: edges.map(e => e.node), pageInfo: page.pageInfo, totalCount: page.totalCount }
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
  if (!viewedRecently(ctx, advisor.accountId, row.id)) {
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
