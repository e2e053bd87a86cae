import type { ApiClient, TestApp } from '../../test/harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsTable, beneficiariesTable, membersTable } from '../../db/schema/index.ts'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { tinyPdf, uploadId } from '../../test/files.ts'
import { startTestApp } from '../../test/harness.ts'

const SUBMIT = `mutation Submit($input: ReimbursementRequestInput!) {
  submitReimbursementRequest(input: $input) { errors { field code message } procedure { id reference } }
}`

describe('GET /api/files/:id for advisors', () => {
  let app: TestApp
  let advisor: ApiClient
  let benoit: ApiClient
  let camille: ApiClient
  const invoice = tinyPdf('Facture opticien Sarah')
  let attached: string
  let draft: string
  let procedure: { id: string, reference: string }

  const fileAudits = () => app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_FILE')).all()

  beforeAll(async () => {
    app = await startTestApp()
    advisor = await app.as('advisor')
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    attached = await uploadId(benoit, invoice, 'Facture optique Sarah.pdf')
    // uploaded, never sent with a request: the member's alone
    draft = await uploadId(benoit, tinyPdf('brouillon'), 'brouillon.pdf')
    const sarah = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Sarah')).get()!
    const r = await benoit.gql(SUBMIT, { input: { beneficiaryId: sarah.id, careType: 'OPTICS', careDate: '2026-11-20', abroad: false, amountCents: 18_000, attachmentIds: [attached] } })
    expect(r.data.submitReimbursementRequest.errors).toEqual([])
    procedure = r.data.submitReimbursementRequest.procedure
  })
  afterAll(() => app.close())

  it('lets an advisor download a supporting document of a démarche, and records it in the member\'s audit trail', async () => {
    const res = await advisor.get(`/api/files/${attached}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(invoice)

    const rows = fileAudits()
    expect(rows).toHaveLength(1)
    const benoitId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Benoit')).get()!.id
    expect(rows[0]).toMatchObject({
      at: '2026-11-26T10:00:00.000Z',
      actorRole: 'ADVISOR',
      actorAccountId: expect.any(String),
      memberId: benoitId,
      outcome: 'SUCCESS',
      details: { fileId: attached, procedureId: procedure.id, reference: procedure.reference },
    })
    // the file name tells the care: it stays out of the log
    expect(JSON.stringify(rows[0])).not.toMatch(/optique|Sarah/i)
  })

  it('answers 404 to an advisor for a file attached to nothing, or unknown, and records nothing', async () => {
    const before = fileAudits().length
    expect((await advisor.get(`/api/files/${draft}`)).status).toBe(404)
    expect((await advisor.get('/api/files/00000000-0000-0000-0000-000000000000')).status).toBe(404)
    expect(fileAudits()).toHaveLength(before)
  })

  it('answers 401 to anonymous callers and 404 to partners, even for an attached file', async () => {
    const before = fileAudits().length
    expect((await app.client().get(`/api/files/${attached}`)).status).toBe(401)
    expect((await app.client(DEMO_PARTNER_TOKEN).get(`/api/files/${attached}`)).status).toBe(404)
    expect(fileAudits()).toHaveLength(before)
  })

  it('keeps members to their own files, attached or not', async () => {
    expect((await benoit.get(`/api/files/${attached}`)).status).toBe(200)
    expect((await benoit.get(`/api/files/${draft}`)).status).toBe(200)
    expect((await camille.get(`/api/files/${attached}`)).status).toBe(404)
    expect((await camille.get(`/api/files/${draft}`)).status).toBe(404)
  })

  it('lists the documents in the advisor\'s view of the démarche, with the ids to download them', async () => {
    const r = await advisor.gql(`query($id: ID!) { advisorProcedure(id: $id) { procedure { attachments { id name mimeType sizeBytes } } } }`, { id: procedure.id })
    expect(r.data.advisorProcedure.procedure.attachments).toEqual([{ id: attached, name: 'Facture optique Sarah.pdf', mimeType: 'application/pdf', sizeBytes: invoice.length }])
  })
})
