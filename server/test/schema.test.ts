import type { GraphQLField, GraphQLNamedType } from 'graphql'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../core/paths.ts'
import { getSchema, printSdl } from '../schema.ts'

const schema = getSchema()
// the roots too: GraphiQL opens its documentation on them
const ownTypes = Object.values(schema.getTypeMap()).filter(t => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name))

describe('the published schema', () => {
  it('is the committed schema.graphql (run `npm run schema` after changing the API)', () => {
    expect(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8')).toBe(printSdl())
  })

  it('describes every type, field, argument and enum value for partner developers, the Query and Mutation roots included', () => {
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
      if (isEnumType(t))
        missing.push(...t.getValues().filter(v => !v.description).map(v => `${t.name}.${v.name}`))
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

// who may call each root field (anonymous, another household, advisor, partner): access-matrix.test.ts
