import type { ProcedureKind, ProcedureStatus } from '../../db/schema/index.ts'
import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq } from 'drizzle-orm'
import type { GraphQLNamedType, GraphQLObjectType } from 'graphql'
import { getNamedType, isInterfaceType, isObjectType, isUnionType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsTable, beneficiariesTable, commercialJourneysTable, membersTable, proceduresTable } from '../../db/schema/index.ts'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { getSchema } from '../../schema.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp, testClock } from '../../test/harness.ts'
import { CONSULTATION_WINDOW_MS } from './advisor.service.ts'

const QUEUE = `query Queue($kind: ProcedureKind, $taskKind: AdvisorTaskKind, $first: Int, $after: String) {
  advisorQueue(kind: $kind, taskKind: $taskKind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { __typename } }
    nodes {
      __typename
      ... on ProcedureTask {
        id waitingDays overdue
        member { memberNumber firstName lastName }
        procedure { id kind status reference submittedAt estimatedDecisionDate careType amountEurCents beneficiary { firstName } }
      }
    }
  }
}`

const DETAIL = `query Detail($id: ID!) {
  advisorProcedure(id: $id) {
    id waitingDays overdue
    member { memberNumber firstName lastName }
    procedure { id kind status reference decidedAt decisionNote careType careDate history { status note } attachments { id name } reimbursement { mutuelleCents } }
  }
}`

const DECIDE = `mutation Decide($id: ID!, $decision: Decision!, $note: String) {
  decideProcedure(procedureId: $id, decision: $decision, note: $note) { errors { code } procedure { id } task { procedure { id status } } }
}`

const SUBMIT = `mutation Submit($input: ReimbursementRequestInput!) {
  submitReimbursementRequest(input: $input) { errors { field code message } procedure { id } }
}`

interface Task { id: string, waitingDays: number, overdue: boolean, member: { memberNumber: string, firstName: string, lastName: string }, procedure: { id: string, kind: ProcedureKind, status: ProcedureStatus, reference: string, submittedAt: string, estimatedDecisionDate: string | null, beneficiary: { firstName: string } | null } }

/**
 * Scenario "a busy Monday": 40 démarches of both households, sent over the last 30 days, some at
 * the very same second (the id breaks the tie), some already decided or waiting for documents.
 */
function busyMonday(app: TestApp) {
  const members = app.db.select().from(membersTable).all()
  const beneficiaries = app.db.select().from(beneficiariesTable).all()
  const kinds: ProcedureKind[] = ['REIMBURSEMENT', 'REIMBURSEMENT', 'QUOTE', 'BENEFICIARY_ADDITION', 'DATA_EXPORT']
  const statuses: ProcedureStatus[] = ['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'MISSING_DOCUMENTS', 'ACCEPTED']
  const rows = Array.from({ length: 40 }, (_, i) => {
    const member = members[i % members.length]!
    const beneficiary = beneficiaries.find(b => b.memberId === member.id)!
    // every third one shares its second with the previous: the keyset must not skip nor repeat it
    const day = 30 - Math.floor(i * 0.7)
    const submittedAt = `2026-10-${String(day).padStart(2, '0')}T08:15:00.000Z`
    const kind = kinds[i % kinds.length]!
    return {
      memberId: member.id,
      kind,
      status: statuses[(i * 3) % statuses.length]!,
      beneficiaryId: kind === 'DATA_EXPORT' ? null : beneficiary.id,
      reference: `DEM-2026-9${String(i).padStart(5, '0')}`,
      submittedAt: i > 30 ? '2026-11-02T09:00:00.000Z' : submittedAt,
      updatedAt: '2026-11-02T09:00:00.000Z',
      // half were promised before today (2026-11-26): overdue while still "En cours"
      estimatedDecisionDate: i % 2 ? '2026-11-20' : '2026-12-10',
      careType: kind === 'REIMBURSEMENT' || kind === 'QUOTE' ? 'DENTAL' as const : null,
      careDate: kind === 'REIMBURSEMENT' ? '2026-09-01' : null,
      amountCents: kind === 'REIMBURSEMENT' ? 12_000 + i : null,
      amountEurCents: kind === 'REIMBURSEMENT' ? 12_000 + i : null,
    }
  })
  app.db.insert(proceduresTable).values(rows).run()
}

function waitingInDb(app: TestApp, kind?: ProcedureKind) {
  return app.db.select().from(proceduresTable)
    .where(and(eq(proceduresTable.status, 'SUBMITTED'), kind ? eq(proceduresTable.kind, kind) : undefined)).all()
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id))
}

describe('advisorQueue and advisorProcedure', () => {
  let app: TestApp
  let advisor: ApiClient
  let benoit: ApiClient
  let camille: ApiClient
  let sarahOptics: string

  beforeAll(async () => {
    app = await startTestApp()
    busyMonday(app)
    advisor = await app.as('advisor')
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    const sarah = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Sarah')).get()!
    sarahOptics = app.db.select().from(proceduresTable).where(and(eq(proceduresTable.beneficiaryId, sarah.id), eq(proceduresTable.careType, 'OPTICS'), eq(proceduresTable.status, 'SUBMITTED'))).get()!.id
  })
  afterAll(() => app.close())

  async function queue(variables: Record<string, unknown> = {}) {
    // démarches only: threads in the queue are tested in messages.test.ts
    const r = await advisor.gql(QUEUE, { first: 100, taskKind: 'PROCEDURE', ...variables })
    expect(r.errors).toBeUndefined()
    return r.data.advisorQueue as { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Task[] }
  }

  it('lists the démarches waiting for the mutuelle, oldest sent first', async () => {
    const page = await queue()
    const expected = waitingInDb(app)
    expect(expected.length).toBeGreaterThan(20)
    expect(page.totalCount).toBe(expected.length)
    expect(page.nodes.map(t => t.id)).toEqual(expected.map(p => p.id))
    expect(new Set(page.nodes.map(t => t.procedure.status))).toEqual(new Set(['SUBMITTED']))
    const sent = page.nodes.map(t => t.procedure.submittedAt)
    expect(sent).toEqual([...sent].sort())
  })

  it('shows the seed\'s optics request of Sarah with her household\'s member, the days waited and no delay yet', async () => {
    const task = (await queue({ kind: 'REIMBURSEMENT' })).nodes.find(t => t.id === sarahOptics)!
    expect(task).toMatchObject({
      __typename: 'ProcedureTask',
      waitingDays: 3,
      overdue: false,
      member: { memberNumber: expect.any(String), firstName: 'Benoit', lastName: 'Garnier' },
      procedure: { id: sarahOptics, kind: 'REIMBURSEMENT', status: 'SUBMITTED', estimatedDecisionDate: '2026-12-03', beneficiary: { firstName: 'Sarah' } },
    })
  })

  it('flags what is past the decision date promised to the member', async () => {
    const tasks = (await queue()).nodes
    for (const t of tasks)
      expect(t.overdue).toBe(t.procedure.estimatedDecisionDate! < '2026-11-26')
    expect(tasks.filter(t => t.overdue).length).toBeGreaterThan(3)
    const oldest = tasks[0]!
    expect(oldest.waitingDays).toBe(Math.round((Date.parse('2026-11-26') - Date.parse(oldest.procedure.submittedAt.slice(0, 10))) / 86_400_000))
  })

  it('filters by kind', async () => {
    for (const kind of ['REIMBURSEMENT', 'QUOTE', 'BENEFICIARY_ADDITION', 'DATA_EXPORT'] as const) {
      const page = await queue({ kind })
      expect(page.nodes.map(t => t.id)).toEqual(waitingInDb(app, kind).map(p => p.id))
      expect(page.totalCount).toBe(page.nodes.length)
      expect(page.nodes.every(t => t.procedure.kind === kind)).toBe(true)
    }
  })

  it('lists no démarche commerciale still in progress: it waits for the member until finalised', async () => {
    expect(app.db.select().from(commercialJourneysTable).where(eq(commercialJourneysTable.status, 'IN_PROGRESS')).all().length).toBeGreaterThan(0)
    expect(await queue({ kind: 'AFFILIATION' })).toMatchObject({ totalCount: 0, nodes: [] })
  })

  it('walks the whole queue page by page, each task once and in order, ties of the same second included', async () => {
    const expected = waitingInDb(app).map(p => p.id)
    const seen: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const page: Awaited<ReturnType<typeof queue>> = await queue({ first: 7, after })
      expect(page.totalCount).toBe(expected.length)
      expect(page.nodes.length).toBeLessThanOrEqual(7)
      seen.push(...page.nodes.map(t => t.id))
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null
      pages++
    } while (after && pages < 20)
    expect(seen).toEqual(expected)
    expect(pages).toBe(Math.ceil(expected.length / 7))
  })

  it('refuses a page size over 100 and a forged cursor', async () => {
    expect((await advisor.gql(QUEUE, { first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect((await advisor.gql(QUEUE, { after: 'not-a-cursor' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('is FORBIDDEN to members and partners, UNAUTHENTICATED to anonymous callers, for the queue and the detail', async () => {
    const partner = app.client(DEMO_PARTNER_TOKEN)
    for (const [caller, code] of [[benoit, 'FORBIDDEN'], [camille, 'FORBIDDEN'], [partner, 'FORBIDDEN'], [app.client(), 'UNAUTHENTICATED']] as const) {
      const list = await caller.gql(QUEUE, {})
      expect(list.errors?.[0]?.extensions?.code).toBe(code)
      expect(list.data?.advisorQueue ?? null).toBeNull()
      // even for their own démarche: members read it through `procedures`, not the advisor's view
      const one = await caller.gql(DETAIL, { id: sarahOptics })
      expect(one.errors?.[0]?.extensions?.code).toBe(code)
      expect(one.data?.advisorProcedure ?? null).toBeNull()
    }
  })

  it('shows the advisor no more of the member than their number and name', () => {
    const summary = getSchema().getType('AdvisorMemberSummary')
    expect(isObjectType(summary) && Object.keys(summary.getFields())).toEqual(['memberNumber', 'firstName', 'lastName'])
  })

  it('leads from the advisor\'s fields to advisor types only: no contract, bank account, mandate, NIR, birth date nor other household member', () => {
    const schema = getSchema()
    const reached = new Set<string>()
    const walk = (type: GraphQLNamedType) => {
      if (reached.has(type.name))
        return
      reached.add(type.name)
      if (isObjectType(type) || isInterfaceType(type))
        Object.values(type.getFields()).forEach(f => walk(getNamedType(f.type)))
      if (isUnionType(type))
        type.getTypes().forEach(walk)
    }
    const query = schema.getQueryType()!.getFields()
    walk(getNamedType(query.advisorQueue!.type))
    walk(getNamedType(query.advisorProcedure!.type))
    // what decideProcedure answers advisors: the payload's task (its `procedure` is null to them)
    walk(getNamedType((schema.getType('ProcedurePayload') as GraphQLObjectType).getFields().task!.type))
    // every path to member data is listed here: a field added to these types must be added on purpose
    // a thread to answer brings its messages (what the member wrote to the mutuelle), a RIB change
    // under review its masked IBAN, a beneficiary addition the person's name and birth date, a
    // data-rights request the member's words, a prise en charge the professional's identifiers and
    // quote lines: none leads further into the household
    expect([...reached].filter(n => !n.startsWith('__')).sort()).toEqual([
      'AdvisorBankAccountChange', 'AdvisorBeneficiary', 'AdvisorBeneficiaryRequest', 'AdvisorCoverageAgreement', 'AdvisorMemberSummary', 'AdvisorOptionChange', 'AdvisorProcedure', 'AdvisorReimbursement', 'AdvisorTask', 'AdvisorTaskConnection', 'AdvisorTaskEdge',
      'BankAccountChangeStatus', 'BankAccountUsage', 'Boolean', 'CareType', 'CoverageAgreementDomain', 'CoverageAgreementLine', 'DataRight', 'DataRightsRequestDetails', 'Date', 'DateTime', 'Float', 'ID', 'Int',
      'Message', 'MessageAttachment', 'MessageAuthorKind', 'MessageCategory', 'MessageSubject', 'MessageThread', 'NirOwner', 'OnlineService',
      'PageInfo', 'ProcedureAttachment', 'ProcedureEvent', 'ProcedureKind', 'ProcedureStatus',
      'ProcedureTask', 'Relationship', 'String', 'SupportingDocumentKind', 'ThreadStatus', 'ThreadTask', 'WithholdingKind',
    ])
    const fields = (name: string) => Object.keys((schema.getType(name) as GraphQLObjectType).getFields())
    expect(fields('AdvisorBeneficiary')).toEqual(['id', 'firstName', 'lastName', 'relationship'])
    // what deciding an addition needs, never the Social Security number the member typed
    expect(fields('AdvisorBeneficiaryRequest')).toEqual(['firstName', 'lastName', 'birthDate', 'relationship', 'rank', 'nirOwner', 'coverageStart', 'documentKind', 'coverageEnd', 'reason'])
    expect(fields('DataRightsRequestDetails')).toEqual(['right', 'message', 'answerDueDate'])
    expect(fields('ProcedureAttachment')).toEqual(['id', 'name', 'mimeType', 'sizeBytes', 'addedAt'])
  })

  it('answers decideProcedure to advisors with their own view, never the member\'s Procedure', async () => {
    const louise = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Louise')).get()!.id
    const sent = await benoit.gql(SUBMIT, { input: { beneficiaryId: louise, careType: 'PHARMACY', careDate: '2026-11-20', abroad: false, amountCents: 1800, attachmentIds: [await uploadId(benoit)] } })
    const id = sent.data.submitReimbursementRequest.procedure.id as string
    const r = await advisor.gql(`mutation($id: ID!) { decideProcedure(procedureId: $id, decision: ACCEPT) {
      errors { code } procedure { id reimbursement { contract { id } } }
      task { member { lastName } procedure { id status beneficiary { firstName relationship } reimbursement { mutuelleCents paymentDate } } }
    } }`, { id })
    expect(r.errors).toBeUndefined()
    expect(r.data.decideProcedure).toMatchObject({
      errors: [],
      procedure: null,
      task: { member: { lastName: 'Garnier' }, procedure: { id, status: 'ACCEPTED', beneficiary: { firstName: 'Louise', relationship: 'CHILD' }, reimbursement: { mutuelleCents: expect.any(Number) } } },
    })
  })

  it('records a page of the queue in the access log of each member listed, once per consultation', async () => {
    const listings = () => app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_LIST_QUEUE')).all()
    const before = listings().length
    const page = await queue({ first: 12 })
    const shown = new Map<string, string[]>()
    const numbers = new Map(app.db.select().from(membersTable).all().map(m => [m.memberNumber, m.id]))
    for (const t of page.nodes) {
      const memberId = numbers.get(t.member.memberNumber)!
      shown.set(memberId, [...(shown.get(memberId) ?? []), t.procedure.reference])
    }
    expect(shown.size).toBeGreaterThan(1)
    const added = listings().slice(before)
    expect(added.map(e => [e.memberId, e.details?.references]).sort()).toEqual([...shown].sort())
    expect(added.every(e => e.actorRole === 'ADVISOR' && e.outcome === 'SUCCESS')).toBe(true)
    // a refresh shows the same démarches: one consultation, nothing more recorded
    await queue({ first: 12 })
    expect(listings()).toHaveLength(before + shown.size)

    const benoitId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Benoit')).get()!.id
    const log = await benoit.gql(`{ accessLog(first: 50) { nodes { action actorKind description } } }`)
    const entry = log.data.accessLog.nodes.find((n: { action: string }) => n.action === 'ADVISOR_LIST_QUEUE')
    expect(entry).toMatchObject({ actorKind: 'ADVISOR', description: expect.stringMatching(/^a vu vos? démarches? DEM-.* dans la file d'attente des conseillers$/) })
    for (const reference of shown.get(benoitId) ?? [])
      expect(log.data.accessLog.nodes.map((n: { description: string }) => n.description).join(' ')).toContain(reference)
  })

  it('opens any démarche, decided or not, and records each opening in the member\'s audit trail', async () => {
    const audits = () => app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_PROCEDURE')).all()
    const before = audits().length
    const r = await advisor.gql(DETAIL, { id: sarahOptics })
    expect(r.errors).toBeUndefined()
    expect(r.data.advisorProcedure).toMatchObject({ id: sarahOptics, waitingDays: 3, overdue: false, member: { firstName: 'Benoit' }, procedure: { status: 'SUBMITTED', careType: 'OPTICS', history: [{ status: 'SUBMITTED' }] } })

    const accepted = app.db.select().from(proceduresTable).where(eq(proceduresTable.status, 'ACCEPTED')).get()!
    const old = await advisor.gql(DETAIL, { id: accepted.id })
    expect(old.data.advisorProcedure).toMatchObject({ id: accepted.id, overdue: false, procedure: { status: 'ACCEPTED' } })

    const rows = audits().slice(before)
    const benoitId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Benoit')).get()!.id
    const advisorAccount = app.db.$client.prepare(`select id from accounts where role = 'ADVISOR'`).get() as { id: string }
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      at: '2026-11-26T10:00:00.000Z',
      actorAccountId: advisorAccount.id,
      actorRole: 'ADVISOR',
      memberId: benoitId,
      outcome: 'SUCCESS',
      ip: expect.any(String),
      details: { procedureId: sarahOptics, reference: expect.stringMatching(/^DEM-/) },
    })
    expect(rows[1]).toMatchObject({ memberId: accepted.memberId, details: { procedureId: accepted.id } })
    // health data stays out of the log
    expect(JSON.stringify(rows)).not.toMatch(/OPTICS|optique|Sarah/i)
  })

  it('answers NOT_FOUND for an unknown démarche and records nothing', async () => {
    const before = app.db.select().from(auditEventsTable).all().length
    const r = await advisor.gql(DETAIL, { id: '00000000-0000-0000-0000-000000000000' })
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect(r.data?.advisorProcedure ?? null).toBeNull()
    expect(app.db.select().from(auditEventsTable).all()).toHaveLength(before)
  })

  it('records no reading when a member or a partner is refused', async () => {
    const before = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_PROCEDURE')).all().length
    await benoit.gql(DETAIL, { id: sarahOptics })
    await app.client(DEMO_PARTNER_TOKEN).gql(DETAIL, { id: sarahOptics })
    expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_PROCEDURE')).all()).toHaveLength(before)
  })

  it('takes a démarche out of the queue once documents are asked, and back in its place when the member sends them', async () => {
    const input = { beneficiaryId: app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Louise')).get()!.id, careType: 'PHARMACY', careDate: '2026-11-20', abroad: false, amountCents: 2350, attachmentIds: [await uploadId(benoit)] }
    const sent = await benoit.gql(SUBMIT, { input })
    const id = sent.data.submitReimbursementRequest.procedure.id as string
    const before = await queue()
    expect(before.nodes.at(-1)!.id).toBe(id)

    const asked = await advisor.gql(DECIDE, { id, decision: 'REQUEST_DOCUMENTS', note: 'Merci de joindre l\'ordonnance.' })
    expect(asked.data.decideProcedure).toMatchObject({ errors: [], procedure: null, task: { procedure: { status: 'MISSING_DOCUMENTS' } } })
    const during = await queue()
    expect(during.totalCount).toBe(before.totalCount - 1)
    expect(during.nodes.map(t => t.id)).not.toContain(id)

    const added = await benoit.gql(`mutation($id: ID!, $files: [ID!]!) { addProcedureDocuments(procedureId: $id, attachmentIds: $files) { errors { code } } }`, { id, files: [await uploadId(benoit)] })
    expect(added.data.addProcedureDocuments.errors).toEqual([])
    const after = await queue()
    expect(after.nodes.map(t => t.id)).toEqual(before.nodes.map(t => t.id))
  })
})

describe('advisorQueue query shapes', () => {
  let app: TestApp
  let advisor: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    busyMonday(app)
    advisor = await app.as('advisor')
  })
  afterAll(() => app.close())

  async function statementsFor(query: string, variables?: Record<string, unknown>) {
    app.takeQueries()
    const r = await advisor.gql(query, variables)
    expect(r.errors).toBeUndefined()
    return app.takeQueries().filter(q => !/sessions/.test(q))
  }

  it('loads a page of tasks with members, beneficiaries, documents and timelines in a constant number of statements', async () => {
    const q = `query($n: Int) { advisorQueue(first: $n) { totalCount nodes { ... on ProcedureTask { id member { lastName } procedure { beneficiary { firstName } attachments { id } history { status } } } } } }`
    const small = await statementsFor(q, { n: 2 })
    const large = await statementsFor(q, { n: 30 })
    const reads = (statements: string[]) => statements.filter(q => !/"audit_events"/.test(q))
    expect(reads(large).length).toBe(reads(small).length)
    // page and count of démarches, page and count of threads, members, beneficiaries, attachments, events
    expect(reads(large).length).toBeLessThanOrEqual(8)
    // the listing's audit: what was recently recorded, then one insert for every member listed
    expect(large.filter(q => /"audit_events"/.test(q))).toEqual([expect.stringMatching(/^select/), expect.stringMatching(/^insert into "audit_events"/)])
    // members and beneficiaries are read for the advisor's view only: never NIR, birth date, contact details or address
    const memberQuery = large.find(q => /from "members"/.test(q))!
    expect(memberQuery).not.toMatch(/"nir"|"birth_date"|"email"|"phone"|"address_line1"/)
    const beneficiaryQuery = large.find(q => /from "beneficiaries"/.test(q))!
    expect(beneficiaryQuery).not.toMatch(/"nir"|"birth_date"/)
  })

  it('answers the first page, a later page and one kind from the status index, on the SQL the service runs', async () => {
    const pageQuery = async (variables: Record<string, unknown>) => {
      const statements = await statementsFor(`query($first: Int, $after: String, $kind: ProcedureKind) { advisorQueue(first: $first, after: $after, kind: $kind) { pageInfo { endCursor } nodes { __typename } } }`, variables)
      return statements.find(q => /from "procedures"/.test(q) && /limit/.test(q))!
    }
    const firstPage = await pageQuery({ first: 5 })
    const { data } = await advisor.gql(`{ advisorQueue(first: 5) { pageInfo { endCursor } } }`)
    const laterPage = await pageQuery({ first: 5, after: data.advisorQueue.pageInfo.endCursor })
    const oneKind = await pageQuery({ first: 5, kind: 'QUOTE' })
    // the later page carries the keyset condition and the plain range bound that lets SQLite seek
    expect(laterPage).toMatch(/"submitted_at" >= \?/)
    expect(laterPage).toMatch(/"submitted_at" > \? or \("procedures"\."submitted_at" = \? and "procedures"\."id" > \?\)/)
    for (const sql of [firstPage, laterPage, oneKind]) {
      const params = (sql.match(/\?/g) ?? []).map(() => 'x')
      const plan = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(p => p.detail).join(' | ')
      expect(plan).toMatch(/USING (COVERING )?INDEX procedures_(status_submitted|member_kind)_idx/)
      expect(plan).not.toMatch(/^SCAN \w+$|\| SCAN \w+( \||$)/)
    }
    expect((app.db.$client.prepare(`EXPLAIN QUERY PLAN ${laterPage}`).all(...(laterPage.match(/\?/g) ?? []).map(() => 'x')) as { detail: string }[]).map(p => p.detail).join(' | ')).toMatch(/submitted_at>\?/)
  })
})

describe('an advisor reopening the same démarche', () => {
  let app: TestApp
  const clock = testClock()
  beforeAll(async () => { app = await startTestApp({ clock }) })
  afterAll(() => app.close())

  it(`counts as one consultation within ${CONSULTATION_WINDOW_MS / 60_000} minutes, and a new one after`, async () => {
    const advisor = await app.as('advisor')
    const procedure = app.db.select().from(proceduresTable).where(eq(proceduresTable.status, 'SUBMITTED')).get()!
    const views = () => app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_PROCEDURE')).all().length
    const open = () => advisor.gql(`query($id: ID!) { advisorProcedure(id: $id) { id } }`, { id: procedure.id })
    await open()
    await open()
    clock.advance(CONSULTATION_WINDOW_MS - 60_000)
    await open()
    expect(views()).toBe(1)
    clock.advance(2 * 60_000)
    await open()
    expect(views()).toBe(2)
  })
})
