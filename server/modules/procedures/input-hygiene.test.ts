import type { ApiClient, TestApp } from '../../test/harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { beneficiariesTable, filesTable, procedureEventsTable, proceduresTable } from '../../db/schema/index.ts'
import { postUpload, tinyPdf, uploadId } from '../../test/files.ts'
import { startTestApp } from '../../test/harness.ts'
import { sanitiseFileName } from '../uploads/uploads.service.ts'

const SUBMIT = `mutation Submit($input: ReimbursementRequestInput!) {
  submitReimbursementRequest(input: $input) { errors { field code message } procedure { id providerName country } }
}`
const ESTIMATE = `query Estimate($input: ReimbursementEstimateInput!) {
  reimbursementRequestEstimate(input: $input) { errors { field code message } estimate { amountEurCents } }
}`
const DECIDE = `mutation Decide($id: ID!, $decision: Decision!, $note: String) {
  decideProcedure(procedureId: $id, decision: $decision, note: $note) { errors { code } task { procedure { id decisionNote } } }
}`

/** What an outside test typed: a NUL, a bell and a right-to-left override around a name. */
const HOSTILE = 'Dr\u0000 Null\u0007\u202E'

describe('free text and amounts of the existing mutations', () => {
  let app: TestApp
  let benoit: ApiClient
  let advisor: ApiClient
  let lea: string

  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
    lea = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Léa')).get()!.id
  })
  afterAll(() => app.close())

  const care = { careType: 'CONSULTATION', careDate: '2026-11-20' }

  it('refuses an abroad amount that converts to 0 €, in the estimate and the request, and saves nothing', async () => {
    const before = app.db.select().from(proceduresTable).all().length
    const abroad = { beneficiaryId: lea, ...care, abroad: true, country: 'Tchéquie', currency: 'CZK', amountCents: 1 }
    const estimate = await benoit.gql(ESTIMATE, { input: abroad })
    expect(estimate.data.reimbursementRequestEstimate).toMatchObject({ estimate: null, errors: [{ field: 'amountCents', code: 'ROUNDS_TO_ZERO' }] })
    expect(estimate.data.reimbursementRequestEstimate.errors[0].message).toMatch(/une fois converti/)
    const sent = await benoit.gql(SUBMIT, { input: { ...abroad, attachmentIds: [await uploadId(benoit)] } })
    expect(sent.data.submitReimbursementRequest).toMatchObject({ procedure: null, errors: [{ field: 'amountCents', code: 'ROUNDS_TO_ZERO' }] })
    expect(app.db.select().from(proceduresTable).all()).toHaveLength(before)
    // the smallest amount worth a euro cent goes through
    const cent = await benoit.gql(ESTIMATE, { input: { ...abroad, amountCents: 25 } })
    expect(cent.data.reimbursementRequestEstimate).toMatchObject({ errors: [], estimate: { amountEurCents: 1 } })
  })

  it('stores the provider name and the country without control characters nor direction overrides', async () => {
    const input = { beneficiaryId: lea, ...care, abroad: true, country: 'Canada\u202E\u0000', currency: 'CAD', amountCents: 9000, providerName: HOSTILE, attachmentIds: [await uploadId(benoit)] }
    const r = await benoit.gql(SUBMIT, { input })
    expect(r.data.submitReimbursementRequest).toMatchObject({ errors: [], procedure: { providerName: 'Dr Null', country: 'Canada' } })
    const row = app.db.select().from(proceduresTable).where(eq(proceduresTable.id, r.data.submitReimbursementRequest.procedure.id)).get()!
    expect(row.details).toEqual({ providerName: 'Dr Null' })
    expect(row.country).toBe('Canada')
  })

  it('stores an advisor\'s note as the member will read it: lines kept, controls and overrides gone', async () => {
    const input = { beneficiaryId: lea, ...care, abroad: false, amountCents: 2500, attachmentIds: [await uploadId(benoit)] }
    const id = (await benoit.gql(SUBMIT, { input })).data.submitReimbursementRequest.procedure.id
    const r = await advisor.gql(DECIDE, { id, decision: 'REQUEST_DOCUMENTS', note: `Merci\u0000 de joindre\r\nl'ordonnance.\u202E\u0007` })
    expect(r.data.decideProcedure).toMatchObject({ errors: [], task: { procedure: { decisionNote: 'Merci de joindre\nl\'ordonnance.' } } })
    const events = app.db.select().from(procedureEventsTable).where(eq(procedureEventsTable.procedureId, id)).all()
    expect(events.at(-1)!.note).toBe('Merci de joindre\nl\'ordonnance.')
  })

  it('stores an uploaded file\'s name without invisible marks, as every other free text', async () => {
    const res = await postUpload(benoit, tinyPdf(), 'facture\u200F\uFEFF\u0085 mars\u2067.pdf')
    const { id } = await res.json() as { id: string }
    expect(app.db.select().from(filesTable).where(eq(filesTable.id, id)).get()!.name).toBe('facture mars.pdf')
    expect(sanitiseFileName('rapport\u200E\u009B.pdf', 'pdf')).toBe('rapport.pdf')
  })
})
