import type { ApiClient, TestApp } from './harness.ts'
import { getMetadataStorage } from 'type-graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spaOperation } from '../scripts/spa-operation.ts'
import { startTestApp } from './harness.ts'

/**
 * Shapes of work, not timings: how many statements a page costs, and whether SQLite answers the
 * portal's filters from an index. Speed itself is measured by `npm run bench`.
 */
describe('query shapes', () => {
  let app: TestApp
  let benoit: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
  })
  afterAll(() => app.close())

  async function statementsFor(query: string, variables?: Record<string, unknown>) {
    app.takeQueries()
    const r = await benoit.gql(query, variables)
    expect(r.errors).toBeUndefined()
    return app.takeQueries().filter(q => !/sessions/.test(q))
  }

  it('loads a page of reimbursements with their beneficiaries in a constant number of statements', async () => {
    const q = `query($n: Int) { reimbursements(first: $n) { totalCount totals { expenseCents } nodes { id beneficiary { firstName } } } }`
    const small = await statementsFor(q, { n: 2 })
    const large = await statementsFor(q, { n: 50 })
    expect(large.length).toBe(small.length)
    expect(large.length).toBeLessThanOrEqual(4)
  })

  it('reads the reimbursements\' explanations only when asked, in one statement for the page', async () => {
    const q = (fields: string) => `query($n: Int) { reimbursements(first: $n) { nodes { id ${fields} } } }`
    const without = await statementsFor(q(''), { n: 20 })
    expect(without.some(s => /"explanation"/.test(s))).toBe(false)
    const small = await statementsFor(q('explanation'), { n: 2 })
    const large = await statementsFor(q('explanation'), { n: 20 })
    expect(large.length).toBe(without.length + 1)
    expect(small.length).toBe(large.length)
    const listed = (await benoit.gql(q('explanation'), { n: 1 })).data.reimbursements.nodes[0]
    const detail = (await benoit.gql(`query($id: ID!) { reimbursement(id: $id) { explanation } }`, { id: listed.id })).data.reimbursement
    expect(listed.explanation).toEqual(detail.explanation)
    expect(listed.explanation.length).toBeGreaterThan(1)
  })

  it('reads only the list\'s columns of the reimbursements and démarches the list pages show, whole rows otherwise', async () => {
    const pageOf = (table: string, statements: string[]) => statements.find(q => q.includes(`from "${table}"`) && /limit/.test(q))!
    for (const spa of [spaOperation('reimbursements/reimbursements.graphql', 'ReimbursementList'), spaOperation('home/home.graphql', 'HomeDashboard')]) {
      const page = pageOf('reimbursements', await statementsFor(spa, { first: 20 }))
      expect(page).toMatch(/"care_label"/)
      expect(page).not.toMatch(/"provider_name"|"contract_id"|"bank_account_id"/)
    }
    const home = await statementsFor(spaOperation('home/home.graphql', 'HomeDashboard'))
    expect(home.filter(q => q.includes('from "procedures"') && /limit/.test(q))).toHaveLength(2)
    expect(home.filter(q => q.includes('from "procedures"') && /"details"|"decision_note"/.test(q))).toEqual([])
    // a field the list rows lack, even behind a fragment on the edges, reads whole rows
    const wide = pageOf('reimbursements', await statementsFor(`{ reimbursements(first: 2) { edges { node { ...F } } } } fragment F on Reimbursement { id providerName }`))
    expect(wide).toMatch(/"provider_name"/)
    expect(pageOf('procedures', await statementsFor(`{ procedures(first: 2) { nodes { id providerName } } }`))).toMatch(/"details"/)
  })

  it('builds the home page without pricing the démarches commerciales it lists by status only', async () => {
    const statements = await statementsFor(spaOperation('home/home.graphql', 'HomeDashboard'))
    expect(statements.some(q => /commercial_journeys/.test(q))).toBe(true)
    // the covered people and the contract's amendments price an option: the home page shows none
    expect(statements.filter(q => /contract_beneficiaries/.test(q))).toEqual([])
    expect(statements.filter(q => /from "contract_amendments"/.test(q))).toHaveLength(1)
    expect(statements.length).toBeLessThanOrEqual(11)
  })

  it.each([
    ['Mes démarches', `query($n: Int) { procedures(first: $n) { totalCount nodes { id beneficiary { firstName } history { status } attachments { name } } } }`],
    ['the messagerie inbox', `query($n: Int) { messageThreads(first: $n) { totalCount nodes { id category { label } subject { label } } } }`],
  ])('loads a page of %s in a number of statements that does not grow with the page', async (_label, q) => {
    const small = await statementsFor(q, { n: 1 })
    const large = await statementsFor(q, { n: 50 })
    expect(large.length).toBe(small.length)
  })

  it('loads a page of the advisor queue in a number of statements that does not grow with the page', async () => {
    const q = `query($n: Int) { advisorQueue(first: $n) { totalCount nodes { ... on ProcedureTask { member { lastName } procedure { reference beneficiary { firstName } } } ... on ThreadTask { member { lastName } thread { category { label } } } } } }`
    const count = async (n: number) => {
      app.takeQueries()
      const r = await advisor.gql(q, { n })
      expect(r.errors).toBeUndefined()
      expect(new Set(r.data.advisorQueue.nodes.map((t: { member: unknown, procedure?: unknown }) => t.procedure ? 'procedure' : 'thread')).size).toBe(2)
      // the first listing of a member's démarches writes their access-log line: reads only
      return app.takeQueries().filter(sql => !/sessions|^insert/i.test(sql)).length
    }
    // a short page may hold threads only (no beneficiary to load): compare pages holding both kinds
    expect(await count(50)).toBe(await count(10))
    expect(await count(50)).toBeLessThanOrEqual(8)
  })

  it('counts and sums only when the query asks for it (the home page\'s lists do not)', async () => {
    const lists = `{ procedures(first: 2) { nodes { id } } reimbursements(first: 3) { nodes { id } } news(first: 10) { nodes { id } } }`
    expect((await statementsFor(lists)).filter(q => /count\(|sum\(/i.test(q))).toEqual([])
    const counted = await statementsFor(`{ procedures(first: 2) { totalCount } reimbursements(first: 3) { totals { expenseCents } } news(first: 10) { totalCount } }`)
    expect(counted.filter(q => /count\(|sum\(/i.test(q))).toHaveLength(3)
  })

  it('loads every contract with beneficiaries, guarantees and schedule without a query per contract', async () => {
    const q = `{ contracts { id beneficiaries { firstName } guarantees { label } contributionSchedule { dueDate } } }`
    expect((await statementsFor(q)).length).toBeLessThanOrEqual(6)
  })

  it('seeks straight to the cursor on later pages instead of reading every row before it', async () => {
    const first = await benoit.gql(`{ reimbursements(first: 5) { pageInfo { endCursor } } }`)
    app.takeQueries()
    await benoit.gql(`query($after: String) { reimbursements(first: 5, after: $after) { nodes { id } } }`, { after: first.data.reimbursements.pageInfo.endCursor })
    const page = app.takeQueries().find(q => /from "reimbursements"/i.test(q) && /limit/i.test(q))!
    const params = Array.from({ length: (page.match(/\?/g) ?? []).length }, () => 'x')
    const plan = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${page}`).all(...params) as { detail: string }[]).map(p => p.detail).join(' | ')
    expect(plan).toMatch(/payment_date<\?/)
  })

  // the tables that grow with members; small reference tables (guarantee labels, rates) may be scanned
  const GROWING = ['reimbursements', 'procedures', 'procedure_events', 'procedure_attachments', 'message_threads', 'messages', 'documents', 'sessions', 'accounts', 'members', 'beneficiaries', 'contracts', 'contract_beneficiaries', 'contribution_instalments', 'files', 'audit_events', 'bank_accounts', 'sepa_mandates', 'insurance_cards', 'guarantees']

  /** Runs an operation through the API and explains every statement the services ran for it. */
  async function plansOf(client: ApiClient, query: string, variables?: Record<string, unknown>) {
    app.takeQueries()
    const r = await client.gql(query, variables)
    expect(r.errors).toBeUndefined()
    return app.takeQueries().map((sql) => {
      const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x')
      const plan = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(p => p.detail)
      return { sql, plan }
    })
  }

  const beneficiaryOf = async (name: string) => (await benoit.gql(`{ beneficiaries { id firstName } }`)).data.beneficiaries.find((b: { firstName: string }) => b.firstName === name).id

  const operations: [string, () => Promise<[ApiClient, string, Record<string, unknown>?]>][] = [
    ['the reimbursements page', async () => [benoit, `{ reimbursements(first: 20) { totalCount totals { expenseCents } nodes { id beneficiary { firstName } } } }`]],
    ['reimbursements of a beneficiary', async () => [benoit, `query($b: ID) { reimbursements(beneficiaryId: $b, first: 20) { totalCount nodes { id } } }`, { b: await beneficiaryOf('Léa') }]],
    ['reimbursements of a care type and period', async () => [benoit, `{ reimbursements(careType: OPTICS, from: "2026-01-01", to: "2026-06-30", first: 20) { totalCount nodes { id } } }`]],
    ['Mes démarches by status and kind', async () => [benoit, `{ procedures(status: SUBMITTED, kind: REIMBURSEMENT, first: 20) { totalCount nodes { id beneficiary { firstName } } } }`]],
    ['documents by kind and year', async () => [benoit, `{ documents(kind: BENEFITS_STATEMENT, year: 2026, first: 20) { totalCount nodes { id } } }`]],
    ['contracts with schedule and guarantees', async () => [benoit, `{ contracts { id beneficiaries { firstName } guarantees { label } contributionSchedule { dueDate } } }`]],
    ['the unread message count', async () => [benoit, `{ unreadMessageCount }`]],
    ['the advisor queue', async () => [advisor, `{ advisorQueue(first: 20) { totalCount nodes { __typename } } }`]],
  ]

  let advisor: ApiClient
  beforeAll(async () => {
    advisor = await app.as('advisor')
  })

  it.each(operations)('answers %s from indexes, scanning no growing table', async (_label, operation) => {
    const [client, query, variables] = await operation()
    const statements = await plansOf(client, query, variables)
    expect(statements.length).toBeGreaterThan(0)
    for (const { sql, plan } of statements) {
      // SEARCH seeks in an index; SCAN reads a whole table or a whole index, which grows with members
      const scans = plan.filter(d => /^SCAN (\w+)/.test(d))
        .map(d => /^SCAN (\w+)/.exec(d)![1]!)
        .filter(table => GROWING.includes(table))
      expect(scans, `${sql}\n${plan.join(' | ')}`).toEqual([])
    }
  })

  it('reads the advisor queue\'s oldest tasks in index order, without sorting every waiting task', async () => {
    const statements = await plansOf(advisor, `{ advisorQueue(first: 20) { nodes { __typename } } }`)
    const pages = statements.filter(({ sql }) => /order by/i.test(sql) && /"procedures"|"message_threads"/.test(sql))
    expect(pages.length).toBe(2)
    for (const { sql, plan } of pages)
      expect(plan.join(' | '), sql).not.toMatch(/TEMP B-TREE/)
  })

  it('reads a member\'s démarches of one status from that member\'s entries, in order, not from every démarche of that status', async () => {
    const statements = await plansOf(benoit, `{ procedures(status: MISSING_DOCUMENTS, first: 3) { totalCount nodes { id } } }`)
    const reads = statements.filter(({ sql }) => /from "procedures"/.test(sql))
    expect(reads.length).toBe(2)
    for (const { sql, plan } of reads) {
      expect(plan.join(' | '), sql).toMatch(/\(member_id=\? AND status=\?\)/)
      expect(plan.join(' | '), sql).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('gives simple resolvers only to types whose fields carry no authorisation or middleware', () => {
    // simpleResolvers skips type-graphql's per-field wrapper: a field-level @Authorized there would be ignored
    const storage = getMetadataStorage()
    const simple = storage.objectTypes.filter(t => t.simpleResolvers)
    expect(simple.length).toBeGreaterThan(0)
    for (const type of simple) {
      for (const field of type.fields ?? [])
        expect({ type: type.name, field: field.name, roles: field.roles ?? [], middlewares: field.middlewares?.length ?? 0 }).toEqual({ type: type.name, field: field.name, roles: [], middlewares: 0 })
    }
  })
})
