import type { ApiClient, TestApp } from './harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { beneficiariesTable, procedureAttachmentsTable, procedureEventsTable, proceduresTable, reimbursementsTable } from '../db/schema/index.ts'
import { uploadId } from './files.ts'
import { startTestApp } from './harness.ts'

/**
 * A write that fails halfway — here a trigger refusing the last insert, as a full disk or a bug
 * would — must leave nothing behind, and the member must get a masked error, not SQL.
 */
describe('a crash in the middle of a write', () => {
  let app: TestApp
  let benoit: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
  })
  afterAll(() => app.close())
  afterEach(() => { app.db.$client.exec('DROP TRIGGER IF EXISTS crash_here') })

  const counts = () => ({
    procedures: app.db.select().from(proceduresTable).all().length,
    events: app.db.select().from(procedureEventsTable).all().length,
    attachments: app.db.select().from(procedureAttachmentsTable).all().length,
    reimbursements: app.db.select().from(reimbursementsTable).all().length,
  })

  it('leaves no half-filed reimbursement request', async () => {
    const lea = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Léa')).get()!
    const input = { beneficiaryId: lea.id, careType: 'CONSULTATION', careDate: '2026-11-20', abroad: false, amountCents: 4500, attachmentIds: [await uploadId(benoit)] }
    const before = counts()
    // the attachment link is written after the procedure and its first event
    app.db.$client.exec(`CREATE TRIGGER crash_here BEFORE INSERT ON procedure_attachments BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const r = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { procedure { id } errors { code } } }`, { input })
    expect(r.errors?.[0]?.extensions?.code).toBe('INTERNAL')
    expect(JSON.stringify(r.errors)).not.toMatch(/disk full|INSERT|procedure_attachments|at .*\.ts/)
    expect(counts()).toEqual(before)

    app.db.$client.exec('DROP TRIGGER crash_here')
    const retry = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { procedure { id status } errors { code } } }`, { input })
    expect(retry.data.submitReimbursementRequest.procedure.status).toBe('SUBMITTED')
  })

  it('leaves an accepted request undecided when its reimbursement cannot be written', async () => {
    const pending = app.db.select().from(proceduresTable).where(eq(proceduresTable.status, 'SUBMITTED')).all().find(p => p.kind === 'REIMBURSEMENT')!
    const advisor = await app.as('advisor')
    const before = counts()
    // the reimbursement is written first, then the procedure's new status and event
    app.db.$client.exec(`CREATE TRIGGER crash_here BEFORE INSERT ON procedure_events BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const r = await advisor.gql(`mutation($id: ID!) { decideProcedure(procedureId: $id, decision: ACCEPT) { procedure { status } errors { code } } }`, { id: pending.id })
    expect(r.errors?.[0]?.extensions?.code).toBe('INTERNAL')
    expect(counts()).toEqual(before)
    expect(app.db.select().from(proceduresTable).where(eq(proceduresTable.id, pending.id)).get()!.status).toBe('SUBMITTED')
  })
})
