import type { ApiClient, GqlResult, TestApp } from './harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spaOperation } from '../scripts/spa-operation.ts'
import { startTestApp } from './harness.ts'

/**
 * The pages' queries are compiled (graphql-jit) from their second use on: a member must read the
 * same answer, errors included, whether the query ran interpreted or compiled.
 */
describe('compiled queries', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient
  beforeAll(async () => {
    app = await startTestApp({ compileQueriesOnUse: 2 })
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    advisor = await app.as('advisor')
  })
  afterAll(() => app.close())

  /** The answer of the first use (interpreted) and of the next two (compiled). */
  async function threeUses(client: ApiClient, query: string, variables?: Record<string, unknown>) {
    const answers: Omit<GqlResult, 'setCookie'>[] = []
    for (let i = 0; i < 3; i++) {
      const { setCookie: _, ...answer } = await client.gql(query, variables)
      answers.push(answer)
    }
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    return answers[0]!
  }

  it.each([
    ['the home page', 'home/home.graphql', 'HomeDashboard', {}],
    ['a page of reimbursements', 'reimbursements/reimbursements.graphql', 'ReimbursementList', { first: 5 }],
    ['the contracts and their guarantees', 'contracts/contracts.graphql', 'ContractGuarantees', {}],
    ['Mes démarches', 'procedures/procedures.graphql', 'ProcedureList', { first: 5 }],
    ['the messagerie inbox', 'messages/messages.graphql', 'MessageThreads', { first: 5 }],
  ])('answers %s the same, interpreted then compiled', async (_label, file, name, variables) => {
    const answer = await threeUses(benoit, spaOperation(file, name), variables)
    expect(answer.errors).toBeUndefined()
    expect(JSON.stringify(answer.data).length).toBeGreaterThan(100)
  })

  it('answers a reimbursement\'s detail, explanation included, the same', async () => {
    const list = await benoit.gql(spaOperation('reimbursements/reimbursements.graphql', 'ReimbursementList'), { first: 1 })
    const id = list.data.reimbursements.nodes[0].id as string
    const detail = await threeUses(benoit, spaOperation('reimbursements/reimbursements.graphql', 'ReimbursementDetail'), { id })
    expect(detail.data.reimbursement.explanation.length).toBeGreaterThan(1)
  })

  it('answers the advisor\'s mixed queue of démarches and threads the same', async () => {
    const queue = await threeUses(advisor, spaOperation('advisor/advisor.graphql', 'AdvisorQueue'), { first: 20 })
    const tasks = queue.data.advisorQueue.nodes as { procedure?: object, thread?: object }[]
    expect(tasks.some(t => t.procedure) && tasks.some(t => t.thread)).toBe(true)
  })

  it('refuses another household\'s reimbursement, a bad variable and a member\'s query from an advisor the same way', async () => {
    const id = (await benoit.gql(`{ reimbursements(first: 1) { nodes { id } } }`)).data.reimbursements.nodes[0].id as string
    const detail = `query Detail($id: ID!) { reimbursement(id: $id) { id careLabel } }`
    const notYours = await threeUses(camille, detail, { id })
    expect(notYours.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect(notYours.data).toEqual({ reimbursement: null })

    const badVariable = await threeUses(benoit, `query List($t: CareType) { reimbursements(careType: $t) { totalCount } }`, { t: 'MASSAGE' })
    expect(badVariable.status).toBe(400)
    expect(badVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')

    const forbidden = await threeUses(advisor, `query List { reimbursements(first: 1) { totalCount } }`)
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})
