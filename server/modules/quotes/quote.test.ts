import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { beneficiariesTable, contractsTable, guaranteesTable, proceduresTable } from '../../db/schema/index.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp } from '../../test/harness.ts'
import { computeReimbursement } from '../reimbursements/engine.ts'
import { guaranteeRule } from '../reimbursements/reimbursement-calculation.ts'

const ANALYSE = `query($input: QuoteInput!) { analyseQuote(input: $input) {
  expenseCents socialSecurityBaseCents usedReferenceBase socialSecurityCents withheldCents mutuelleCents outOfPocketCents
  guaranteeLabel contractLabel forfaitRemainingCents hundredPercentSanteOutOfPocketCents explanation } }`
const SUBMIT = `mutation($input: QuoteInput!) { submitQuote(input: $input) { errors { field code message } procedure { id kind status reference beneficiary { firstName } attachments { name } } } }`

describe('quotes (analyseQuote, submitQuote)', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    for (const b of app.db.select().from(beneficiariesTable).all())
      ids[b.firstName] = b.id
  })
  afterAll(() => app.close())

  it('splits a dental quote as the engine computes it from the main contract\'s guarantee', async () => {
    const input = { beneficiaryId: ids['Louise'], careType: 'DENTAL', amountCents: 120_000, socialSecurityBaseCents: 10_750 }
    const r = await benoit.gql(ANALYSE, { input })
    expect(r.errors).toBeUndefined()
    const a = r.data.analyseQuote
    expect(a.socialSecurityCents + a.mutuelleCents + a.outOfPocketCents).toBe(120_000)
    const main = app.db.select().from(contractsTable).where(and(eq(contractsTable.main, true), eq(contractsTable.productLabel, 'Garanties sociale interministériel'))).get()!
    const guarantee = app.db.select().from(guaranteesTable).where(and(eq(guaranteesTable.contractId, main.id), eq(guaranteesTable.careType, 'DENTAL'))).get()!
    const expected = computeReimbursement({ careType: 'DENTAL', expenseCents: 120_000, socialSecurityBaseCents: 10_750, socialSecurityPaidCents: null, quantity: 1, beneficiaryIsMinor: false, withheldThisYearCents: 0, forfaitUsedThisYearCents: 0, guarantee: guaranteeRule(guarantee) })
    expect(a).toMatchObject({ socialSecurityCents: expected.socialSecurityCents, mutuelleCents: expected.mutuelleCents, outOfPocketCents: expected.outOfPocketCents, guaranteeLabel: guarantee.label, socialSecurityBaseCents: 10_750 })
    expect(a.explanation.length).toBeGreaterThan(1)
    // a « 100 % Santé » crown leaves nothing to pay under a contrat responsable
    expect(a.hundredPercentSanteOutOfPocketCents).toBe(0)
  })

  it('uses the reference base when the quote gives none, and says so', async () => {
    const r = await benoit.gql(ANALYSE, { input: { beneficiaryId: ids['Sarah'], careType: 'OPTICS', amountCents: 45_000 } })
    expect(r.data.analyseQuote.usedReferenceBase).toBe(true)
    expect(r.data.analyseQuote.outOfPocketCents).toBeGreaterThanOrEqual(0)
    expect(r.data.analyseQuote.hundredPercentSanteOutOfPocketCents).toBe(0)
  })

  it('has no « 100 % Santé » figure for care types without a basket', async () => {
    const r = await benoit.gql(ANALYSE, { input: { beneficiaryId: ids['Benoit'], careType: 'HOSPITAL', amountCents: 80_000 } })
    expect(r.data.analyseQuote.hundredPercentSanteOutOfPocketCents).toBeNull()
  })

  it.each([
    ['a zero amount', { amountCents: 0 }, 'amountCents', 'NOT_POSITIVE'],
    ['a negative amount', { amountCents: -500 }, 'amountCents', 'NOT_POSITIVE'],
    ['an absurd amount', { amountCents: 2_000_000_000 }, 'amountCents', 'TOO_LARGE'],
    ['a base above the quote', { amountCents: 10_000, socialSecurityBaseCents: 20_000 }, 'socialSecurityBaseCents', 'EXCEEDS_AMOUNT'],
  ])('refuses %s in French, saving nothing', async (_label, more, field, code) => {
    const r = await benoit.gql(ANALYSE, { input: { beneficiaryId: ids['Louise'], careType: 'OPTICS', ...more } })
    expect(r.data).toBeNull()
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', errors: [expect.objectContaining({ field, code })] })
  })

  it('reads a beneficiary of another household like an unknown one, and refuses anonymous callers', async () => {
    const foreign = await camille.gql(ANALYSE, { input: { beneficiaryId: ids['Louise'], careType: 'OPTICS', amountCents: 30_000 } })
    const unknown = await camille.gql(ANALYSE, { input: { beneficiaryId: 'nope', careType: 'OPTICS', amountCents: 30_000 } })
    expect(foreign.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions)
    expect(JSON.stringify(foreign)).not.toContain('Louise')
    const anonymous = await app.client().gql(ANALYSE, { input: { beneficiaryId: ids['Louise'], careType: 'OPTICS', amountCents: 30_000 } })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('files a « Devis » démarche only with the quote attached, keeping the estimate shown', async () => {
    const before = app.db.select().from(proceduresTable).where(eq(proceduresTable.kind, 'QUOTE')).all().length
    const bare = await benoit.gql(SUBMIT, { input: { beneficiaryId: ids['Sarah'], careType: 'OPTICS', amountCents: 45_000 } })
    expect(bare.data.submitQuote).toEqual({ procedure: null, errors: [{ field: 'attachmentIds', code: 'REQUIRED', message: 'Joignez le devis de votre professionnel de santé (PDF ou photo).' }] })
    const foreignFile = await benoit.gql(SUBMIT, { input: { beneficiaryId: ids['Sarah'], careType: 'OPTICS', amountCents: 45_000, attachmentIds: [await uploadId(camille)] } })
    expect(foreignFile.data.submitQuote.errors).toEqual([expect.objectContaining({ field: 'attachmentIds', code: 'NOT_FOUND' })])
    expect(app.db.select().from(proceduresTable).where(eq(proceduresTable.kind, 'QUOTE')).all()).toHaveLength(before)

    const estimate = (await benoit.gql(ANALYSE, { input: { beneficiaryId: ids['Sarah'], careType: 'OPTICS', amountCents: 45_000 } })).data.analyseQuote
    const sent = await benoit.gql(SUBMIT, { input: { beneficiaryId: ids['Sarah'], careType: 'OPTICS', amountCents: 45_000, attachmentIds: [await uploadId(benoit, undefined, 'devis-opticien.pdf')] } })
    expect(sent.data.submitQuote.errors).toEqual([])
    expect(sent.data.submitQuote.procedure).toMatchObject({ kind: 'QUOTE', status: 'SUBMITTED', beneficiary: { firstName: 'Sarah' }, attachments: [{ name: 'devis-opticien.pdf' }] })
    const row = app.db.select().from(proceduresTable).where(eq(proceduresTable.id, sent.data.submitQuote.procedure.id)).get()!
    expect(row.details).toMatchObject({ estimate: { mutuelleCents: estimate.mutuelleCents, outOfPocketCents: estimate.outOfPocketCents } })
    const listed = (await benoit.gql(`{ procedures(kind: QUOTE, first: 10) { nodes { id } } }`)).data.procedures.nodes
    expect(listed.map((n: { id: string }) => n.id)).toContain(row.id)
  })
})
