import type { IncomingHttpHeaders } from 'node:http'
import type { TestApp } from './harness.ts'
import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLogs } from '../core/logger.ts'
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

  it('refuses over-deep, over-costly, alias-flooded and over-long queries with a 400 before running them', async () => {
    const c = await app.as('benoit')
    const chain = (levels: number) => Array.from({ length: levels }, (_, i) => (i % 2 ? 'procedure' : 'reimbursement')).reduceRight((inner, field) => `${field} { id ${inner} }`, 'id')
    const refused = {
      depth: `{ procedures { nodes { ${chain(8)} } } }`,
      // within the depth, alias and token limits, but 100 rows of twenty fields each
      cost: `{ reimbursements(first: 100) { nodes { id careType careLabel careDate paymentDate providerName decompteNumber expenseCents socialSecurityBaseCents socialSecurityRatePercent socialSecurityCents withheldCents withholdingKind mutuelleCents outOfPocketCents hundredPercentSante payee origin beneficiary { id firstName lastName } } } }`,
      aliases: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: unreadMessageCount`).join(' ')} }`,
      tokens: `{ me { ${'firstName '.repeat(2100)}} }`,
    }
    const expected = { depth: /trop imbriquée/, cost: /trop coûteuse/, aliases: /Trop d'alias/, tokens: /trop longue/ }
    // the token count stops the parser itself; the others are validation rules
    const codes = { depth: 'GRAPHQL_VALIDATION_FAILED', cost: 'GRAPHQL_VALIDATION_FAILED', aliases: 'GRAPHQL_VALIDATION_FAILED', tokens: 'GRAPHQL_PARSE_FAILED' }
    for (const [kind, query] of Object.entries(refused)) {
      const r = await c.gql(query)
      expect(r.status, kind).toBe(400)
      expect(r.data, kind).toBeUndefined()
      expect(r.errors!.map(e => e.extensions?.code), kind).toContain(codes[kind as keyof typeof codes])
      expect(r.errors!.map(e => e.message).join(' '), kind).toMatch(expected[kind as keyof typeof expected])
    }
    const legitimate = await c.gql(`{ reimbursements { edges { node { beneficiary { id } } } nodes { id } pageInfo { endCursor } } contracts { beneficiaries { id } } insuranceCard { contract { beneficiaries { id } } } }`)
    expect(legitimate.errors).toBeUndefined()
  })

  it('answers a subscription with a 400 client error, not an internal one', async () => {
    const r = await app.client().gql('subscription { x }')
    expect(r.status).toBe(400)
    expect(r.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(r.errors![0]!.message).toMatch(/abonnements/)
  })

  it('says graphql-js type errors in French, keeping their code', async () => {
    const c = await app.as('benoit')
    const cases: [string, Record<string, unknown> | undefined, string, RegExp][] = [
      ['{ reimbursements(careType: INCONNU) { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', /La valeur «\sINCONNU\s» n'existe pas dans l'énumération CareType/],
      ['query($t: CareType) { reimbursements(careType: $t) { totalCount } }', { t: 'INCONNU' }, 'BAD_USER_INPUT', /Valeur invalide pour \$t .*n'existe pas dans l'énumération CareType/],
      ['query($n: Int) { reimbursements(first: $n) { totalCount } }', { n: 3_000_000_000 }, 'BAD_USER_INPUT', /Nombre entier hors limites/],
      ['{ reimbursements(first: "x") { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', /Un nombre entier est attendu/],
      ['query($d: Date) { reimbursements(from: $d) { totalCount } }', { d: '2026-02-30' }, 'BAD_USER_INPUT', /Date invalide/],
      ['query($d: Date!) { reimbursements(from: $d) { totalCount } }', undefined, 'BAD_USER_INPUT', /La variable \$d \(type Date!\) est obligatoire/],
    ]
    for (const [query, variables, code, message] of cases) {
      const r = await c.gql(query, variables)
      expect(r.status, query).toBe(400)
      expect(r.errors![0]!.extensions?.code, query).toBe(code)
      expect(r.errors![0]!.message, query).toMatch(message)
      expect(r.errors![0]!.message, query).not.toMatch(/cannot represent|does not exist|got invalid value|Expected/)
    }
  })

  it('answers a broken body with GraphQL-shaped JSON in French, no HTML, stack or path, logged on one line', async () => {
    const logs = captureLogs('info')
    const logged = (level: string) => logs.lines.map(line => JSON.parse(line) as { level: string, msg: string }).filter(l => l.level === level)
    const post = (body: string, headers: Record<string, string> = {}) => fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    const cases: [Promise<Response>, number, string][] = [
      [post('{"query": '), 400, 'BAD_REQUEST'],
      [post(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(200_000)}` })), 413, 'PAYLOAD_TOO_LARGE'],
      [post(JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'application/json; charset=iso-8859-15' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [post(JSON.stringify({ query: '{ me { id } }' }), { 'content-encoding': 'compress' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ]
    try {
      for (const [response, status, code] of cases) {
        const res = await response
        expect(res.status, code).toBe(status)
        expect(res.headers.get('content-type')).toMatch(/^application\/json/)
        const text = await res.text()
        expect(text).not.toMatch(/<html|\bat \w|node_modules|\/work\/|Error:/)
        const body = JSON.parse(text)
        expect(body.errors[0].extensions.code).toBe(code)
        expect(body.errors[0].message).toMatch(/requête|caractères|Encodage/i)
      }
      // client mistakes: one JSON line each at warn level, no stack; nothing logged as a bug
      expect(logged('error')).toEqual([])
      expect(logged('warn').filter(l => l.msg === 'client error')).toHaveLength(cases.length)
      for (const line of logs.lines)
        expect(line.trimEnd()).not.toMatch(/\n|\bat |stack/)
    }
    finally {
      logs.stop()
    }
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
  it('compresses a page of data for a browser that accepts it, and only then', async () => {
    const c = await app.as('benoit')
    const query = JSON.stringify({ query: '{ reimbursements(first: 20) { nodes { id careDate careType expenseCents reimbursedCents beneficiary { firstName } } } }' })
    const raw = (acceptEncoding: string) => rawPost(`${app.url}/graphql`, query, { 'content-type': 'application/json', 'cookie': c.cookie!, 'accept-encoding': acceptEncoding })
    const plain = await raw('identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    const rows = (JSON.parse(plain.body.toString()) as { data: { reimbursements: { nodes: unknown[] } } }).data.reimbursements.nodes
    expect(rows).toHaveLength(20)
    const br = await raw('gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('Accept-Encoding')
    expect(br.body.length).toBeLessThan(plain.body.length / 2)
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString())
    const gz = await raw('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(plain.body.toString())
  })

  it('answers the same whether a request takes the plain path or Express\'s (a gzip-compressed body)', async () => {
    const signIn = JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role errors { code } } }', variables: { e: 'benoit@example.org', p: 'demo-benoit-2026' } })
    const plain = await rawPost(`${app.url}/graphql`, signIn, { 'content-type': 'application/json', 'user-agent': 'test' })
    const zipped = await rawPost(`${app.url}/graphql`, gzipSync(signIn), { 'content-type': 'application/json', 'content-encoding': 'gzip', 'user-agent': 'test' })
    expect(zipped.body.toString()).toBe(plain.body.toString())
    expect(JSON.parse(plain.body.toString()).data.signIn.role).toBe('MEMBER')
    for (const name of ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy'])
      expect([name, plain.headers[name]]).toEqual([name, zipped.headers[name]])
    // the same cookies, attribute for attribute: only the session id and the instants differ
    const attributes = (cookies: string[] | undefined) => cookies?.map(c => c.replace(/=[^;]*/, '=…').replace(/Expires=[^;]*/, 'Expires=…')).sort()
    expect(attributes(plain.headers['set-cookie'])).toEqual(attributes(zipped.headers['set-cookie']))
    expect(attributes(plain.headers['set-cookie'])).toEqual(['device=…; Max-Age=31536000; Path=/; Expires=…; HttpOnly; SameSite=Lax', 'sid=…; Max-Age=28800; Path=/; Expires=…; HttpOnly; SameSite=Lax'])

    const sid = plain.headers['set-cookie']!.find(c => c.startsWith('sid='))!.split(';')[0]!
    const signOut = JSON.stringify({ query: 'mutation { signOut }' })
    const out = await rawPost(`${app.url}/graphql`, signOut, { 'content-type': 'application/json', 'cookie': sid })
    expect(out.headers['set-cookie']).toEqual(['sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'])
  })
})

/** A POST over raw HTTP: fetch would decompress and hide what came over the wire. */
function rawPost(url: string, body: string | Buffer, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders, body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }))
    })
    req.on('error', reject)
    req.end(body)
  })
}
