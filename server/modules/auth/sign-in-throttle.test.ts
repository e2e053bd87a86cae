import type { ApiClient, TestApp } from '../../test/harness.ts'
import argon2 from 'argon2'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { accountsTable, auditEventsTable } from '../../db/schema/index.ts'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { startTestApp, testClock } from '../../test/harness.ts'
import { AUDIT_WINDOW_MS, AUDITED_FAILURES, delayMs, EMAIL_RULE, IP_RULE } from './sign-in-throttle.service.ts'

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role errors { field code message } } }`
const THROTTLED = [{ field: null, code: 'TEMPORARILY_LOCKED', message: expect.stringContaining('Trop de tentatives') }]

let address = 0
/** A browser on an address of its own, so only the rule under test applies. */
function browser(app: TestApp, ip = `198.51.100.${++address % 250}`): ApiClient {
  const c = app.client()
  c.headers['x-forwarded-for'] = ip
  return c
}

async function attempt(c: ApiClient, e: string, p: string): Promise<string> {
  const r = await c.gql(SIGN_IN, { e, p })
  return r.data.signIn.errors[0]?.code ?? 'SIGNED_IN'
}

const codes = (answers: string[]) => Object.fromEntries([...new Set(answers)].map(a => [a, answers.filter(x => x === a).length]))

describe('sign-in throttling', () => {
  let app: TestApp
  const clock = testClock()
  beforeAll(async () => { app = await startTestApp({ clock }) })
  afterAll(() => app.close())
  // a day later every counter is forgotten: each test starts from a clean slate
  beforeEach(() => clock.advance(EMAIL_RULE.forgetMs))

  const failureEvents = (email: string) => {
    const account = app.db.select().from(accountsTable).where(eq(accountsTable.email, email)).get()!
    return app.db.select().from(auditEventsTable).where(and(eq(auditEventsTable.actorAccountId, account.id), eq(auditEventsTable.outcome, 'FAILURE'))).all()
  }

  it('counts 40 parallel attempts before checking any: 5 are checked, and the right password hidden last among them does not get in', async () => {
    const { email, password } = DEMO_ACCOUNTS.camille
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(browser(app), email, i === 39 ? password : `wrong-${i}`)))
    expect(codes(answers)).toEqual({ INVALID_CREDENTIALS: EMAIL_RULE.free, TEMPORARILY_LOCKED: 40 - EMAIL_RULE.free })
    expect(answers[39]).toBe('TEMPORARILY_LOCKED')
  })

  it('slows down one address trying 40 different e-mails: 20 are checked, the rest wait', async () => {
    const ip = '203.0.113.7'
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(browser(app, ip), `inconnu-${i}@example.org`, 'Devine-1234')))
    expect(codes(answers)).toEqual({ INVALID_CREDENTIALS: IP_RULE.free, TEMPORARILY_LOCKED: 40 - IP_RULE.free })
    // the same address keeps waiting even for a real account; another address does not
    expect(await attempt(browser(app, ip), DEMO_ACCOUNTS.benoit.email, DEMO_ACCOUNTS.benoit.password)).toBe('TEMPORARILY_LOCKED')
    expect(await attempt(browser(app), DEMO_ACCOUNTS.benoit.email, DEMO_ACCOUNTS.benoit.password)).toBe('SIGNED_IN')
  })

  it('answers a known and an unknown e-mail alike, throttled or not, after the same work (one argon2 check each, none when throttled)', async () => {
    const known = DEMO_ACCOUNTS.benoit.email
    const unknown = 'personne@example.org'
    // the work each answer cost, counted rather than timed: timings on a shared machine are noise
    const verify = vi.spyOn(argon2, 'verify')
    const answer = async (e: string) => {
      verify.mockClear()
      const r = await browser(app).gql(SIGN_IN, { e, p: 'pas-le-bon-1234' })
      return { errors: r.data.signIn.errors, checks: verify.mock.calls.length }
    }
    try {
      for (let i = 0; i < EMAIL_RULE.free; i++) {
        const [k, u] = [await answer(known), await answer(unknown)]
        expect(k).toEqual({ errors: [{ field: null, code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' }], checks: 1 })
        expect(u).toEqual(k)
      }
      for (let i = 0; i < 5; i++) {
        const [k, u] = [await answer(known), await answer(unknown)]
        expect(k).toEqual({ errors: THROTTLED, checks: 0 })
        expect(u).toEqual(k)
      }
    }
    finally {
      verify.mockRestore()
    }
  })

  it('lets the owner in from a browser that signed in before, however hard strangers hammer the e-mail', async () => {
    const { email, password } = DEMO_ACCOUNTS.benoit
    const owner = browser(app)
    await owner.signIn(email, password)
    expect(owner.deviceCookie).toMatch(/^device=/)
    await owner.gql('mutation { signOut }')
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(browser(app), email, `essai-${i}`)))
    expect(answers).toContain('TEMPORARILY_LOCKED')
    expect(await attempt(browser(app), email, password)).toBe('TEMPORARILY_LOCKED')
    expect(await attempt(owner, email, password)).toBe('SIGNED_IN')
  })

  it('never keeps anyone waiting longer than the ceiling: refused attempts do not lengthen the wait', async () => {
    const { email, password } = DEMO_ACCOUNTS.camille
    // 20 failures, each let through once its delay has passed, so the delay climbs to its ceiling
    for (let failures = 1; failures <= 20; failures++) {
      expect(await attempt(browser(app), email, `faux-${failures}`)).toBe('INVALID_CREDENTIALS')
      clock.advance(delayMs(EMAIL_RULE, failures))
    }
    expect(delayMs(EMAIL_RULE, 21)).toBe(EMAIL_RULE.maxDelayMs)
    await attempt(browser(app), email, 'encore-faux')
    for (let i = 0; i < 50; i++)
      expect(await attempt(browser(app), email, `martèlement-${i}`)).toBe('TEMPORARILY_LOCKED')
    clock.advance(EMAIL_RULE.maxDelayMs - 1000)
    expect(await attempt(browser(app), email, password)).toBe('TEMPORARILY_LOCKED')
    clock.advance(1000)
    expect(await attempt(browser(app), email, password)).toBe('SIGNED_IN')
  })

  it('records the first failures one by one, then one audit event per window however many attempts', async () => {
    const { email } = DEMO_ACCOUNTS.advisor
    const before = failureEvents(email).length
    // 300 attempts, one every 10 seconds for 50 minutes: checked when allowed, refused otherwise
    const answers: string[] = []
    for (let i = 0; i < 300; i++) {
      answers.push(await attempt(browser(app), email, `faux-${i}`))
      clock.advance(10_000)
    }
    expect(answers.filter(a => a === 'TEMPORARILY_LOCKED').length).toBeGreaterThan(250)
    const events = failureEvents(email).slice(before)
    expect(events.length).toBeLessThanOrEqual(AUDITED_FAILURES + Math.ceil(3_000_000 / AUDIT_WINDOW_MS) + 1)
    expect(events.slice(0, AUDITED_FAILURES).every(e => e.details?.reason === 'WRONG_PASSWORD' && e.details.attempts === 1)).toBe(true)
    // the window's event says how many attempts it stands for
    expect(events.at(-1)!.details!.attempts).toBeGreaterThan(1)
  })
})
