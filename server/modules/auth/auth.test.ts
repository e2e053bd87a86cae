import type { TestApp } from '../../test/harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountsTable, auditEventsTable, sessionsTable } from '../../db/schema/index.ts'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { startTestApp, testClock } from '../../test/harness.ts'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from './session.service.ts'

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role member { firstName } errors { field code message } } }`
const ME = `{ me { firstName lastName memberNumber } viewer { role displayName } }`
const { email, password } = DEMO_ACCOUNTS.benoit

describe('sign-in and sessions', () => {
  let app: TestApp
  const clock = testClock()
  beforeAll(async () => { app = await startTestApp({ clock }) })
  afterAll(() => app.close())

  it('opens an HttpOnly, SameSite=Lax session for the right password and shows Benoit', async () => {
    const c = app.client()
    const r = await c.gql(SIGN_IN, { e: email, p: password })
    expect(r.data.signIn).toEqual({ role: 'MEMBER', member: { firstName: 'Benoit' }, errors: [] })
    expect(r.setCookie).toMatch(/HttpOnly/i)
    expect(r.setCookie).toMatch(/SameSite=Lax/i)
    expect(r.setCookie).toMatch(/Path=\//)
    const me = await c.gql(ME)
    expect(me.data.me).toMatchObject({ firstName: 'Benoit', memberNumber: '202897774' })
    expect(me.data.viewer.role).toBe('MEMBER')
  })

  it('accepts the e-mail whatever its case and surrounding spaces', async () => {
    const r = await app.client().gql(SIGN_IN, { e: `  ${email.toUpperCase()} `, p: password })
    expect(r.data.signIn.errors).toEqual([])
  })

  it('refuses a wrong password with a French error and opens no session', async () => {
    const c = app.client()
    const r = await c.gql(SIGN_IN, { e: email, p: 'not-the-password' })
    expect(r.data.signIn.role).toBeNull()
    expect(r.data.signIn.errors).toEqual([{ field: null, code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' }])
    expect(r.setCookie).toBeNull()
    expect((await c.gql(ME)).data.me).toBeNull()
  })

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const r = await app.client().gql(SIGN_IN, { e: 'nobody@example.org', p: 'whatever-1234' })
    expect(r.data.signIn.errors).toEqual([{ field: null, code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' }])
  })

  it('points at the fields left empty or malformed', async () => {
    const r = await app.client().gql(SIGN_IN, { e: 'benoit', p: '' })
    expect(r.data.signIn.errors.map((e: { field: string }) => e.field)).toEqual(['email', 'password'])
    expect(r.data.signIn.errors[0].message).toMatch(/adresse e-mail valide/)
  })

  it('issues a new session id at each sign-in and keeps only its hash', async () => {
    const a = app.client()
    const b = app.client()
    await a.signIn(email, password)
    await b.signIn(email, password)
    expect(a.cookie).not.toEqual(b.cookie)
    const token = decodeURIComponent(a.cookie!.split('=')[1]!)
    const stored = app.db.select().from(sessionsTable).all()
    expect(stored.some(s => s.tokenHash === token)).toBe(false)
  })

  it('ends the session on sign-out: the old cookie no longer works', async () => {
    const c = await app.as('benoit')
    const oldCookie = c.cookie
    const r = await c.gql('mutation { signOut }')
    expect(r.data.signOut).toBe(true)
    const replay = app.client()
    replay.cookie = oldCookie
    expect((await replay.gql(ME)).data.me).toBeNull()
    const denied = await replay.gql('{ contracts { id } }')
    expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('expires a session left idle for 15 minutes', async () => {
    const c = await app.as('benoit')
    clock.advance(IDLE_TIMEOUT_MS - 60_000)
    expect((await c.gql(ME)).data.me).not.toBeNull()
    clock.advance(IDLE_TIMEOUT_MS + 1000)
    expect((await c.gql(ME)).data.me).toBeNull()
  })

  it('ends even an active session after 8 hours', async () => {
    const c = await app.as('benoit')
    for (let elapsed = 0; elapsed < ABSOLUTE_TIMEOUT_MS - 10 * 60_000; elapsed += 10 * 60_000) {
      clock.advance(10 * 60_000)
      expect((await c.gql(ME)).data.me).not.toBeNull()
    }
    clock.advance(10 * 60_000)
    expect((await c.gql(ME)).data.me).toBeNull()
  })

  it('signs the advisor in with the ADVISOR role and no member', async () => {
    const c = app.client()
    const r = await c.gql(SIGN_IN, { e: DEMO_ACCOUNTS.advisor.email, p: DEMO_ACCOUNTS.advisor.password })
    expect(r.data.signIn).toMatchObject({ role: 'ADVISOR', member: null, errors: [] })
    const me = await c.gql(ME)
    expect(me.data.me).toBeNull()
    expect(me.data.viewer.role).toBe('ADVISOR')
  })

  it('slows an account down after repeated failures, even for the right password, briefly, and audits it', async () => {
    const c = app.client()
    const who = DEMO_ACCOUNTS.camille
    for (let i = 0; i < 6; i++)
      await c.gql(SIGN_IN, { e: who.email, p: `wrong-${i}` })
    const locked = await c.gql(SIGN_IN, { e: who.email, p: who.password })
    expect(locked.data.signIn.errors[0].code).toBe('TEMPORARILY_LOCKED')
    const account = app.db.select().from(accountsTable).where(eq(accountsTable.email, who.email)).get()!
    const failures = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.actorAccountId, account.id)).all().filter(e => e.outcome === 'FAILURE')
    expect(failures.map(e => e.details?.reason)).toEqual(Array.from({ length: 5 }, () => 'WRONG_PASSWORD'))
    clock.advance(1000)
    expect((await c.gql(SIGN_IN, { e: who.email, p: who.password })).data.signIn.errors).toEqual([])
  })

  it('ends the session the browser presented when it signs in again, as the same member or another', async () => {
    const c = await app.as('benoit')
    const first = c.cookie
    await c.signIn(email, password)
    const second = c.cookie
    await c.signIn(DEMO_ACCOUNTS.camille.email, DEMO_ACCOUNTS.camille.password)
    expect((await c.gql(ME)).data.me.firstName).toBe('Camille')
    for (const old of [first, second]) {
      const replay = app.client()
      replay.cookie = old
      expect((await replay.gql(ME)).data.me).toBeNull()
    }
  })

  it('stores passwords as argon2id with at least OWASP\'s parameters', () => {
    const hashes = app.db.select({ h: accountsTable.passwordHash }).from(accountsTable).all()
    for (const { h } of hashes) {
      const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(h)
      expect(m).not.toBeNull()
      expect(Number(m![1])).toBeGreaterThanOrEqual(19456)
      expect(Number(m![2])).toBeGreaterThanOrEqual(2)
    }
  })

  it('keeps the audit trail append-only', () => {
    expect(() => app.db.update(auditEventsTable).set({ action: 'X' }).run()).toThrow(/append-only/)
    expect(() => app.db.delete(auditEventsTable).run()).toThrow(/append-only/)
  })
})
