import type { ApiClient, TestApp } from '../../test/harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountsTable, auditEventsTable, beneficiariesTable, consentsTable, membersTable, proceduresTable, sessionsTable, trustedDevicesTable } from '../../db/schema/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { pdfText } from '../../test/pdf-tools.ts'
import { readZip } from '../../test/zip.ts'

const EXPORT = `mutation { requestDataExport { errors { field code message } procedure { id kind status reference dataExport { downloadUrl fileName sizeBytes } } } }`
const RIGHTS = `mutation Rights($input: DataRightsRequestInput!) {
  requestDataRights(input: $input) { errors { field code message } procedure { id kind status estimatedDecisionDate dataRightsRequest { right message answerDueDate } } }
}`
const CONSENTS = `{ consents { kind granted grantedAt withdrawnAt } }`
const SET_CONSENT = `mutation Set($kind: ConsentKind!, $granted: Boolean!) { setConsent(kind: $kind, granted: $granted) { errors { code } consent { kind granted grantedAt withdrawnAt } } }`
const DECIDE = `mutation Decide($id: ID!, $decision: Decision!) { decideProcedure(procedureId: $id, decision: $decision) { errors { code message } task { procedure { status decisionNote dataRightsRequest { right message answerDueDate } } } } }`

describe('Mes données personnelles', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient

  beforeAll(async () => {
    app = await startTestApp()
    ;[benoit, camille, advisor] = await Promise.all([app.as('benoit'), app.as('camille'), app.as('advisor')])
  })
  afterAll(() => app.close())

  describe('« Télécharger mes données »', () => {
    let archive: Map<string, Buffer>
    let url: string

    beforeAll(async () => {
      const { data } = await benoit.gql(EXPORT)
      expect(data.requestDataExport.errors).toEqual([])
      expect(data.requestDataExport.procedure).toMatchObject({ kind: 'DATA_EXPORT', status: 'ACCEPTED', dataExport: { fileName: 'mes-donnees-2026-11-26.zip' } })
      url = data.requestDataExport.procedure.dataExport.downloadUrl
      const res = await benoit.get(url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/zip')
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="mes-donnees-2026-11-26\.zip"/)
      const body = Buffer.from(await res.arrayBuffer())
      expect(body.length).toBe(data.requestDataExport.procedure.dataExport.sizeBytes)
      archive = readZip(body)
    })

    it('holds a machine-readable JSON of the whole household and a readable PDF summary', () => {
      expect([...archive.keys()]).toEqual(['mes-donnees.json', 'synthese-de-mes-donnees.pdf'])
      const json = JSON.parse(archive.get('mes-donnees.json')!.toString('utf8'))
      expect(json.member).toMatchObject({ firstName: 'Benoit', lastName: 'Garnier', email: 'benoit@example.org' })
      expect(json.beneficiaries.map((b: any) => b.firstName)).toEqual(['Benoit', 'Sarah', 'Louise', 'Hélia', 'Léa'])
      for (const key of ['contracts', 'reimbursements', 'reimbursementShares', 'procedures', 'messageThreads', 'messages', 'documents', 'bankAccounts', 'consents', 'contributionInstalments', 'insuranceCards'])
        expect(json[key].length, key).toBeGreaterThan(0)
      const text = pdfText(archive.get('synthese-de-mes-donnees.pdf')!)
      expect(text).toMatch(/Synthèse de mes données personnelles/)
      expect(text).toMatch(/Hélia Garnier/)
      expect(text).toMatch(/Zéro papier/)
    })

    it('holds nothing of another household: no trace of Camille\'s data', () => {
      const camilleRow = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Camille')).get()!
      const everything = `${archive.get('mes-donnees.json')!.toString('utf8')}\n${pdfText(archive.get('synthese-de-mes-donnees.pdf')!)}`
      for (const trace of ['Camille', 'Lefèvre', 'Noé', 'camille@example.org', camilleRow.memberNumber, camilleRow.id, camilleRow.nir, camilleRow.addressLine1])
        expect(everything, trace).not.toContain(trace)
    })

    it('keeps secrets out: NIR and IBAN masked, no password or session hashes', () => {
      const json = archive.get('mes-donnees.json')!.toString('utf8')
      const benoitRow = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Benoit')).get()!
      const account = app.db.select().from(accountsTable).where(eq(accountsTable.email, 'benoit@example.org')).get()!
      expect(json).not.toContain(benoitRow.nir)
      expect(json).not.toMatch(/FR76\d{20}/)
      expect(json).not.toContain(account.passwordHash)
      expect(json).not.toMatch(/passwordHash|tokenHash|storagePath/)
    })

    it('is downloadable by its owner only', async () => {
      expect((await camille.get(url)).status).toBe(404)
      expect((await advisor.get(url)).status).toBe(404)
      expect((await app.client().get(url)).status).toBe(401)
      const camilleExport = await camille.gql(EXPORT)
      expect((await benoit.get(camilleExport.data.requestDataExport.procedure.dataExport.downloadUrl)).status).toBe(404)
    })

    it('is recorded in the audit trail, and limited to 3 a day', async () => {
      const audited = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'DATA_EXPORT')).all()
      expect(audited.length).toBeGreaterThanOrEqual(1)
      await benoit.gql(EXPORT)
      await benoit.gql(EXPORT)
      const before = app.db.select().from(proceduresTable).all().length
      const fourth = await benoit.gql(EXPORT)
      expect(fourth.data.requestDataExport).toMatchObject({ procedure: null, errors: [{ field: null, code: 'TOO_MANY' }] })
      expect(app.db.select().from(proceduresTable).all().length).toBe(before)
    })
  })

  describe('rights of rectification, erasure, limitation and objection', () => {
    it('files each as a démarche answered within one month', async () => {
      const { data } = await benoit.gql(RIGHTS, { input: { right: 'RECTIFICATION', message: 'Mon deuxième prénom est mal orthographié.' } })
      expect(data.requestDataRights.errors).toEqual([])
      expect(data.requestDataRights.procedure).toMatchObject({ kind: 'DATA_RIGHTS', status: 'SUBMITTED', estimatedDecisionDate: '2026-12-26', dataRightsRequest: { right: 'RECTIFICATION', answerDueDate: '2026-12-26' } })
    })

    it('refuses an empty request, and the same right twice while one is pending', async () => {
      const before = app.db.select().from(proceduresTable).all().length
      const empty = await benoit.gql(RIGHTS, { input: { right: 'OBJECTION', message: '   ' } })
      expect(empty.data.requestDataRights.errors.map((e: any) => [e.field, e.code])).toEqual([['message', 'REQUIRED']])
      const twice = await benoit.gql(RIGHTS, { input: { right: 'RECTIFICATION', message: 'Encore.' } })
      expect(twice.data.requestDataRights.errors.map((e: any) => [e.field, e.code])).toEqual([['right', 'ALREADY_REQUESTED']])
      expect(twice.data.requestDataRights.errors[0].message).toMatch(/au plus tard le 26\/12\/2026/)
      expect(app.db.select().from(proceduresTable).all().length).toBe(before)
    })

    it('anonymises the member when an advisor accepts an erasure, and keeps the append-only audit trail', async () => {
      const { data } = await camille.gql(RIGHTS, { input: { right: 'ERASURE', message: 'Je souhaite l\'effacement de mes données.' } })
      const memberId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Camille')).get()!.id
      const auditBefore = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.memberId, memberId)).all().length
      const camilleAccount = app.db.select().from(accountsTable).where(eq(accountsTable.memberId, memberId)).get()!.id
      expect(app.db.select().from(trustedDevicesTable).where(eq(trustedDevicesTable.accountId, camilleAccount)).all().length).toBeGreaterThan(0)
      const decided = await advisor.gql(DECIDE, { id: data.requestDataRights.procedure.id, decision: 'ACCEPT' })
      expect(decided.data.decideProcedure.errors).toEqual([])
      // the advisor reads the request itself and its due day, through the advisor's view
      expect(decided.data.decideProcedure.task.procedure.dataRightsRequest).toEqual({ right: 'ERASURE', message: 'Je souhaite l\'effacement de mes données.', answerDueDate: '2026-12-26' })
      expect(decided.data.decideProcedure.task.procedure.decisionNote).toMatch(/anonymisées.*Le journal d'audit, qui ne peut être ni modifié ni effacé, est conservé/)

      const member = app.db.select().from(membersTable).where(eq(membersTable.id, memberId)).get()!
      expect(member).toMatchObject({ firstName: 'Adhérent', lastName: 'anonymisé', phone: null, nir: '' })
      expect(member.email).not.toContain('camille')
      expect(app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.memberId, memberId)).all().map(b => b.firstName)).not.toContain('Noé')
      const account = app.db.select().from(accountsTable).where(eq(accountsTable.memberId, memberId)).get()!
      expect(app.db.select().from(sessionsTable).where(eq(sessionsTable.accountId, account.id)).all().every(s => s.revokedAt)).toBe(true)
      expect(app.db.select().from(trustedDevicesTable).where(eq(trustedDevicesTable.accountId, account.id)).all()).toEqual([])
      expect((await camille.gql(CONSENTS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
      expect((await app.client().gql(`mutation { signIn(email: "camille@example.org", password: "demo-camille-2026") { errors { code } } }`)).data.signIn.errors[0].code).toBe('INVALID_CREDENTIALS')
      // nothing was removed from the audit trail, one event was added
      expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.memberId, memberId)).all().length).toBeGreaterThan(auditBefore)
    })
  })

  describe('consents', () => {
    it('shows each consent with the day it was given and withdrawn', async () => {
      const { data } = await benoit.gql(CONSENTS)
      expect(data.consents).toEqual([
        { kind: 'PAPERLESS', granted: true, grantedAt: expect.any(String), withdrawnAt: null },
        { kind: 'NEWS_EMAIL', granted: false, grantedAt: expect.any(String), withdrawnAt: expect.any(String) },
      ])
    })

    it('dates a withdrawal and a new consent, keeps the history, and drives the paperless flag', async () => {
      const memberId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Benoit')).get()!.id
      const off = await benoit.gql(SET_CONSENT, { kind: 'PAPERLESS', granted: false })
      expect(off.data.setConsent.consent).toMatchObject({ kind: 'PAPERLESS', granted: false, withdrawnAt: '2026-11-26T10:00:00.000Z' })
      expect(app.db.select().from(membersTable).where(eq(membersTable.id, memberId)).get()!.paperless).toBe(false)
      const on = await benoit.gql(SET_CONSENT, { kind: 'NEWS_EMAIL', granted: true })
      expect(on.data.setConsent.consent).toEqual({ kind: 'NEWS_EMAIL', granted: true, grantedAt: '2026-11-26T10:00:00.000Z', withdrawnAt: null })
      const again = await benoit.gql(SET_CONSENT, { kind: 'NEWS_EMAIL', granted: true })
      expect(again.data.setConsent.consent.granted).toBe(true)
      expect(app.db.select().from(consentsTable).where(eq(consentsTable.memberId, memberId)).all()).toHaveLength(3)
    })

    it('is for members only', async () => {
      expect((await app.client().gql(CONSENTS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
      expect((await advisor.gql(CONSENTS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    })
  })
})
