import type { ApiClient, TestApp } from '../../test/harness.ts'
import type { ReimbursementRow } from '../../db/schema/index.ts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../core/clock.ts'
import { formatEuros } from '../../core/format.ts'
import { beneficiariesTable, proceduresTable, reimbursementsTable } from '../../db/schema/index.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp } from '../../test/harness.ts'
import { explainDifference } from './quote-reconciliation.service.ts'

const COMPARISON = `query($id: ID!) { reimbursement(id: $id) { id quoteComparison {
  quotedOn quote { id kind reference }
  estimatedExpenseCents estimatedSocialSecurityCents estimatedMutuelleCents estimatedOutOfPocketCents
  actualExpenseCents actualSocialSecurityCents actualMutuelleCents actualOutOfPocketCents explanation } } }`

describe('a sent quote beside the reimbursement of its care', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    advisor = await app.as('advisor')
    for (const b of app.db.select().from(beneficiariesTable).all())
      ids[b.firstName] = b.id
  })
  afterAll(() => app.close())

  const reimbursementsOf = (firstName: string, careType: ReimbursementRow['careType']) =>
    app.db.select().from(reimbursementsTable).where(and(eq(reimbursementsTable.beneficiaryId, ids[firstName]!), eq(reimbursementsTable.careType, careType))).all()

  it('shows the estimate of Benoit\'s glasses quote beside what was paid, and why the glasses cost less', async () => {
    const quote = app.db.select().from(proceduresTable).where(and(eq(proceduresTable.kind, 'QUOTE'), eq(proceduresTable.beneficiaryId, ids['Benoit']!), eq(proceduresTable.careType, 'OPTICS'))).get()!
    const glasses = reimbursementsOf('Benoit', 'OPTICS').find(r => r.careDate >= quote.submittedAt.slice(0, 10))!
    const r = await benoit.gql(COMPARISON, { id: glasses.id })
    expect(r.errors).toBeUndefined()
    const c = r.data.reimbursement.quoteComparison
    const estimate = (quote.details as { estimate: { socialSecurityCents: number, mutuelleCents: number, outOfPocketCents: number } }).estimate
    expect(c).toMatchObject({
      quote: { id: quote.id, kind: 'QUOTE', reference: quote.reference },
      estimatedExpenseCents: quote.amountEurCents,
      estimatedSocialSecurityCents: estimate.socialSecurityCents,
      estimatedMutuelleCents: estimate.mutuelleCents,
      estimatedOutOfPocketCents: estimate.outOfPocketCents,
      actualExpenseCents: glasses.expenseCents,
      actualMutuelleCents: glasses.mutuelleCents,
      actualOutOfPocketCents: glasses.outOfPocketCents,
    })
    expect(c.estimatedSocialSecurityCents + c.estimatedMutuelleCents + c.estimatedOutOfPocketCents).toBe(c.estimatedExpenseCents)
    expect(c.explanation[0]).toBe(`Le montant facturé (${formatEuros(glasses.expenseCents)}) est inférieur de ${formatEuros(quote.amountEurCents! - glasses.expenseCents)} à celui du devis (${formatEuros(quote.amountEurCents!)})\u00a0: les remboursements suivent ce qui a été facturé.`)
    expect(c.explanation.at(-1)).toBe(glasses.outOfPocketCents === 0
      ? `Il ne vous reste rien à payer, alors que le devis laissait ${formatEuros(estimate.outOfPocketCents)} à votre charge.`
      : `Votre reste à charge est de ${formatEuros(glasses.outOfPocketCents)}, soit ${formatEuros(estimate.outOfPocketCents - glasses.outOfPocketCents)} de moins que les ${formatEuros(estimate.outOfPocketCents)} estimés.`)
  })

  it('shows nothing on care no quote announced, nor on an earlier care of the same kind', async () => {
    for (const row of [...reimbursementsOf('Sarah', 'OPTICS'), ...reimbursementsOf('Benoit', 'PHARMACY')]) {
      const r = await benoit.gql(COMPARISON, { id: row.id })
      expect(r.data.reimbursement.quoteComparison).toBeNull()
    }
  })

  it('matches a quote sent through the portal with the reimbursement the advisor then pays', async () => {
    const quote = await benoit.gql(`mutation($input: QuoteInput!) { submitQuote(input: $input) { errors { code } procedure { id } } }`, {
      input: { beneficiaryId: ids['Hélia'], careType: 'AUDIOLOGY', amountCents: 150_000, socialSecurityBaseCents: 40_000, attachmentIds: [await uploadId(benoit)] },
    })
    expect(quote.data.submitQuote.errors).toEqual([])
    const careDate = today(app.clock)
    const request = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { code } procedure { id } } }`, {
      input: { beneficiaryId: ids['Hélia'], careType: 'AUDIOLOGY', careDate, abroad: false, amountCents: 150_000, socialSecurityBaseCents: 35_000, attachmentIds: [await uploadId(benoit)] },
    })
    expect(request.data.submitReimbursementRequest.errors).toEqual([])
    const decided = await advisor.gql(`mutation($id: ID!) { decideProcedure(procedureId: $id, decision: ACCEPT) { errors { code } } }`, { id: request.data.submitReimbursementRequest.procedure.id })
    expect(decided.data.decideProcedure.errors).toEqual([])
    const paid = app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, request.data.submitReimbursementRequest.procedure.id)).get()!
    const c = (await benoit.gql(COMPARISON, { id: paid.id })).data.reimbursement.quoteComparison
    expect(c.quote.id).toBe(quote.data.submitQuote.procedure.id)
    expect(c.quotedOn).toBe(careDate)
    expect(c.explanation).toContain(`La base de remboursement retenue par la Sécurité sociale (${formatEuros(35_000)}) diffère de celle du devis (${formatEuros(40_000)}).`)
    // another household never reaches it: the reimbursement itself is not found
    const other = await camille.gql(COMPARISON, { id: paid.id })
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })

  it('explains forfait used by other care between the quote and the care', () => {
    const actual = { expenseCents: 40_000, socialSecurityBaseCents: 9, socialSecurityCents: 5, mutuelleCents: 25_004, outOfPocketCents: 14_991, careDate: '2026-06-10', forfaitUsedCents: 25_000 } as ReimbursementRow
    const lines = explainDifference({ quotedOn: '2026-05-02', quotedCents: 40_000, quotedBaseCents: null, estimate: { socialSecurityCents: 5, mutuelleCents: 40_004 - 9, outOfPocketCents: 0, guaranteeLabel: 'Optique' }, actual, forfaitUsedInBetweenCents: 20_000, guaranteeLabel: 'Optique' })
    expect(lines[0]).toBe(`Entre le devis (02/05/2026) et les soins (10/06/2026), d'autres soins ont utilisé ${formatEuros(20_000)} du forfait annuel\u00a0: il en restait moins pour ces soins.`)
    expect(lines.at(-1)).toBe(`Votre reste à charge est de ${formatEuros(14_991)}, soit ${formatEuros(14_991)} de plus que les ${formatEuros(0)} estimés.`)
  })
})
