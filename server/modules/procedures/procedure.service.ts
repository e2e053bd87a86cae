import type { Context } from '../../context.ts'
import type { Page } from '../../core/pagination.ts'
import type { ProcedureKind, ProcedureStatus } from '../../db/schema/index.ts'
import { and, count, desc, eq, ne, sql } from 'drizzle-orm'
import { afterPlaceholders, preparedKeysetPage } from '../../core/pagination.ts'
import { requireMember } from '../../core/viewer.ts'
import { prepared } from '../../db/prepared.ts'
import { proceduresTable as p } from '../../db/schema/index.ts'

export type ProcedureRow = typeof p.$inferSelect
/** A démarche as the home page lists it: no details to parse, a third of the columns. */
export type ProcedureListRow = Pick<ProcedureRow, 'id' | 'kind' | 'status' | 'beneficiaryId' | 'reference' | 'submittedAt' | 'careType' | 'careDate'>
const listColumns = {
  id: p.id,
  kind: p.kind,
  status: p.status,
  beneficiaryId: p.beneficiaryId,
  reference: p.reference,
  submittedAt: p.submittedAt,
  careType: p.careType,
  careDate: p.careDate,
} satisfies Record<keyof ProcedureListRow, unknown>

export interface ProcedureFilter {
  status?: ProcedureStatus | null
  exceptStatus?: ProcedureStatus | null
  kind?: ProcedureKind | null
  beneficiaryId?: string | null
}

/** One page of the household's démarches: `rows` 'list' reads ProcedureListRow, 'whole' every column. */
export function listProcedures(ctx: Context, f: ProcedureFilter, first: number | null | undefined, after: string | null | undefined, rows: 'list' | 'whole'): Page<ProcedureListRow | ProcedureRow> {
  const { memberId } = requireMember(ctx.viewer)
  // Mes démarches and the home page: one prepared statement per combination of filters present
  const shape = `${f.status ? 's' : ''}${f.exceptStatus ? 'x' : ''}${f.kind ? 'k' : ''}${f.beneficiaryId ? 'b' : ''}`
  const where = () => and(
    eq(p.memberId, sql.placeholder('memberId')),
    f.status ? eq(p.status, sql.placeholder('status')) : undefined,
    f.exceptStatus ? ne(p.status, sql.placeholder('exceptStatus')) : undefined,
    f.kind ? eq(p.kind, sql.placeholder('kind')) : undefined,
    f.beneficiaryId ? eq(p.beneficiaryId, sql.placeholder('beneficiaryId')) : undefined,
  )
  const values = { memberId, status: f.status, exceptStatus: f.exceptStatus, kind: f.kind, beneficiaryId: f.beneficiaryId }
  return preparedKeysetPage<ProcedureListRow | ProcedureRow>({
    first,
    after,
    fetch: (cursor, limit) => prepared(ctx.db, `procedures.page:${shape}:${cursor !== null}:${rows}`, () => (rows === 'list' ? ctx.db.select(listColumns) : ctx.db.select()).from(p)
      .where(and(where(), cursor ? afterPlaceholders(p.submittedAt, p.id, 'desc') : undefined))
      .orderBy(desc(p.submittedAt), desc(p.id))
      .limit(sql.placeholder('limit'))
      .prepare()).all({ ...values, ...cursor, limit }),
    count: () => prepared(ctx.db, `procedures.count:${shape}`, () => ctx.db.select({ n: count() }).from(p).where(where()).prepare()).get(values)!.n,
    key: row => [row.submittedAt, row.id],
  })
}

