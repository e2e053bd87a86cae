import type { Db } from '../../db/client.ts'

/**
 * The relevé de prestations PDF of a household for a period (a month or a year).
 * Contract for the documents route: resolves to the PDF bytes; dates are inclusive YYYY-MM-DD.
 */
export async function renderBenefitsStatement(_db: Db, _memberId: string, _from: string, _to: string): Promise<Buffer> {
  throw new Error('renderBenefitsStatement: built in issue 4')
}
