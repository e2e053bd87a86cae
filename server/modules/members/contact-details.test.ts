import type { TestApp } from '../../test/harness.ts'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { accountsTable, auditEventsTable, emailChangeRequestsTable, membersTable } from '../../db/schema/index.ts'
import { readOutbox } from '../mail/mail.service.ts'
import { startTestApp, testClock } from '../../test/harness.ts'
import { CONFIRM_EMAIL_PATH } from './contact-details.service.ts'

const UPDATE = `mutation($input: ContactDetailsInput!) { updateContactDetails(input: $input) {
  member { email phone phoneFormatted address { line1 line2 postalCode city country } }
  pendingEmailChange { email expiresAt }
  errors { field code message } } }`
const CONFIRM = `mutation($t: String!) { confirmEmailChange(token: $t) { email errors { field code message } } }`
const ME = '{ me { email phone phoneFormatted pendingEmailChange { email } address { postalCode city country } } }'
const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { errors { code } } }`
const { email, password } = DEMO_ACCOUNTS.benoit
const NEW_EMAIL = 'b.garnier@exemple.fr'

let app: TestApp
const outbox = () => readOutbox(join(app.dataDir, 'outbox'))
const fieldCodes = (r: any) => r.data.updateContactDetails.errors.map((e: { field: string, code: string }) => `${e.field}:${e.code}`)
const benoitRow = () => app.db.select().from(membersTable).where(eq(membersTable.email, email)).get()
const signInWorks = async (who: string) => (await app.client().gql(SIGN_IN, { e: who, p: password })).data.signIn.errors.length === 0
function confirmationToken(): string {
  const mail = outbox().find(m => m.to === NEW_EMAIL && m.subject === 'Confirmez votre nouvelle adresse e-mail')!
  const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0])
  expect(link.pathname).toBe(CONFIRM_EMAIL_PATH)
  return link.searchParams.get('jeton')!
}

beforeEach(async () => { app = await startTestApp({ clock: testClock() }) })
afterEach(() => app.close())

describe('updateContactDetails: phone and postal address', () => {
  it('stores a French number in E.164, audits the change and tells the member by e-mail', async () => {
    const c = await app.as('benoit')
    const r = await c.gql(UPDATE, { input: { currentPassword: password, phone: '07 11 22 33 44' } })
    expect(r.data.updateContactDetails.errors).toEqual([])
    expect(r.data.updateContactDetails.member).toMatchObject({ phone: '+33711223344', phoneFormatted: '07 11 22 33 44', email })
    expect((await c.gql(ME)).data.me.phone).toBe('+33711223344')

    const audit = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'CONTACT_DETAILS_CHANGED')).all()
    expect(audit.map(a => a.details)).toEqual([{ fields: ['PHONE'] }])
    const mails = outbox()
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ to: email, subject: 'Vos coordonnées ont été modifiées' })
    expect(mails[0]!.text).toContain('votre numéro de téléphone')
    // the notice says what changed, not the new number
    expect(mails[0]!.text).not.toContain('33 44')
  })

  it('accepts an international number and an address abroad', async () => {
    const c = await app.as('benoit')
    const r = await c.gql(UPDATE, { input: { currentPassword: password, phone: '+32 2 555 12 34', address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'Belgique' } } })
    expect(r.data.updateContactDetails.errors).toEqual([])
    expect(r.data.updateContactDetails.member).toMatchObject({ phone: '+3225551234', phoneFormatted: '+32 2 555 12 34', address: { line1: 'Rue de la Loi 16', line2: null, postalCode: '1000', city: 'Bruxelles', country: 'Belgique' } })
    expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'CONTACT_DETAILS_CHANGED')).get()?.details).toEqual({ fields: ['PHONE', 'ADDRESS'] })
  })

  it('refuses an invalid phone, postal code or commune, or a wrong password, with French errors, and changes nothing', async () => {
    const c = await app.as('benoit')
    const before = benoitRow()
    const address = { line1: '3 place de la Bourse', postalCode: '33000', city: 'Bordeaux', country: 'France' }
    const cases: [Record<string, unknown>, string[]][] = [
      [{ currentPassword: password, phone: '06 12' }, ['phone:INVALID_PHONE']],
      [{ currentPassword: password, address: { ...address, postalCode: '3300' } }, ['address.postalCode:INVALID_POSTAL_CODE']],
      [{ currentPassword: password, address: { ...address, city: '33000' } }, ['address.city:INVALID_CITY']],
      [{ currentPassword: password, phone: '0612', address: { ...address, postalCode: '' } }, ['phone:INVALID_PHONE', 'address.postalCode:REQUIRED']],
      [{ currentPassword: 'pas-le-bon', phone: '07 11 22 33 44', address }, ['currentPassword:WRONG_PASSWORD']],
      [{ currentPassword: '', phone: '07 11 22 33 44' }, ['currentPassword:REQUIRED']],
      [{ currentPassword: password, phone: '06 45 72 18 39' }, ['null:NOTHING_TO_CHANGE']],
    ]
    for (const [input, expected] of cases) {
      const r = await c.gql(UPDATE, { input })
      expect(fieldCodes(r)).toEqual(expected)
      expect(r.data.updateContactDetails.member).toBeNull()
    }
    const wrong = await c.gql(UPDATE, { input: { currentPassword: password, address: { ...address, postalCode: '3300' } } })
    expect(wrong.data.updateContactDetails.errors[0].message).toMatch(/^Saisissez un code postal français de 5 chiffres/)
    expect(benoitRow()).toEqual(before)
    expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'CONTACT_DETAILS_CHANGED')).all()).toEqual([])
    expect(outbox()).toEqual([])
  })

  it('is for signed-in members only', async () => {
    const r = await app.client().gql(UPDATE, { input: { currentPassword: password, phone: '07 11 22 33 44' } })
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('updateContactDetails: e-mail', () => {
  it('changes the address only when the link mailed to it is followed, and tells the old address', async () => {
    const c = await app.as('benoit')
    const r = await c.gql(UPDATE, { input: { currentPassword: password, email: ` ${NEW_EMAIL.toUpperCase()}` } })
    expect(r.data.updateContactDetails.errors).toEqual([])
    expect(r.data.updateContactDetails.member.email).toBe(email)
    expect(r.data.updateContactDetails.pendingEmailChange).toEqual({ email: NEW_EMAIL, expiresAt: new Date(app.clock.now().getTime() + 24 * 3600_000).toISOString() })
    expect((await c.gql(ME)).data.me).toMatchObject({ email, pendingEmailChange: { email: NEW_EMAIL } })
    expect(await signInWorks(NEW_EMAIL)).toBe(false)
    const warning = outbox().find(m => m.to === email)!
    expect(warning.subject).toBe('Demande de changement de votre adresse e-mail')
    expect(warning.text).toContain('b•••@exemple.fr')

    const token = confirmationToken()
    expect(JSON.stringify(app.db.select().from(emailChangeRequestsTable).all())).not.toContain(token)
    const confirmed = await app.client().gql(CONFIRM, { t: token })
    expect(confirmed.data.confirmEmailChange).toEqual({ email: NEW_EMAIL, errors: [] })
    expect((await c.gql(ME)).data.me).toMatchObject({ email: NEW_EMAIL, pendingEmailChange: null })
    expect(await signInWorks(NEW_EMAIL)).toBe(true)
    expect(await signInWorks(email)).toBe(false)
    expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'EMAIL_CHANGED')).all()).toHaveLength(1)
    const told = outbox().filter(m => m.to === email).map(m => m.subject)
    expect(told).toEqual(['Demande de changement de votre adresse e-mail', 'Votre adresse e-mail a été changée'])

    const again = await app.client().gql(CONFIRM, { t: token })
    expect(again.data.confirmEmailChange.errors.map((e: { code: string }) => e.code)).toEqual(['LINK_USED'])
  })

  it('refuses another account\'s address and a malformed one, and sends nothing', async () => {
    const c = await app.as('benoit')
    const taken = await c.gql(UPDATE, { input: { currentPassword: password, email: DEMO_ACCOUNTS.camille.email, phone: '07 11 22 33 44' } })
    expect(taken.data.updateContactDetails.errors).toEqual([{ field: 'email', code: 'EMAIL_TAKEN', message: 'Cette adresse e-mail est déjà celle d\'un autre compte. Choisissez-en une autre.' }])
    const malformed = await c.gql(UPDATE, { input: { currentPassword: password, email: 'benoit@exemple' } })
    expect(fieldCodes(malformed)).toEqual(['email:INVALID_EMAIL'])
    expect(benoitRow()?.phone).toBe('+33645721839')
    expect(app.db.select().from(emailChangeRequestsTable).all()).toEqual([])
    expect(outbox()).toEqual([])
  })

  it('lets the link expire after 24 hours, and voids an older link when a newer address is asked', async () => {
    const c = await app.as('benoit')
    await c.gql(UPDATE, { input: { currentPassword: password, email: NEW_EMAIL } })
    const first = confirmationToken()
    await c.gql(UPDATE, { input: { currentPassword: password, email: 'autre.adresse@exemple.fr' } })
    expect((await app.client().gql(CONFIRM, { t: first })).data.confirmEmailChange.errors.map((e: { code: string }) => e.code)).toEqual(['LINK_USED'])

    const mail = outbox().find(m => m.to === 'autre.adresse@exemple.fr')!
    const second = new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams.get('jeton')!
    app.clock.advance(24 * 3600_000 + 1000)
    const late = await app.client().gql(CONFIRM, { t: second })
    expect(late.data.confirmEmailChange.errors.map((e: { code: string }) => e.code)).toEqual(['LINK_EXPIRED'])
    expect(app.db.select().from(accountsTable).where(eq(accountsTable.email, email)).get()).toBeDefined()
    expect((await app.client().gql(CONFIRM, { t: 'invente' })).data.confirmEmailChange.errors[0].code).toBe('LINK_INVALID')
  })
})
