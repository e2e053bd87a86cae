import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { accountsTable, auditEventsTable, beneficiariesTable, membersTable, partnerTokensTable, proceduresTable } from '../../db/schema/index.ts'
import { tinyPdf, uploadId } from '../../test/files.ts'
import { startTestApp, testClock } from '../../test/harness.ts'

const ACCESS_LOG = `query AccessLog($first: Int, $after: String) {
  accessLog(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id at actorKind actorLabel action description } }
  }
}`
const ADVISOR_PROCEDURE = `query($id: ID!) { advisorProcedure(id: $id) { id } }`
const COVERAGE_CHECK = `query($card: String!, $birth: Date!) {
  coverageCheck(cardNumber: $card, birthDate: $birth, careType: PHARMACY, date: "2026-11-26") { covered }
}`
const SUBMIT = `mutation Submit($input: ReimbursementRequestInput!) {
  submitReimbursementRequest(input: $input) { errors { field code message } procedure { id reference } }
}`
const DECIDE = `mutation Decide($id: ID!, $note: String) {
  decideProcedure(procedureId: $id, decision: REQUEST_DOCUMENTS, note: $note) { errors { code } procedure { id } }
}`

interface Entry { id: string, at: string, actorKind: string, actorLabel: string, action: string, description: string }

describe('accessLog, "Qui a consulté mon dossier ?"', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient
  let partner: ApiClient
  let benoitId: string
  const clock = testClock()
  // every access a minute after the previous one, so "newest first" has one answer
  const later = () => clock.advance(60_000)

  beforeAll(async () => {
    app = await startTestApp({ clock })
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    advisor = await app.as('advisor')
    partner = app.client(DEMO_PARTNER_TOKEN)
    benoitId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Benoit')).get()!.id
  })
  afterAll(() => app.close())

  async function log(client: ApiClient, variables: { first?: number, after?: string } = { first: 100 }) {
    const r = await client.gql(ACCESS_LOG, variables)
    expect(r.errors).toBeUndefined()
    return r.data.accessLog as { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: { cursor: string, node: Entry }[] }
  }
  const benoitProcedures = () => app.db.select().from(proceduresTable).where(eq(proceduresTable.memberId, benoitId)).all()

  it('lists the advisor\'s opening of a démarche and the partner\'s card check, newest first, in French', async () => {
    const procedure = benoitProcedures()[0]!
    later()
    const opened = await advisor.gql(ADVISOR_PROCEDURE, { id: procedure.id })
    expect(opened.errors).toBeUndefined()
    later()
    const birth = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Benoit')).get()!.birthDate
    const checked = await partner.gql(COVERAGE_CHECK, { card: '202897774', birth })
    expect(checked.errors).toBeUndefined()

    const { edges, totalCount } = await log(benoit)
    expect(totalCount).toBe(2)
    expect(edges.map(e => e.node)).toEqual([
      { id: expect.any(String), at: clock.now().toISOString(), actorKind: 'PARTNER', actorLabel: 'Pharmacie partenaire (démo)', action: 'PARTNER_COVERAGE_CHECK', description: 'a vérifié vos droits au tiers payant (pharmacie)' },
      { id: expect.any(String), at: new Date(clock.now().getTime() - 60_000).toISOString(), actorKind: 'ADVISOR', actorLabel: 'Claire Moreau, conseillère', action: 'ADVISOR_VIEW_PROCEDURE', description: `a consulté votre démarche ${procedure.reference}` },
    ])
  })

  it('shows Camille none of Benoit\'s entries', async () => {
    const { edges, totalCount } = await log(camille)
    expect(totalCount).toBe(0)
    expect(edges).toEqual([])
  })

  it('leaves out the member\'s own sign-ins and sign-outs', async () => {
    const own = app.db.select().from(auditEventsTable).where(and(eq(auditEventsTable.memberId, benoitId), inArray(auditEventsTable.action, ['SIGN_IN', 'SIGN_OUT']))).all()
    expect(own.length).toBeGreaterThan(0)
    const { edges } = await log(benoit)
    const ids = new Set(edges.map(e => e.node.id))
    expect(own.some(row => ids.has(row.id))).toBe(false)
    expect(edges.every(e => ['ADVISOR', 'PARTNER'].includes(e.node.actorKind))).toBe(true)
  })

  it('names the document an advisor opened and the decision taken, which the member already knows', async () => {
    const sarah = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Sarah')).get()!
    const fileId = await uploadId(benoit, tinyPdf('facture'), 'facture-opticien.pdf')
    const sent = await benoit.gql(SUBMIT, { input: { beneficiaryId: sarah.id, careType: 'OPTICS', careDate: '2026-11-20', abroad: false, amountCents: 18_000, attachmentIds: [fileId] } })
    expect(sent.data.submitReimbursementRequest.errors).toEqual([])
    const { id, reference } = sent.data.submitReimbursementRequest.procedure as { id: string, reference: string }

    later()
    expect((await advisor.get(`/api/files/${fileId}`)).status).toBe(200)
    later()
    const decided = await advisor.gql(DECIDE, { id, note: 'Merci de joindre la prescription.' })
    expect(decided.data.decideProcedure.errors).toEqual([])

    const { edges } = await log(benoit, { first: 2 })
    expect(edges.map(e => [e.node.action, e.node.description])).toEqual([
      ['PROCEDURE_DECISION', `vous a demandé des pièces pour votre démarche ${reference}`],
      ['ADVISOR_VIEW_FILE', `a ouvert la pièce «\u00a0facture-opticien.pdf\u00a0» de votre démarche ${reference}`],
    ])
  })

  it('reads a missing reference or partner name through the row\'s ids, and stays generic when they lead outside the household', async () => {
    const procedure = benoitProcedures()[1]!
    const camilleId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Camille')).get()!.id
    const camillesProcedure = app.db.select().from(proceduresTable).where(eq(proceduresTable.memberId, camilleId)).get()!
    const token = app.db.select().from(partnerTokensTable).get()!
    const advisorAccount = app.db.select().from(accountsTable).where(eq(accountsTable.role, 'ADVISOR')).get()!
    const base = { actorAccountId: advisorAccount.id, actorRole: 'ADVISOR' as const, memberId: benoitId, outcome: 'SUCCESS' as const }
    later()
    app.db.insert(auditEventsTable).values({ ...base, at: clock.now().toISOString(), action: 'ADVISOR_VIEW_PROCEDURE', details: { procedureId: procedure.id } }).run()
    later()
    app.db.insert(auditEventsTable).values({ ...base, at: clock.now().toISOString(), action: 'ADVISOR_VIEW_FILE', details: { fileId: 'unknown', procedureId: camillesProcedure.id } }).run()
    later()
    app.db.insert(auditEventsTable).values({ ...base, actorAccountId: token.id, actorRole: 'PARTNER', at: clock.now().toISOString(), action: 'PARTNER_COVERAGE_CHECK', details: {} }).run()
    later()
    app.db.insert(auditEventsTable).values({ ...base, at: clock.now().toISOString(), action: 'ADVISOR_SOMETHING_NEW', details: null }).run()

    const { edges } = await log(benoit, { first: 4 })
    expect(edges.map(e => `${e.node.actorLabel} ${e.node.description}`)).toEqual([
      'Claire Moreau, conseillère a consulté votre dossier',
      `${token.name} a vérifié vos droits au tiers payant`,
      'Claire Moreau, conseillère a ouvert une pièce justificative d\'une de vos démarches',
      `Claire Moreau, conseillère a consulté votre démarche ${procedure.reference}`,
    ])
    expect(JSON.stringify(edges)).not.toContain(camillesProcedure.reference)
  })

  it('walks every entry once, newest first, page by page', async () => {
    // démarches no earlier test opened: reopening one within the consultation window adds no entry
    for (const procedure of benoitProcedures().slice(2, 7)) {
      later()
      await advisor.gql(ADVISOR_PROCEDURE, { id: procedure.id })
    }
    const all = await log(benoit)
    expect(all.totalCount).toBeGreaterThanOrEqual(13)
    expect(all.edges).toHaveLength(all.totalCount)

    const seen: Entry[] = []
    let after: string | undefined
    for (let pages = 0; pages < 20; pages++) {
      const page = await log(benoit, { first: 3, ...(after ? { after } : {}) })
      expect(page.totalCount).toBe(all.totalCount)
      seen.push(...page.edges.map(e => e.node))
      if (!page.pageInfo.hasNextPage)
        break
      after = page.pageInfo.endCursor!
    }
    expect(seen.map(e => e.id)).toEqual(all.edges.map(e => e.node.id))
    expect(new Set(seen.map(e => e.id)).size).toBe(seen.length)
    const times = seen.map(e => e.at)
    expect(times).toEqual([...times].sort().reverse())
  })

  it('is for members only: anonymous callers are unauthenticated, advisors and partners forbidden', async () => {
    const code = async (client: ApiClient) => (await client.gql(ACCESS_LOG, { first: 5 })).errors?.[0]?.extensions?.code
    expect(await code(app.client())).toBe('UNAUTHENTICATED')
    expect(await code(advisor)).toBe('FORBIDDEN')
    expect(await code(partner)).toBe('FORBIDDEN')
  })

  it('costs a few statements however many entries a page holds, each answered from the member\'s audit index', async () => {
    app.takeQueries()
    const every = await log(benoit, { first: 100 })
    const statements = app.takeQueries().filter(q => !/sessions/.test(q))
    // advisors, partners, documents and references are read once per page, not once per entry
    expect(every.edges.length).toBeGreaterThanOrEqual(13)
    expect(new Set(every.edges.map(e => e.node.action)).size).toBeGreaterThanOrEqual(4)
    expect(statements.length).toBeLessThanOrEqual(6)

    // the statements as the service runs them, a later page included (keyset condition on at, id)
    const first = await log(benoit, { first: 2 })
    app.takeQueries()
    await log(benoit, { first: 2, after: first.pageInfo.endCursor! })
    const audit = app.takeQueries().filter(q => /from "audit_events"/.test(q))
    expect(audit).toHaveLength(2)
    for (const sql of audit) {
      const params = (sql.match(/\?/g) ?? []).map(() => 'x')
      const plan = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(p => p.detail).join(' | ')
      expect(plan).toMatch(/USING (COVERING )?INDEX audit_events_member_at_idx \(member_id=\?/)
      expect(plan).not.toMatch(/^SCAN \w+$|\| SCAN \w+( \||$)/)
    }
  })
})
