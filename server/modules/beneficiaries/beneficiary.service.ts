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

/**
 * What the member should do when décomptes do not reach us automatically; null when the link
 * works. The usual failure after a change of mutuelle is a link still held by the previous one.
 */
export function noemieHint(b: Pick<BeneficiaryRow, 'firstName' | 'relationship' | 'noemieStatus' | 'socialSecurityFund'>): string | null {
  const self = b.relationship === 'SELF'
  const theirs = self ? 'vos décomptes' : `les décomptes de ${b.firstName}`
  const fund = b.socialSecurityFund ?? 'votre caisse d\'assurance maladie'
  switch (b.noemieStatus) {
    case 'ACTIVE':
      return null
    case 'HELD_BY_PREVIOUS_INSURER':
      return `Votre ancienne mutuelle reçoit encore ${theirs}\u00a0: demandez-lui de clôturer la liaison, ou envoyez-nous l'attestation de droits de la CPAM. En attendant, faites une demande de remboursement en joignant le décompte.`
    case 'PENDING':
      return `La télétransmission est en cours d'activation auprès de ${fund}\u00a0: d'ici quelques jours, ${theirs} nous parviendront automatiquement. En attendant, faites une demande de remboursement en joignant le décompte.`
    case 'INACTIVE':
      return `La télétransmission n'est pas active\u00a0: ${theirs} ne nous parviennent pas automatiquement. Envoyez-nous l'attestation de droits de la CPAM pour l'activer\u00a0; en attendant, faites une demande de remboursement en joignant le décompte.`
  }
}
