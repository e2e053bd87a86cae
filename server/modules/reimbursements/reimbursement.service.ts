import type { SQL } from 'drizzle-orm'
import type { Context } from '../../context.ts'
import type { CareType, ReimbursementListRow, ReimbursementRow, ReimbursementSummaryRow } from '../../db/schema/index.ts'
import type { Page } from '../../core/pagination.ts'
import type { ReimbursementTotals } from './reimbursement.type.ts'
import { and, count, desc, eq, getTableColumns, gte, lte, sql, sum } from 'drizzle-orm'
import { notFound } from '../../core/errors.ts'
import { afterPlaceholders, preparedKeysetPage } from '../../core/pagination.ts'
import { requireMember } from '../../core/viewer.ts'
import { prepared } from '../../db/prepared.ts'
import { lazy } from '../../core/lazy.ts'
import { reimbursementsTable as r } from '../../db/schema/index.ts'

// every column but the explanation: parsing its JSON for each listed row was a tenth of a page's CPU
const { explanation: _explanation, ...summaryColumns } = getTableColumns(r)
// what the list pages show: a page of these reads and converts under half the values of whole rows
const listColumns = {
  id: r.id,
  beneficiaryId: r.beneficiaryId,
  careType: r.careType,
  careLabel: r.careLabel,
  careDate: r.careDate,
  paymentDate: r.paymentDate,
  expenseCents: r.expenseCents,
  socialSecurityCents: r.socialSecurityCents,
  mutuelleCents: r.mutuelleCents,
  outOfPocketCents: r.outOfPocketCents,
  payee: r.payee,
} satisfies Record<keyof ReimbursementListRow, unknown>

export interface ReimbursementFilter {
  beneficiaryId?: string | null
  careType?: CareType | null
  /** Payment dates, inclusive. */
  from?: string | null
  to?: string | null
}

/** The household filter on placeholders: one prepared statement per combination of filters present. */
function householdWhere(f: ReimbursementFilter): SQL | undefined {
  return and(
    eq(r.memberId, sql.placeholder('memberId')),
    f.beneficiaryId ? eq(r.beneficiaryId, sql.placeholder('beneficiaryId')) : undefined,
    f.careType ? eq(r.careType, sql.placeholder('careType')) : undefined,
    f.from ? gte(r.paymentDate, sql.placeholder('from')) : undefined,
    f.to ? lte(r.paymentDate, sql.placeholder('to')) : undefined,
  )
}

function statements(db: Context['db'], f: ReimbursementFilter) {
  const shape = `${f.beneficiaryId ? 'b' : ''}${f.careType ? 'c' : ''}${f.from ? 'f' : ''}${f.to ? 't' : ''}`
  return {
    // one aggregate query gives the count and the totals together
    totals: prepared(db, `reimbursements.totals:${shape}`, () => db.select({
      n: count(),
      expense: sum(r.expenseCents),
      ss: sum(r.socialSecurityCents),
      mutuelle: sum(r.mutuelleCents),
      oop: sum(r.outOfPocketCents),
    }).from(r).where(householdWhere(f)).prepare()),
    page: (after: boolean, rows: 'list' | 'summary') => prepared(db, `reimbursements.page:${shape}:${after}:${rows}`, () => db.select(rows === 'list' ? listColumns : summaryColumns).from(r)
      .where(and(householdWhere(f), after ? afterPlaceholders(r.paymentDate, r.id, 'desc') : undefined))
      .orderBy(desc(r.paymentDate), desc(r.id))
      .limit(sql.placeholder('limit'))
      .prepare()),
  }
}

/**
 * One page of the household's reimbursements. `rows`: 'list' reads only what the list pages show
 * (ReimbursementListRow), 'summary' every column but the explanation.
 */
export function listReimbursements(ctx: Context, f: ReimbursementFilter, first: number | null | undefined, after: string | null | undefined, rows: 'list' | 'summary'): Page<ReimbursementListRow | ReimbursementSummaryRow> & { totals: ReimbursementTotals } {
  const { memberId } = requireMember(ctx.viewer)
  const s = statements(ctx.db, f)
  const values = { memberId, beneficiaryId: f.beneficiaryId, careType: f.careType, from: f.from, to: f.to }
  // count and totals in one aggregate, run only when the query asks for either (the home page does not)
  const agg = lazy(() => s.totals.get(values)!)
  const page = preparedKeysetPage<ReimbursementListRow | ReimbursementSummaryRow>({
    first,
    after,
    fetch: (cursor, limit) => s.page(cursor !== null, rows).all({ ...values, ...cursor, limit }),
    count: () => agg().n,
    key: row => [row.paymentDate, row.id],
  })
  const totals = lazy((): ReimbursementTotals => ({
    expenseCents: Number(agg().expense ?? 0),
    socialSecurityCents: Number(agg().ss ?? 0),
    mutuelleCents: Number(agg().mutuelle ?? 0),
    outOfPocketCents: Number(agg().oop ?? 0),
  }))
  return {
    get edges() { return page.edges },
    nodes: page.nodes,
    pageInfo: page.pageInfo,
    get totalCount() { return page.totalCount },
    get totals() { return totals() },
  }
}

export function getOwnReimbursement(ctx: Context, id: string): ReimbursementRow {
  const { memberId } = requireMember(ctx.viewer)
  const row = ctx.db.select().from(r).where(and(eq(r.id, id), eq(r.memberId, memberId))).get()
  if (!row)
    throw notFound()
  return row
}
