import type { Context } from '../../context.ts'
import type { ContractRow } from '../../core/loaders.ts'
import { and, asc, desc, eq } from 'drizzle-orm'
import { notFound } from '../../core/errors.ts'
import { requireMember } from '../../core/viewer.ts'
import { contractsTable } from '../../db/schema/index.ts'

export function listContracts(ctx: Context): ContractRow[] {
  const { memberId } = requireMember(ctx.viewer)
  return ctx.db.select().from(contractsTable).where(eq(contractsTable.memberId, memberId))
    .orderBy(desc(contractsTable.main), asc(contractsTable.startDate)).all()
}

/** A contract of the household by id, or the main one when no id is given; NOT_FOUND otherwise. */
export function getOwnContract(ctx: Context, id?: string | null): ContractRow {
  const { memberId } = requireMember(ctx.viewer)
  const row = id
    ? ctx.db.select().from(contractsTable).where(and(eq(contractsTable.id, id), eq(contractsTable.memberId, memberId))).get()
    : ctx.db.select().from(contractsTable).where(eq(contractsTable.memberId, memberId)).orderBy(desc(contractsTable.main), asc(contractsTable.startDate)).get()
  if (!row)
    throw notFound()
  return row
}
