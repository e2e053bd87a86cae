import type { TestApp } from '../../test/harness.ts'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { accountsTable, auditEventsTable, passwordResetRequestsTable } from '../../db/schema/index.ts'
import { readOutbox } from '../mail/mail.service.ts'
import { startTestApp, testClock } from '../../test/harness.ts'
import { RESET_PATH } from './password.service.ts'

const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { signedOutCount errors { field code message } } }`
const REQUEST = `mutation($e: String!) { requestPasswordReset(email: $e) { linkValidMinutes errors { field code message } } }`
const RESET = `mutation($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) { signedOutCount errors { field code message } } }`
const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role errors { code } } }`
const ME = '{ me { firstName } }'
const { email, password } = DEMO_ACCOUNTS.benoit
const NEW_PASSWORD = 'cerisier velo rouge tambour'

let app: TestApp
const outbox = () => readOutbox(join(app.dataDir, 'outbox'))
async function signInWorks(who: string, pw: string): Promise<boolean> {
  return (await app.client().gql(SIGN_IN, { e: who, p: pw })).data.signIn.errors.length === 0
}
function benoitAccount() {
  return app.db.select().from(accountsTable).where(eq(accountsTable.email, email)).get()!
}
/** The reset link of the latest mail to `to`, once the mail is in the outbox (it is sent after the answer). */
async function resetTokenMailedTo(to: string, count = 1): Promise<string> {
  let token = ''
  await vi.waitFor(() => {
    const mails = outbox().filter(m => m.to === to && m.subject === 'Réinitialisation de votre mot de passe')
    expect(mails).toHaveLength(count)
    const link = /https?:\/\/\S+/.exec(mails.at(-1)!.text)![0]
    expect(new URL(link).pathname).toBe(RESET_PATH)
    token = new URL(link).searchParams.get('jeton')!
  })
  return token
}

describe('changePassword', () => {
  beforeEach(async () => { app = await startTestApp({ clock: testClock() }) })
  afterEach(() => app.close())

  it('sets the new password, refuses the old one, ends the other sessions and keeps this one', async () => {
    const here = await app.as('benoit')
    const elsewhere = await app.as('benoit')
    const before = benoitAccount().passwordChangedAt
    app.clock.advance(60_000)
    const r = await here.gql(CHANGE, { c: password, n: NEW_PASSWORD })
    expect(r.data.changePassword).toEqual({ signedOutCount: 1, errors: [] })

    expect((await here.gql(ME)).data.me).toEqual({ firstName: 'Benoit' })
    expect((await elsewhere.gql(ME)).data.me).toBeNull()
    expect(await signInWorks(email, password)).toBe(false)
    expect(await signInWorks(email, NEW_PASSWORD)).toBe(true)
    expect(benoitAccount().passwordChangedAt).not.toBe(before)
    expect(benoitAccount().passwordChangedAt).toBe(app.clock.now().toISOString())

    const audit = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PASSWORD_CHANGED')).all()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD)
    const mail = outbox().find(m => m.subject === 'Votre mot de passe a été modifié')
    expect(mail?.to).toBe(email)
    expect(mail?.text).toContain('Vos autres appareils ont été déconnectés')
  })

  it('refuses a wrong current password and a weak, short or personal new one, and changes nothing', async () => {
    const c = await app.as('benoit')
    const cases: [string, string, string, string][] = [
      ['pas-le-bon-mot-de-passe', NEW_PASSWORD, 'currentPassword', 'WRONG_PASSWORD'],
      [password, 'court-42', 'newPassword', 'PASSWORD_TOO_SHORT'],
      [password, 'azertyuiop12', 'newPassword', 'PASSWORD_WEAK'],
      [password, 'BenoitGarnier2026', 'newPassword', 'PASSWORD_PERSONAL'],
      [password, password, 'newPassword', 'PASSWORD_UNCHANGED'],
    ]
    for (const [current, next, field, code] of cases) {
      const r = await c.gql(CHANGE, { c: current, n: next })
      expect(r.data.changePassword.errors.map((e: { field: string, code: string }) => `${e.field}:${e.code}`)).toEqual([`${field}:${code}`])
      expect(r.data.changePassword.errors[0].message).toMatch(/[a-zé]/)
    }
    expect(await signInWorks(email, password)).toBe(true)
    expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PASSWORD_CHANGED')).all()).toEqual([])
    expect(outbox()).toEqual([])
  })

  it('stops answering re-authentications after five wrong passwords in a quarter of an hour', async () => {
    const c = await app.as('benoit')
    for (let i = 0; i < 5; i++)
      expect((await c.gql(CHANGE, { c: `faux-${i}-mot-de-passe`, n: NEW_PASSWORD })).data.changePassword.errors[0].code).toBe('WRONG_PASSWORD')
    const locked = await c.gql(CHANGE, { c: password, n: NEW_PASSWORD })
    expect(locked.data.changePassword.errors[0].code).toBe('TEMPORARILY_LOCKED')
    expect(await signInWorks(email, password)).toBe(true)
  })

  it('is for signed-in members only', async () => {
    const r = await app.client().gql(CHANGE, { c: password, n: NEW_PASSWORD })
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('« Mot de passe oublié ? »', () => {
  beforeEach(async () => { app = await startTestApp({ clock: testClock() }) })
  afterEach(() => app.close())

  it('answers the same for a member\'s address and an unknown one, and mails only the member', async () => {
    const known = await app.client().gql(REQUEST, { e: ` ${email.toUpperCase()} ` })
    const unknown = await app.client().gql(REQUEST, { e: 'personne@example.org' })
    expect(known.data).toEqual(unknown.data)
    expect(known.data.requestPasswordReset).toEqual({ linkValidMinutes: 30, errors: [] })
    await resetTokenMailedTo(email)
    expect(outbox().map(m => m.to)).toEqual([email])
    const stored = app.db.select().from(passwordResetRequestsTable).all()
    expect(stored).toHaveLength(2)
    // only the token's hash is kept, and nothing of the unknown address
    expect(JSON.stringify(stored)).not.toContain('personne@example.org')
  })

  it('sets a new password through the link once, and ends every session', async () => {
    const signedIn = await app.as('benoit')
    await app.client().gql(REQUEST, { e: email })
    const token = await resetTokenMailedTo(email)
    expect(app.db.select().from(passwordResetRequestsTable).all().some(r => r.tokenHash === token)).toBe(false)

    const r = await app.client().gql(RESET, { t: token, n: NEW_PASSWORD })
    expect(r.data.resetPassword).toEqual({ signedOutCount: 1, errors: [] })
    expect((await signedIn.gql(ME)).data.me).toBeNull()
    expect(await signInWorks(email, password)).toBe(false)
    expect(await signInWorks(email, NEW_PASSWORD)).toBe(true)
    const audit = app.db.select().from(auditEventsTable).where(and(eq(auditEventsTable.action, 'PASSWORD_CHANGED'), eq(auditEventsTable.actorAccountId, benoitAccount().id))).all()
    expect(audit.map(a => a.details)).toEqual([{ method: 'RESET_LINK', sessionsEnded: 1 }])
    expect(outbox().at(-1)).toMatchObject({ to: email, subject: 'Votre mot de passe a été modifié' })

    const again = await app.client().gql(RESET, { t: token, n: 'une autre phrase de passe solide' })
    expect(again.data.resetPassword.errors).toEqual([{ field: 'token', code: 'LINK_USED', message: 'Ce lien a déjà servi ou a été remplacé par un plus récent. Demandez-en un nouveau.' }])
    expect(await signInWorks(email, NEW_PASSWORD)).toBe(true)
  })

  it('refuses a link after 30 minutes, an unknown one, and one replaced by a newer link', async () => {
    await app.client().gql(REQUEST, { e: email })
    const first = await resetTokenMailedTo(email)
    app.clock.advance(10 * 60_000)
    await app.client().gql(REQUEST, { e: email })
    const second = await resetTokenMailedTo(email, 2)

    expect((await app.client().gql(RESET, { t: first, n: NEW_PASSWORD })).data.resetPassword.errors[0].code).toBe('LINK_USED')
    expect((await app.client().gql(RESET, { t: 'jeton-invente', n: NEW_PASSWORD })).data.resetPassword.errors[0].code).toBe('LINK_INVALID')
    app.clock.advance(30 * 60_000 + 1000)
    const late = await app.client().gql(RESET, { t: second, n: NEW_PASSWORD })
    expect(late.data.resetPassword.errors).toEqual([{ field: 'token', code: 'LINK_EXPIRED', message: 'Ce lien a expiré\u00a0: il n\'est valable que 30 minutes. Demandez-en un nouveau.' }])
    expect(await signInWorks(email, password)).toBe(true)
  })

  it('keeps the link usable after a weak new password is refused', async () => {
    await app.client().gql(REQUEST, { e: email })
    const token = await resetTokenMailedTo(email)
    const weak = await app.client().gql(RESET, { t: token, n: 'motdepasse123' })
    expect(weak.data.resetPassword.errors.map((e: { code: string }) => e.code)).toEqual(['PASSWORD_WEAK'])
    expect(await signInWorks(email, password)).toBe(true)
    expect((await app.client().gql(RESET, { t: token, n: NEW_PASSWORD })).data.resetPassword.errors).toEqual([])
  })

  it('throttles per address, known or not, and per IP address, then lets requests through an hour later', async () => {
    for (const who of [email, 'personne@example.org']) {
      for (let i = 0; i < 3; i++)
        expect((await app.client().gql(REQUEST, { e: who })).data.requestPasswordReset.errors).toEqual([])
      expect((await app.client().gql(REQUEST, { e: who })).data.requestPasswordReset.errors[0].code).toBe('TEMPORARILY_LOCKED')
    }
    // six requests from this IP so far: four more addresses reach its limit of ten
    for (let i = 0; i < 4; i++)
      expect((await app.client().gql(REQUEST, { e: `inconnu${i}@example.org` })).data.requestPasswordReset.errors).toEqual([])
    expect((await app.client().gql(REQUEST, { e: 'encore@example.org' })).data.requestPasswordReset.errors[0].code).toBe('TEMPORARILY_LOCKED')
    await resetTokenMailedTo(email, 3)
    app.clock.advance(3600_000 + 1000)
    expect((await app.client().gql(REQUEST, { e: email })).data.requestPasswordReset.errors).toEqual([])
  })

  it('points at a malformed address', async () => {
    const r = await app.client().gql(REQUEST, { e: 'benoit' })
    expect(r.data.requestPasswordReset.errors).toEqual([{ field: 'email', code: 'INVALID_EMAIL', message: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.' }])
  })
})
