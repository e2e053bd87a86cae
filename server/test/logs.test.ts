import type { TestApp } from './harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLogs, scrubLogText } from '../core/logger.ts'
import { DEMO_ACCOUNTS, DEMO_PARTNER_TOKEN } from '../db/demo/index.ts'
import { bankAccountsTable, beneficiariesTable, membersTable } from '../db/schema/index.ts'
import { startTestApp } from './harness.ts'

/**
 * The server's logs leave the box: they must hold no password, session or partner token, whole
 * IBAN nor NIR, whatever happens. Real requests (sign-ins right and wrong, answers built from bank
 * accounts, partner calls, malformed requests, internal errors whose message carries an IBAN and a
 * NIR) run while every log line is captured, at debug level, then grepped for the demo's secrets.
 */
describe('structured logs', () => {
  let app: TestApp
  let capture: ReturnType<typeof captureLogs>
  const sessionTokens: string[] = []

  beforeAll(async () => {
    capture = captureLogs('debug')
    app = await startTestApp()
  })
  afterAll(async () => {
    capture.stop()
    await app.close()
  })

  it('log every request as JSON, and never a password, token, whole IBAN or NIR', async () => {
    const ibans = app.db.select({ iban: bankAccountsTable.iban }).from(bankAccountsTable).all().map(a => a.iban)
    const nirs = [
      ...app.db.select({ nir: membersTable.nir }).from(membersTable).all().map(m => m.nir),
      ...app.db.select({ nir: beneficiariesTable.nir }).from(beneficiariesTable).all().map(b => b.nir),
    ].filter((n): n is string => !!n)
    expect(ibans.length).toBeGreaterThan(2)
    expect(nirs.length).toBeGreaterThan(4)

    // sign-ins, right and wrong, through the GraphQL API
    for (const who of ['benoit', 'camille', 'advisor'] as const) {
      const client = await app.as(who)
      sessionTokens.push(client.cookie!.split('=')[1]!)
      await client.gql(`{ viewer { __typename } }`)
    }
    const wrong = app.client()
    await wrong.gql(`mutation { signIn(email: "${DEMO_ACCOUNTS.benoit.email}", password: "not-${DEMO_ACCOUNTS.benoit.password}") { errors { code } } }`)

    // answers built from bank accounts and identities (masked in the API, whole in the database)
    const benoit = await app.as('benoit')
    sessionTokens.push(benoit.cookie!.split('=')[1]!)
    const paid = await benoit.gql(`{ reimbursements(first: 20) { nodes { id bankAccount { holderName ibanMasked } } } me { firstName } beneficiaries { firstName } }`)
    expect(paid.data.reimbursements.nodes.some((r: { bankAccount: unknown }) => r.bankAccount)).toBe(true)
    await benoit.get('/api/insurance-card.pdf')

    // a partner with its token, and one with a wrong token
    await app.client(DEMO_PARTNER_TOKEN).gql(`{ coverageCheck(cardNumber: "x", birthDate: "1980-01-01", careType: PHARMACY, date: "2026-11-20") { covered } }`)
    await app.client(`${DEMO_PARTNER_TOKEN}x`).gql(`{ viewer { __typename } }`)

    // malformed requests
    await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'cookie': benoit.cookie! }, body: `{"query": "{ me { firstName } }", "password": "${DEMO_ACCOUNTS.camille.password}"` })
    await benoit.gql(`{ nothing }`)

    // an internal error whose message carries a whole IBAN and a NIR, as a careless one might
    app.db.$client.exec(`CREATE TRIGGER careless BEFORE INSERT ON procedure_events BEGIN SELECT RAISE(ABORT, 'refused for ${ibans[0]} / ${nirs[0]}'); END`)
    const sarah = app.db.select().from(beneficiariesTable).all().find(b => b.firstName === 'Sarah')!
    const file = new FormData()
    file.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))]), 'facture.pdf')
    const uploaded = await (await benoit.get('/api/uploads', { method: 'POST', body: file, headers: { 'X-Requested-With': 'espace-adherent' } })).json() as { id: string }
    const failed = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { code } } }`, {
      input: { beneficiaryId: sarah.id, careType: 'PHARMACY', careDate: '2026-11-20', abroad: false, amountCents: 1200, attachmentIds: [uploaded.id] },
    })
    expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL')
    app.db.$client.exec('DROP TRIGGER careless')
    await benoit.gql(`mutation { signOut }`)

    const text = capture.lines.join('')
    const lines = capture.lines.map(line => JSON.parse(line) as Record<string, unknown>)
    // the capture saw the traffic: one line per request, and the internal error with its correlation id
    expect(lines.filter(l => l.msg === 'request').length).toBeGreaterThan(10)
    expect(lines.find(l => l.msg === 'request' && l.path === '/graphql' && l.status === 200)).toMatchObject({ level: 'info', method: 'POST', role: expect.any(String), ms: expect.any(Number) })
    expect(lines.find(l => l.msg === 'unexpected GraphQL error')).toMatchObject({ level: 'error', correlationId: (failed.errors![0]!.extensions as { correlationId: string }).correlationId })
    expect(text).toContain('[IBAN]')
    expect(text).toContain('[NIR]')
    expect(text).toContain('[REDACTED]')

    const spaced = (iban: string) => iban.replace(/(.{4})(?!$)/g, '$1 ')
    const forbidden = [
      ...Object.values(DEMO_ACCOUNTS).map(a => a.password),
      DEMO_PARTNER_TOKEN,
      ...sessionTokens,
      ...ibans, ...ibans.map(spaced),
      ...nirs,
    ]
    expect(sessionTokens).toHaveLength(4)
    expect(forbidden.filter(secret => text.includes(secret))).toEqual([])
  })

  it('scrub IBANs, NIRs and tokens from free text, spaced or not', () => {
    expect(scrubLogText('FR76 3000 4008 2200 0105 4321 923 et FR7630004008220001054321923')).toBe('[IBAN] et [IBAN]')
    expect(scrubLogText('NIR 1 84 03 33 063 127 45 ou 184033306312745 ou 2 90 05 2A 001 004 18')).toBe('NIR [NIR] ou [NIR] ou [NIR]')
    expect(scrubLogText('{"password":"hunter2"} password=hunter2&x')).toBe('{"password":"[REDACTED]"} password=[REDACTED]&x')
  })
})
