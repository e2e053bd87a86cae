import type { Context } from '../../context.ts'
import type { BeneficiaryRow } from '../../core/loaders.ts'
import { and, asc, eq } from 'drizzle-orm'
import { notFound } from '../../core/errors.ts'
import { requireMember } from '../../core/viewer.ts'
import { beneficiariesTable } from '../../db/schema/index.ts'

export function listBeneficiaries(ctx: Context): BeneficiaryRow[] {
  const { memberId } = requireMember(ctx.viewer)
  return ctx.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.memberId, memberId)).orderBy(asc(beneficiariesTable.rank)).all()
}

/** A beneficiary of the viewer's household, or NOT_FOUND. */
export function getOwnBeneficiary(ctx: Context, id: string): BeneficiaryRow {
  const { memberId } = requireMember(ctx.viewer)
  const row = ctx.db.select().from(beneficiariesTable).where(and(eq(beneficiariesTable.id, id), eq(beneficiariesTable.memberId, memberId))).get()
  if (!row)
    throw notFound()
  return row
}

/** Whether the beneficiary was covered on that day (coverage dates are inclusive). */
export function isCoveredOn(b: Pick<BeneficiaryRow, 'coverageStart' | 'coverageEnd'>, date: string): boolean {
  return b.coverageStart <= date && (!b.coverageEnd || date <= b.coverageEnd)
}
