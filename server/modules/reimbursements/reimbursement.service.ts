import type { SQL } from 'drizzle-orm'
import type { Context } from '../../context.ts'
import type { CareType, ReimbursementRow } from '../../db/schema/index.ts'
import type { Page } from '../../core/pagination.ts'
import type { ReimbursementTotals } from './reimbursement.type.ts'
import { and, count, desc, eq, gte, lte, sum } from 'drizzle-orm'
import { notFound } from '../../core/errors.ts'
import { keysetPage } from '../../core/pagination.ts'
import { requireMember } from '../../core/viewer.ts'
import { reimbursementsTable as r } from '../../db/schema/index.ts'

export interface ReimbursementFilter {
  beneficiaryId?: string | null
  careType?: CareType | null
  /** Payment dates, inclusive. */
  from?: string | null
  to?: string | null
}

function householdWhere(memberId: string, f: ReimbursementFilter): SQL | undefined {
  return and(
    eq(r.memberId, memberId),
    f.beneficiaryId ? eq(r.beneficiaryId, f.beneficiaryId) : undefined,
    f.careType ? eq(r.careType, f.careType) : undefined,
    f.from ? gte(r.paymentDate, f.from) : undefined,
    f.to ? lte(r.paymentDate, f.to) : undefined,
  )
}

export function listReimbursements(ctx: Context, f: ReimbursementFilter, first?: number | null, after?: string | null): Page<ReimbursementRow> & { totals: ReimbursementTotals } {
  const { memberId } = requireMember(ctx.viewer)
  const where = householdWhere(memberId, f)
  // one aggregate query gives the count and the totals together
  const agg = ctx.db.select({
    n: count(),
    expense: sum(r.expenseCents),
    ss: sum(r.socialSecurityCents),
    mutuelle: sum(r.mutuelleCents),
    oop: sum(r.outOfPocketCents),
  }).from(r).where(where).get()!
  const page = keysetPage<ReimbursementRow>({
    first,
    after,
    sortColumn: r.paymentDate,
    idColumn: r.id,
    direction: 'desc',
    where,
    fetch: (w, limit) => ctx.db.select().from(r).where(w).orderBy(desc(r.paymentDate), desc(r.id)).limit(limit).all(),
    count: () => agg.n,
    key: row => [row.paymentDate, row.id],
  })
  return {
    ...page,
    totals: {
      expenseCents: Number(agg.expense ?? 0),
      socialSecurityCents: Number(agg.ss ?? 0),
      mutuelleCents: Number(agg.mutuelle ?? 0),
      outOfPocketCents: Number(agg.oop ?? 0),
    },
  }
}

export function getOwnReimbursement(ctx: Context, id: string): ReimbursementRow {
  const { memberId } = requireMember(ctx.viewer)
  const row = ctx.db.select().from(r).where(and(eq(r.id, id), eq(r.memberId, memberId))).get()
  if (!row)
    throw notFound()
  return row
}
