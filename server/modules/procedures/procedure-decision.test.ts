import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq, gte, lte } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsTable, beneficiariesTable, beneficiaryBankAccountsTable, contractsTable, guaranteesTable, proceduresTable, reimbursementsTable } from '../../db/schema/index.ts'
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
      decisionNote: 'Demande acceptée : 24,00\u00A0€ versés par votre mutuelle sur votre compte.',
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

  it('pays from what is left of the yearly forfait, then nothing once it is used up', async () => {
    // Sarah's osteopathy: 100 € a year at 25 € a session on the main contract
    const { rule, row } = mainGuarantee('ALTERNATIVE_MEDICINE')
    const usedThisYear = () => app.db.select().from(reimbursementsTable)
      .where(and(eq(reimbursementsTable.beneficiaryId, ids['Sarah']!), eq(reimbursementsTable.guaranteeId, row.id), gte(reimbursementsTable.careDate, '2026-01-01'), lte(reimbursementsTable.careDate, '2026-12-31'))).all()
      .reduce((t, r) => t + r.forfaitUsedCents, 0)
    const used = usedThisYear()
    expect(used).toBe(7500)

    const first = await submit({ beneficiaryId: ids['Sarah'], careType: 'ALTERNATIVE_MEDICINE', careDate: '2026-11-10', amountCents: 6000 })
    await advisor.gql(DECIDE, { id: first, decision: 'ACCEPT' })
    const expected = computeReimbursement({ careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, forfaitUsedThisYearCents: used, guarantee: rule })
    expect(expected).toMatchObject({ mutuelleCents: 2500, outOfPocketCents: 3500 })
    expect(app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, first)).get()).toMatchObject({ mutuelleCents: 2500, forfaitUsedCents: 2500, outOfPocketCents: 3500, explanation: expected.explanation })

    const second = await submit({ beneficiaryId: ids['Sarah'], careType: 'ALTERNATIVE_MEDICINE', careDate: '2026-11-18', amountCents: 6000 })
    await advisor.gql(DECIDE, { id: second, decision: 'ACCEPT' })
    expect(app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, second)).get()).toMatchObject({ mutuelleCents: 0, outOfPocketCents: 6000 })
    expect(usedThisYear()).toBe(10000)
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
    // a beneficiary addition changes the household: its own service will accept it, not this one
    const benoitId = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Benoit')).get()!.memberId
    const addition = app.db.insert(proceduresTable).values({ memberId: benoitId, kind: 'BENEFICIARY_ADDITION', status: 'SUBMITTED', reference: 'DEM-2026-999001', submittedAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', estimatedDecisionDate: '2026-12-04' }).returning().get()
    expect((await advisor.gql(DECIDE, { id: addition.id, decision: 'ACCEPT' })).data.decideProcedure.errors[0].code).toBe('UNSUPPORTED_KIND')
    const quote = (await benoit.gql(`{ procedures(kind: QUOTE, status: MISSING_DOCUMENTS, first: 1) { nodes { id } } }`)).data.procedures.nodes[0]
    expect((await advisor.gql(DECIDE, { id: quote.id, decision: 'REQUEST_DOCUMENTS', note: 'Encore ?' })).data.decideProcedure.errors[0].code).toBe('ALREADY_WAITING')
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
