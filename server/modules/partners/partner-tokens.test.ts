import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../app.ts'
import { projectRoot } from '../../core/paths.ts'
import { openDatabase } from '../../db/client.ts'
import { auditEventsTable, partnerTokensTable, partnerTokenUsageTable } from '../../db/schema/index.ts'
import { ApiClient, testClock } from '../../test/harness.ts'

const TSX = join(projectRoot, 'node_modules/.bin/tsx')
const CHECK = `{ coverageCheck(cardNumber: "202897774", birthDate: "1980-01-01", careType: PHARMACY, date: "2026-11-26") { covered reason } }`
const USAGE = `{ partnerUsage { name scopes expiresAt from to totalCalls days { day calls } } }`

/** `npm run partner -- …`, as an operator types it, on the test's data directory and day. */
function partnerCli(dataDir: string, ...args: string[]): Promise<{ out: string, err: string, code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['server/scripts/partner.ts', ...args], { cwd: projectRoot, env: { ...process.env, DATA_DIR: dataDir, TODAY: '2026-11-26', LOG_LEVEL: 'silent' } })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ out, err, code }))
  })
}

describe('partner tokens: npm run partner, usage and refusals', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'espace-adherent-partner-'))
  const clock = testClock()
  const db = openDatabase(dataDir)
  let server: Server
  let url: string
  beforeAll(async () => {
    const app = await createApp({ db, clock, config: { dataDir, secureCookies: false, exposeGraphiql: false } })
    server = app.listen(0, '127.0.0.1')
    await new Promise<void>(r => server.once('listening', () => r()))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise(r => server.close(r))
    db.$client.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  let optique: { id: string, token: string }

  it('creates a token, prints it once and keeps only its hash', async () => {
    const r = await partnerCli(dataDir, 'create', '--name', 'Optique du Centre', '--scope', 'coverage:read', '--scope', 'pec:write', '--expires', '2027-12-31')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const token = r.out.match(/^(ptk_[\w-]{43})$/m)?.[1]
    const id = r.out.match(/identifiant ([\w-]+)/)?.[1]
    expect(token).toBeDefined()
    optique = { id: id!, token: token! }
    const row = db.select().from(partnerTokensTable).where(eq(partnerTokensTable.id, id!)).get()!
    expect(row).toMatchObject({ name: 'Optique du Centre', scopes: ['coverage:read', 'pec:write'] })
    expect(JSON.stringify(row)).not.toContain(token!.slice(4))
    // valid through the whole last day, in French time
    expect(row.expiresAt).toBe('2027-12-31T23:00:00.000Z')
    expect((await partnerCli(dataDir, 'list')).out).not.toContain(token!)
  }, 60_000)

  it('refuses a token without a name, without a scope, with an unknown scope or a past expiry, creating nothing', async () => {
    const before = db.select().from(partnerTokensTable).all().length
    const noScope = await partnerCli(dataDir, 'create', '--name', 'Dentiste', '--expires', '2026-11-25')
    expect(noScope.code).toBe(1)
    expect(noScope.err).toContain('au moins une portée')
    expect(noScope.err).toContain('La date d\'expiration est passée.')
    const unknown = await partnerCli(dataDir, 'create', '--name', 'Dentiste', '--scope', 'members:read')
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('Portée inconnue\u00a0: «\u00a0members:read\u00a0»')
    expect((await partnerCli(dataDir, 'create', '--scope', 'pec:write')).code).toBe(2)
    expect(db.select().from(partnerTokensTable).all().length).toBe(before)
  }, 60_000)

  it('counts the calls per day, which the partner reads in partnerUsage and the operator as the last use', async () => {
    const partner = new ApiClient(url, optique.token)
    expect((await partner.gql(CHECK)).data.coverageCheck).toEqual({ covered: false, reason: 'NOT_FOUND' })
    await partner.gql(CHECK)
    const usage = await partner.gql(USAGE)
    expect(usage.errors).toBeUndefined()
    // the usage query counts too: three calls today
    expect(usage.data.partnerUsage).toEqual({ name: 'Optique du Centre', scopes: ['coverage:read', 'pec:write'], expiresAt: '2027-12-31T23:00:00.000Z', from: '2026-10-28', to: '2026-11-26', totalCalls: 3, days: [{ day: '2026-11-26', calls: 3 }] })
    expect(db.select().from(partnerTokenUsageTable).all()).toEqual([{ tokenId: optique.id, day: '2026-11-26', calls: 3, lastCallAt: clock.now().toISOString() }])
    const list = await partnerCli(dataDir, 'list')
    expect(list.out).toContain('Optique du Centre  (actif)')
    expect(list.out).toContain('portées\u00a0: coverage:read, pec:write')
    expect(list.out).toContain(`dernière utilisation\u00a0: ${clock.now().toISOString()}`)
    expect(list.out).toContain('expiration\u00a0: 2027-12-31T23:00:00.000Z')
  }, 60_000)

  it('refuses a usage period longer than 92 days or upside down', async () => {
    const partner = new ApiClient(url, optique.token)
    expect((await partner.gql(`{ partnerUsage(from: "2026-01-01", to: "2026-11-26") { totalCalls } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect((await partner.gql(`{ partnerUsage(from: "2026-11-26", to: "2026-11-01") { totalCalls } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('refuses a forged token, an expired one and a revoked one, each with its reason, and counts none of them', async () => {
    const forged = await new ApiClient(url, 'ptk_not_a_real_token_000000000000000000').gql(CHECK)
    expect(forged.status).toBe(401)
    expect(forged.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' })

    const shortLived = await partnerCli(dataDir, 'create', '--name', 'Audition Plus', '--scope', 'coverage:read', '--expires', '2026-11-26')
    const token = shortLived.out.match(/^(ptk_[\w-]+)$/m)![1]!
    expect((await new ApiClient(url, token).gql(CHECK)).status).toBe(200)
    const saved = clock.now().getTime()
    clock.advance(Date.parse('2026-11-26T23:00:00.000Z') - saved)
    try {
      const expired = await new ApiClient(url, token).gql(CHECK)
      expect(expired.status).toBe(401)
      expect(expired.errors?.[0]).toMatchObject({ message: expect.stringContaining('a expiré'), extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' } })
    }
    finally {
      clock.advance(saved - clock.now().getTime())
    }

    const callsBefore = db.select().from(partnerTokenUsageTable).where(eq(partnerTokenUsageTable.tokenId, optique.id)).get()!.calls
    const revoke = await partnerCli(dataDir, 'revoke', optique.id)
    expect(revoke.code).toBe(0)
    expect(revoke.out).toContain('Jeton «\u00a0Optique du Centre\u00a0» révoqué')
    const revoked = await new ApiClient(url, optique.token).gql(CHECK)
    expect(revoked.status).toBe(401)
    expect(revoked.errors?.[0]).toMatchObject({ message: expect.stringContaining('révoqué'), extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' } })
    expect(db.select().from(partnerTokenUsageTable).where(eq(partnerTokenUsageTable.tokenId, optique.id)).get()!.calls).toBe(callsBefore)
    expect((await partnerCli(dataDir, 'list')).out).toMatch(/Optique du Centre {2}\(révoqué le /)
    const again = await partnerCli(dataDir, 'revoke', optique.id)
    expect(again.code).toBe(1)
    expect(again.err).toContain('déjà révoqué')
    expect((await partnerCli(dataDir, 'revoke', 'nope')).err).toContain('Aucun jeton')
    const audited = db.select({ action: auditEventsTable.action }).from(auditEventsTable).all().map(a => a.action)
    expect(audited.filter(a => a === 'PARTNER_TOKEN_CREATED')).toHaveLength(2)
    expect(audited).toContain('PARTNER_TOKEN_REVOKED')
  }, 60_000)

  // members, advisors and other partners' views: server/test/access-matrix.test.ts
  it('answers partnerUsage to no one without a token', async () => {
    const anonymous = await new ApiClient(url).gql(USAGE)
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})
