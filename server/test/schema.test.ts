import type { GraphQLField, GraphQLInputType, GraphQLNamedType } from 'graphql'
import type { TestApp } from './harness.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isNonNullType, isObjectType, isScalarType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../core/paths.ts'
import { getSchema, printSdl } from '../schema.ts'
import { startTestApp } from './harness.ts'

const schema = getSchema()
// root operation types are described field by field
const ownTypes = Object.values(schema.getTypeMap()).filter(t => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation'].includes(t.name))

describe('the published schema', () => {
  it('is the committed schema.graphql (run `npm run schema` after changing the API)', () => {
    expect(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8')).toBe(printSdl())
  })

  it('describes every type, field, argument and enum value for partner developers', () => {
    const missing: string[] = []
    const check = (t: GraphQLNamedType) => {
      if (!t.description)
        missing.push(t.name)
      if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
        for (const f of Object.values(t.getFields())) {
          if (!f.description)
            missing.push(`${t.name}.${f.name}`)
          for (const a of (f as GraphQLField<unknown, unknown>).args ?? []) {
            if (!a.description)
              missing.push(`${t.name}.${f.name}(${a.name})`)
          }
        }
      }
      if (isEnumType(t) && !t.getValues().length)
        missing.push(`${t.name} has no values`)
      if (isScalarType(t) && !t.description)
        missing.push(t.name)
    }
    ownTypes.forEach(check)
    expect(missing).toEqual([])
  })

  it('keeps the root fields partners rely on (API.md)', () => {
    const q = Object.keys(schema.getQueryType()!.getFields())
    const m = Object.keys(schema.getMutationType()!.getFields())
    expect(q).toEqual(expect.arrayContaining(['me', 'contracts', 'contract', 'beneficiaries', 'insuranceCard', 'reimbursements', 'procedures', 'news', 'unreadMessageCount']))
    expect(m).toEqual(expect.arrayContaining(['signIn', 'signOut']))
  })
})

describe('anonymous callers', () => {
  let app: TestApp
  beforeAll(async () => { app = await startTestApp() })
  afterAll(() => app.close())

  // `viewer` and `me` answer null to anonymous visitors by design, `siteInformation` is the legal pages' public text; every other root field refuses
  const PUBLIC = new Set(['viewer', 'me', 'siteInformation'])
  const roots = Object.values(schema.getQueryType()!.getFields()).filter(f => !PUBLIC.has(f.name))

  it.each(roots.map(f => [f.name, f] as const))('are refused %s', async (_name, field) => {
    const scalar = (type: string) => type.startsWith('ID') || type.startsWith('String') ? '"x"' : type.startsWith('Date') ? '"2026-01-01"' : type.startsWith('Int') ? '1' : type.startsWith('Boolean') ? 'false' : 'CONSULTATION'
    // an input object gets its required fields, so validation passes and authorisation is what answers
    const value = (type: GraphQLInputType): string => {
      const inner = getNamedType(type)
      if (!isInputObjectType(inner))
        return type.toString().startsWith('[') ? `[${scalar(inner.name)}]` : scalar(inner.name)
      return `{ ${Object.values(inner.getFields()).filter(f => isNonNullType(f.type)).map(f => `${f.name}: ${value(f.type)}`).join(', ')} }`
    }
    const args = field.args.filter(a => a.type.toString().endsWith('!'))
      .map(a => `${a.name}: ${value(a.type)}`)
    const named = field.type.toString().replace(/[[\]!]/g, '')
    const t = schema.getType(named)
    const selection = isObjectType(t) ? `{ __typename }` : ''
    const r = await app.client().gql(`{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`)
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(r.data?.[field.name] ?? null).toBeNull()
  })
})
