import type { ApiClient, TestApp } from './harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

  const plans: [string, string][] = [
    ['reimbursements of a household by payment date', `SELECT * FROM reimbursements WHERE member_id = 'm' ORDER BY payment_date DESC, id DESC LIMIT 21`],
    ['reimbursements of a beneficiary', `SELECT * FROM reimbursements WHERE member_id = 'm' AND beneficiary_id = 'b' ORDER BY payment_date DESC, id DESC LIMIT 21`],
    ['reimbursements of a care type', `SELECT * FROM reimbursements WHERE member_id = 'm' AND care_type = 'OPTICS' ORDER BY payment_date DESC LIMIT 21`],
    ['reimbursements of a period', `SELECT * FROM reimbursements WHERE member_id = 'm' AND payment_date BETWEEN '2026-01-01' AND '2026-06-30'`],
    ['procedures of a household', `SELECT * FROM procedures WHERE member_id = 'm' ORDER BY submitted_at DESC, id DESC LIMIT 21`],
    ['procedures by status', `SELECT * FROM procedures WHERE member_id = 'm' AND status = 'SUBMITTED'`],
    ['the advisor queue', `SELECT * FROM procedures WHERE status = 'SUBMITTED' ORDER BY submitted_at LIMIT 21`],
    ['message threads of a household', `SELECT * FROM message_threads WHERE member_id = 'm' ORDER BY updated_at DESC, id DESC LIMIT 21`],
    ['documents of a household by kind', `SELECT * FROM documents WHERE member_id = 'm' AND kind = 'CERTIFICATE'`],
    ['a session by token hash', `SELECT * FROM sessions WHERE token_hash = 'h'`],
    ['instalments of a contract', `SELECT * FROM contribution_instalments WHERE contract_id IN ('a', 'b')`],
  ]

  it.each(plans)('answers %s from an index, without scanning the table', (_label, sql) => {
    const plan = app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]
    const details = plan.map(p => p.detail).join(' | ')
    expect(details).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/)
    expect(details).not.toMatch(/^SCAN \w+$|\| SCAN \w+( \||$)/)
  })
})
