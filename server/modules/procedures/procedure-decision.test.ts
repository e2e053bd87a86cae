import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq, gte, lte } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsTable, beneficiariesTable, beneficiaryBankAccountsTable, contractsTable, guaranteesTable, proceduresTable, reimbursementSharesTable, reimbursementsTable } from '../../db/schema/index.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp } from '../../test/harness.ts'
import { computeReimbursement } from '../reimbursements/engine.ts'

const SUBMIT = `mutation Submit($input: ReimbursementRequestInput!) {
  submitReimbursementRequest(input: $input) { errors { field code message } procedure { id } }
}`

const DECIDE = `mutation Decide($id: ID!, $decision: Decision!, $note: String) {
  decideProcedure(procedureId: $id, decision: $decision, note: $note) {
    errors { field code message }
    task { procedure { id status decidedAt decisionNote history { status note } reimbursement { id mutuelleCents } } }
  }
}`

const ADD_DOCUMENTS = `mutation Add($id: ID!, $files: [ID!]!) {
  addProcedureDocuments(procedureId: $id, attachmentIds: $files) {
    errors { field code message }
    procedure { id status estimatedDecisionDate history { status note } attachments { id } }
  }
}`

const MEMBER_VIEW = `query Procedures { procedures(first: 100) { nodes { id status decisionNote history { status note } reimbursement { id } } } }`

describe('decideProcedure', () => {
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

  async function submit(more: Record<string, unknown>): Promise<string> {
    const input = { careDate: '2026-11-20', abroad: false, attachmentIds: [await uploadId(benoit)], ...more }
    const r = await benoit.gql(SUBMIT, { input })
    expect(r.data.submitReimbursementRequest.errors).toEqual([])
    return r.data.submitReimbursementRequest.procedure.id
  }

  function mainGuarantee(careType: string) {
    const main = app.db.select().from(contractsTable).where(and(eq(contractsTable.main, true), eq(contractsTable.productLabel, 'Garanties sociale interministériel'))).get()!
    const g = app.db.select().from(guaranteesTable).where(and(eq(guaranteesTable.contractId, main.id), eq(guaranteesTable.careType, careType as 'CONSULTATION'))).get()!
    return { contractId: main.id, row: g, rule: { careType: g.careType, label: g.label, brssPercent: g.brssPercent, yearlyForfaitCents: g.yearlyForfaitCents, perActCeilingCents: g.perActCeilingCents, hundredPercentSante: g.hundredPercentSante } }
  }

  it('is refused to members (FORBIDDEN) and to anonymous callers', async () => {
    const id = await submit({ beneficiaryId: ids['Louise'], careType: 'PHARMACY', amountCents: 1200 })
    const asMember = await benoit.gql(DECIDE, { id, decision: 'ACCEPT' })
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(asMember.data?.decideProcedure ?? null).toBeNull()
    const anonymous = await app.client().gql(DECIDE, { id, decision: 'ACCEPT' })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, id)).all()).toEqual([])
  })

  it('pays an accepted request as the engine computes it from the contract\'s guarantee', async () => {
    // Benoit, adult: 50 € consultation, décompte base 30 €, 19 € paid (70 % × 30 € − 2 € participation)
    const id = await submit({ beneficiaryId: ids['Benoit'], careType: 'CONSULTATION', amountCents: 5000, socialSecurityBaseCents: 3000, socialSecurityPaidCents: 1900, providerName: 'Dr Marc Delorme' })
    const { contractId, row, rule } = mainGuarantee('CONSULTATION')
    const withheldThisYear = app.db.select().from(reimbursementsTable)
      .where(and(eq(reimbursementsTable.beneficiaryId, ids['Benoit']!), eq(reimbursementsTable.withholdingKind, 'PARTICIPATION_FORFAITAIRE'), gte(reimbursementsTable.careDate, '2026-01-01'), lte(reimbursementsTable.careDate, '2026-12-31'))).all()
      .reduce((t, r) => t + r.withheldCents, 0)
    expect(withheldThisYear).toBeLessThan(4800)
    const expected = computeReimbursement({ careType: 'CONSULTATION', expenseCents: 5000, socialSecurityBaseCents: 3000, socialSecurityPaidCents: 1900, quantity: 1, beneficiaryIsMinor: false, withheldThisYearCents: withheldThisYear, forfaitUsedThisYearCents: 0, guarantee: rule })
    // by hand: gross 21 €, 2 € withheld → 19 €; 150 % × 30 € = 45 € − 21 € = 24 €; 50 − 19 − 24 = 7 € left
    expect(expected).toMatchObject({ socialSecurityCents: 1900, withheldCents: 200, mutuelleCents: 2400, outOfPocketCents: 700 })

    const r = await advisor.gql(DECIDE, { id, decision: 'ACCEPT' })
    expect(r.errors).toBeUndefined()
    const payload = r.data.decideProcedure
    expect(payload.errors).toEqual([])
    expect(payload.task.procedure).toMatchObject({
      status: 'ACCEPTED',
      decidedAt: '2026-11-26T10:00:00.000Z',
      decisionNote: 'Demande acceptée\u00a0: 24,00\u00A0€ remboursés par votre mutuelle, virés sur votre compte.',
      history: [{ status: 'SUBMITTED', note: null }, { status: 'ACCEPTED', note: expect.stringContaining('24,00') }],
      reimbursement: { id: expect.any(String), mutuelleCents: 2400 },
    })
    const paid = app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, id)).all()
    expect(paid).toHaveLength(1)
    const account = app.db.select().from(beneficiaryBankAccountsTable).where(eq(beneficiaryBankAccountsTable.beneficiaryId, ids['Benoit']!)).get()!
    expect(paid[0]).toMatchObject({
      contractId,
      guaranteeId: row.id,
      beneficiaryId: ids['Benoit'],
      careType: 'CONSULTATION',
      careDate: '2026-11-20',
      paymentDate: '2026-11-26',
      providerName: 'Dr Marc Delorme',
      payee: 'MEMBER',
      origin: 'REQUEST',
      bankAccountId: account.bankAccountId,
      expenseCents: expected.expenseCents,
      socialSecurityBaseCents: expected.socialSecurityBaseCents,
      socialSecurityRatePercent: expected.socialSecurityRatePercent,
      socialSecurityCents: expected.socialSecurityCents,
      withheldCents: expected.withheldCents,
      withholdingKind: expected.withholdingKind,
      mutuelleCents: expected.mutuelleCents,
      outOfPocketCents: expected.outOfPocketCents,
      forfaitUsedCents: expected.forfaitUsedCents,
      explanation: expected.explanation,
    })
    // the member sees it in Prestations, linked to the request
    const list = await benoit.gql(`{ reimbursements(first: 1) { nodes { id origin procedure { id } } } }`)
    expect(list.data.reimbursements.nodes[0]).toEqual({ id: paid[0]!.id, origin: 'REQUEST', procedure: { id } })
  })

  it('pays Sarah\'s osteopathy from Horizon Renfort once her main contract\'s forfait is used up, in the estimate and the decision alike', async () => {
    // main contract: 4 × 25 € a year, used up in 2026 (sessions 260, 205, 150 and 95 days before TEST_NOW);
    // Horizon Renfort: 3 × 40 € a year, 35 € (the rest of the 95-day session) + 40 € used, 45 € left
    const renfort = app.db.select().from(contractsTable).where(eq(contractsTable.productLabel, 'Horizon Renfort')).get()!
    const main = mainGuarantee('ALTERNATIVE_MEDICINE')
    const renfortGuarantee = app.db.select().from(guaranteesTable).where(and(eq(guaranteesTable.contractId, renfort.id), eq(guaranteesTable.careType, 'ALTERNATIVE_MEDICINE'))).get()!
    const usedThisYear = (guaranteeId: string) => app.db.select({ used: reimbursementSharesTable.forfaitUsedCents }).from(reimbursementSharesTable)
      .innerJoin(reimbursementsTable, eq(reimbursementsTable.id, reimbursementSharesTable.reimbursementId))
      .where(and(eq(reimbursementsTable.beneficiaryId, ids['Sarah']!), eq(reimbursementSharesTable.guaranteeId, guaranteeId), gte(reimbursementsTable.careDate, '2026-01-01'), lte(reimbursementsTable.careDate, '2026-12-31'))).all()
      .reduce((t, r) => t + r.used, 0)
    expect(usedThisYear(main.row.id)).toBe(10000)
    expect(usedThisYear(renfortGuarantee.id)).toBe(7500)

    const care = { beneficiaryId: ids['Sarah'], careType: 'ALTERNATIVE_MEDICINE', careDate: '2026-11-20', abroad: false, amountCents: 6000 }
    const estimate = await benoit.gql(`query($input: ReimbursementEstimateInput!) { reimbursementRequestEstimate(input: $input) { errors { code } estimate { mutuelleCents outOfPocketCents explanation shares { amountCents contract { label } } } } }`, { input: care })
    expect(estimate.data.reimbursementRequestEstimate.estimate).toMatchObject({
      mutuelleCents: 4000,
      outOfPocketCents: 2000,
      shares: [{ amountCents: 0, contract: { label: 'Garanties sociale interministériel' } }, { amountCents: 4000, contract: { label: 'Horizon Renfort' } }],
    })

    const first = await submit({ ...care })
    const decided = await advisor.gql(DECIDE, { id: first, decision: 'ACCEPT' })
    expect(decided.data.decideProcedure.task.procedure).toMatchObject({
      decisionNote: 'Demande acceptée\u00a0: 40,00\u00A0€ remboursés par votre mutuelle (Horizon Renfort\u00a0: 40,00\u00A0€), virés sur votre compte.',
      reimbursement: { mutuelleCents: 4000 },
    })
    const paid = app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, first)).get()!
    expect(paid).toMatchObject({ contractId: renfort.id, guaranteeId: renfortGuarantee.id, mutuelleCents: 4000, outOfPocketCents: 2000 })
    // the member's detail page shows both contracts' parts and why
    const detail = await benoit.gql(`query($id: ID!) { reimbursement(id: $id) { mutuelleCents explanation shares { amountCents forfaitUsedCents contract { label } } } }`, { id: paid.id })
    expect(detail.data.reimbursement.shares).toEqual([
      { amountCents: 0, forfaitUsedCents: 0, contract: { label: 'Garanties sociale interministériel' } },
      { amountCents: 4000, forfaitUsedCents: 4000, contract: { label: 'Horizon Renfort' } },
    ])
    expect(detail.data.reimbursement.explanation).toEqual(estimate.data.reimbursementRequestEstimate.estimate.explanation)
    expect(detail.data.reimbursement.explanation).toContain('Forfait annuel de 100,00\u00A0€\u00a0: 0,00\u00A0€ encore disponibles cette année, dont 0,00\u00A0€ utilisés pour ce soin')
    expect(detail.data.reimbursement.explanation).toContain('Remboursé par votre mutuelle, contrat «\u00a0Horizon Renfort\u00a0»\u00a0: 40,00\u00A0€')
    expect(usedThisYear(renfortGuarantee.id)).toBe(11500)

    // the next session gets the last 5 € of the top-up's forfait, then nothing
    const second = await submit({ ...care, careDate: '2026-11-21' })
    await advisor.gql(DECIDE, { id: second, decision: 'ACCEPT' })
    expect(app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, second)).get()).toMatchObject({ mutuelleCents: 500, outOfPocketCents: 5500 })
    const third = await submit({ ...care, careDate: '2026-11-22' })
    await advisor.gql(DECIDE, { id: third, decision: 'ACCEPT' })
    expect(app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, third)).get()).toMatchObject({ mutuelleCents: 0, outOfPocketCents: 6000 })
    expect(usedThisYear(renfortGuarantee.id)).toBe(12000)
    expect(usedThisYear(main.row.id)).toBe(10000)
  })

  it('cannot decide a procedure twice', async () => {
    const id = await submit({ beneficiaryId: ids['Louise'], careType: 'PHARMACY', amountCents: 1500 })
    expect((await advisor.gql(DECIDE, { id, decision: 'ACCEPT' })).data.decideProcedure.errors).toEqual([])
    for (const decision of ['ACCEPT', 'REJECT']) {
      const again = await advisor.gql(DECIDE, { id, decision, note: 'Deuxième décision' })
      expect(again.data.decideProcedure).toEqual({ task: null, errors: [{ field: null, code: 'ALREADY_DECIDED', message: 'Cette démarche a déjà été décidée.' }] })
    }
    expect(app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, id)).all()).toHaveLength(1)
  })

  it('refuses with a note the member reads, and only with a note', async () => {
    const id = await submit({ beneficiaryId: ids['Hélia'], careType: 'ALTERNATIVE_MEDICINE', amountCents: 7000 })
    const bare = await advisor.gql(DECIDE, { id, decision: 'REJECT', note: '   ' })
    expect(bare.data.decideProcedure.errors).toEqual([{ field: 'note', code: 'REQUIRED', message: expect.stringContaining('pourquoi') }])
    const note = 'La naturopathie ne fait pas partie des médecines douces couvertes par votre contrat.'
    const r = await advisor.gql(DECIDE, { id, decision: 'REJECT', note })
    expect(r.data.decideProcedure.task.procedure).toMatchObject({ status: 'REJECTED', decisionNote: note, reimbursement: null })
    const seen = (await benoit.gql(MEMBER_VIEW)).data.procedures.nodes.find((p: { id: string }) => p.id === id)
    expect(seen).toMatchObject({ status: 'REJECTED', decisionNote: note, history: [{ status: 'SUBMITTED' }, { status: 'REJECTED', note }] })
    expect(app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, id)).all()).toEqual([])
  })

  it('asks for documents with a note, then takes the member\'s added documents back to "En cours"', async () => {
    const id = await submit({ beneficiaryId: ids['Léa'], careType: 'LABORATORY', amountCents: 1920 })
    expect((await advisor.gql(DECIDE, { id, decision: 'REQUEST_DOCUMENTS' })).data.decideProcedure.errors[0]).toMatchObject({ field: 'note', code: 'REQUIRED' })
    const asked = await advisor.gql(DECIDE, { id, decision: 'REQUEST_DOCUMENTS', note: 'Merci de joindre l\'ordonnance du laboratoire.' })
    expect(asked.data.decideProcedure.task.procedure).toMatchObject({ status: 'MISSING_DOCUMENTS', decidedAt: null, decisionNote: 'Merci de joindre l\'ordonnance du laboratoire.' })

    // another household cannot touch it, nor can someone else's file be slipped in
    const file = await uploadId(benoit, undefined, 'ordonnance.pdf')
    expect((await camille.gql(ADD_DOCUMENTS, { id, files: [await uploadId(camille)] })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect((await benoit.gql(ADD_DOCUMENTS, { id, files: [await uploadId(camille)] })).data.addProcedureDocuments.errors).toEqual([expect.objectContaining({ field: 'attachmentIds', code: 'NOT_FOUND' })])
    expect((await benoit.gql(ADD_DOCUMENTS, { id, files: [] })).data.addProcedureDocuments.errors).toEqual([expect.objectContaining({ field: 'attachmentIds', code: 'REQUIRED' })])

    const added = await benoit.gql(ADD_DOCUMENTS, { id, files: [file] })
    expect(added.data.addProcedureDocuments.errors).toEqual([])
    expect(added.data.addProcedureDocuments.procedure).toMatchObject({
      status: 'SUBMITTED',
      estimatedDecisionDate: '2026-12-10',
      history: [{ status: 'SUBMITTED' }, { status: 'MISSING_DOCUMENTS' }, { status: 'SUBMITTED', note: '1 pièce ajoutée par l\'adhérent.' }],
    })
    expect(added.data.addProcedureDocuments.procedure.attachments).toHaveLength(2)
    const again = await benoit.gql(ADD_DOCUMENTS, { id, files: [await uploadId(benoit)] })
    expect(again.data.addProcedureDocuments.errors).toEqual([expect.objectContaining({ code: 'NOT_WAITING_FOR_DOCUMENTS' })])
    expect((await advisor.gql(DECIDE, { id, decision: 'ACCEPT' })).data.decideProcedure.task.procedure.status).toBe('ACCEPTED')
  })

  it('accepts only démarches it knows how to carry out', async () => {
    // a copy of personal data is built at once: no advisor has anything to accept
    const benoitId = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Benoit')).get()!.memberId
    const exported = app.db.insert(proceduresTable).values({ memberId: benoitId, kind: 'DATA_EXPORT', status: 'SUBMITTED', reference: 'DEM-2026-999001', submittedAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', estimatedDecisionDate: '2026-12-04' }).returning().get()
    expect((await advisor.gql(DECIDE, { id: exported.id, decision: 'ACCEPT' })).data.decideProcedure.errors[0].code).toBe('UNSUPPORTED_KIND')
    const quote = (await benoit.gql(`{ procedures(kind: QUOTE, status: MISSING_DOCUMENTS, first: 1) { nodes { id } } }`)).data.procedures.nodes[0]
    expect((await advisor.gql(DECIDE, { id: quote.id, decision: 'REQUEST_DOCUMENTS', note: 'Encore\u00a0?' })).data.decideProcedure.errors[0].code).toBe('ALREADY_WAITING')
    expect((await advisor.gql(DECIDE, { id: 'unknown', decision: 'REJECT', note: 'x' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })

  it('records every decision, and every refused attempt, in the member\'s audit trail', async () => {
    const accepted = await submit({ beneficiaryId: ids['Louise'], careType: 'PHARMACY', amountCents: 900 })
    const refused = await submit({ beneficiaryId: ids['Hélia'], careType: 'PHARMACY', amountCents: 800 })
    await advisor.gql(DECIDE, { id: accepted, decision: 'ACCEPT' })
    await advisor.gql(DECIDE, { id: accepted, decision: 'REJECT', note: 'Deuxième décision' })
    await advisor.gql(DECIDE, { id: refused, decision: 'REJECT', note: ' ' })
    await advisor.gql(DECIDE, { id: refused, decision: 'REJECT', note: 'Ordonnance illisible.' })

    const events = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PROCEDURE_DECISION')).all()
      .filter(e => [accepted, refused].includes(e.details?.procedureId as string))
    const benoitId = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.id, ids['Louise']!)).get()!.memberId
    expect(events.map(e => [e.details?.procedureId, e.details?.decision, e.outcome])).toEqual([
      [accepted, 'ACCEPT', 'SUCCESS'],
      [accepted, 'REJECT', 'FAILURE'],
      [refused, 'REJECT', 'FAILURE'],
      [refused, 'REJECT', 'SUCCESS'],
    ])
    for (const e of events) {
      expect(e).toMatchObject({ actorRole: 'ADVISOR', memberId: benoitId })
      // the advisor's note is the member's business, not the audit trail's
      expect(JSON.stringify(e.details)).not.toMatch(/ordonnance|deuxième/i)
    }
  })
})
