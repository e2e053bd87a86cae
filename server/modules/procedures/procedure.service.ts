import type { Context } from '../../context.ts'
import type { Page } from '../../core/pagination.ts'
import type { ProcedureKind, ProcedureStatus } from '../../db/schema/index.ts'
import { and, count, desc, eq } from 'drizzle-orm'
import { keysetPage } from '../../core/pagination.ts'
import { requireMember } from '../../core/viewer.ts'
import { proceduresTable as p } from '../../db/schema/index.ts'

export type ProcedureRow = typeof p.$inferSelect

export interface ProcedureFilter {
  status?: ProcedureStatus | null
  kind?: ProcedureKind | null
  beneficiaryId?: string | null
}

export function listProcedures(ctx: Context, f: ProcedureFilter, first?: number | null, after?: string | null): Page<ProcedureRow> {
  const { memberId } = requireMember(ctx.viewer)
  const where = and(
    eq(p.memberId, memberId),
    f.status ? eq(p.status, f.status) : undefined,
    f.kind ? eq(p.kind, f.kind) : undefined,
    f.beneficiaryId ? eq(p.beneficiaryId, f.beneficiaryId) : undefined,
  )
  return keysetPage<ProcedureRow>({
    first,
    after,
    sortColumn: p.submittedAt,
    idColumn: p.id,
    direction: 'desc',
    where,
    fetch: (w, limit) => ctx.db.select().from(p).where(w).orderBy(desc(p.submittedAt), desc(p.id)).limit(limit).all(),
    count: () => ctx.db.select({ n: count() }).from(p).where(where).get()!.n,
    key: row => [row.submittedAt, row.id],
  })
}

