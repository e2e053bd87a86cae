import type { GraphQLField } from 'graphql'
import type { ApiClient, TestApp } from './harness.ts'
import { assertObjectType, getNamedType, isLeafType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getSchema } from '../schema.ts'
import { startTestApp } from './harness.ts'

/*
 * A list asking only for what the list pages show reads narrow rows (asksOnly, in the resolvers of
 * reimbursements and procedures); anything else reads whole rows. Each field of an item, asked
 * alone, must answer as it does among all the others: a field wrongly counted as answerable from
 * narrow rows answers null, or fails.
 */
describe.each([
  // rows few enough for every field at once to stay under the cost limit
  { list: 'reimbursements', type: 'Reimbursement', first: 25 },
  { list: 'procedures', type: 'Procedure', first: 10 },
])('the $list list', ({ list, type, first }) => {
  let app: TestApp
  let benoit: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
  })
  afterAll(() => app.close())

  const fields = Object.values(assertObjectType(getSchema().getType(type)).getFields())
  const selectionOf = (field: GraphQLField<unknown, unknown>) => {
    const named = getNamedType(field.type)
    if (isLeafType(named))
      return field.name
    const inner = Object.values(assertObjectType(named).getFields())
    return `${field.name} { ${inner.some(f => f.name === 'id') ? 'id' : inner.filter(f => isLeafType(getNamedType(f.type))).map(f => f.name).join(' ')} }`
  }
  const items = async (selection: string) => {
    const r = await benoit.gql(`{ ${list}(first: ${first}) { nodes { id ${selection} } } }`)
    expect(r.errors, selection).toBeUndefined()
    return r.data[list].nodes as Record<string, unknown>[]
  }

  it('answers each field of an item alone as among all the others', async () => {
    const whole = await items(fields.map(selectionOf).join(' '))
    expect(whole.length).toBe(first)
    for (const field of fields)
      expect(await items(selectionOf(field)), field.name).toEqual(whole.map(n => ({ id: n.id, [field.name]: n[field.name] })))
  })
})
