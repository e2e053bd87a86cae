import type { TestApp } from './harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from './harness.ts'

describe('the HTTP surface', () => {
  let app: TestApp
  beforeAll(async () => { app = await startTestApp() })
  afterAll(() => app.close())

  it('answers /healthz when the database answers', async () => {
    const res = await fetch(`${app.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('sends the security headers', async () => {
    const res = await fetch(`${app.url}/healthz`)
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors \'none\'')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it('refuses a GET query without the preflight header (CSRF)', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`)
    expect(res.status).toBe(400)
  })

  it('refuses a form-encoded POST (CSRF)', async () => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7Bme%7Bid%7D%7D' })
    expect(res.status).toBe(400)
  })

  it('refuses batched operations', async () => {
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) })
    expect(res.status).toBe(400)
  })

  it('refuses alias floods and over-deep queries before running them', async () => {
    const c = await app.as('benoit')
    const aliases = await c.gql(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: unreadMessageCount`).join(' ')} }`)
    expect(aliases.status).toBe(400)
    const deep = await c.gql(`{ reimbursements { edges { node { beneficiary { id } } } nodes { id } pageInfo { endCursor } } contracts { beneficiaries { id } } insuranceCard { contract { beneficiaries { id } } } }`)
    expect(deep.errors).toBeUndefined()
  })

  it('gives no field suggestions to someone probing the schema', async () => {
    const r = await app.client().gql('{ mee { id } }')
    expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean/)
  })

  it('refuses a page size above 100', async () => {
    const c = await app.as('benoit')
    const r = await c.gql('{ reimbursements(first: 101) { totalCount } }')
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})
