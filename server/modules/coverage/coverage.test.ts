import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PARTNER_REQUESTS_PER_MINUTE } from '../../app.ts'
import { auditEventsTable, beneficiariesTable, partnerTokensTable } from '../../db/schema/index.ts'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { startTestApp, testClock } from '../../test/harness.ts'

const CHECK = `query($card: String!, $birth: Date!, $care: CareType!, $date: Date!) {
  coverageCheck(cardNumber: $card, birthDate: $birth, careType: $care, date: $date) {
    covered reason domain validTo amcNumber conventionType routingCriterion
  }
}`
const CARD = '202897774'

describe('coverageCheck, the partners\' tiers-payant check', () => {
  let app: TestApp
  let partner: ApiClient
  const clock = testClock()
  const birth: Record<string, string> = {}
  beforeAll(async () => {
    app = await startTestApp({ clock })
    partner = app.client(DEMO_PARTNER_TOKEN)
    for (const b of app.db.select().from(beneficiariesTable).all())
      birth[b.firstName] = b.birthDate
  })
  afterAll(() => app.close())

  const check = async (vars: { card?: string, birth: string, care: string, date?: string }, client = partner) =>
    client.gql(CHECK, { card: CARD, date: '2026-11-26', ...vars })

  it('says yes for Léa at the pharmacy, with what the pharmacist needs to bill and nothing more', async () => {
    const r = await check({ birth: birth['Léa']!, care: 'PHARMACY' })
    expect(r.errors).toBeUndefined()
    expect(r.data.coverageCheck).toEqual({ covered: true, reason: 'COVERED', domain: 'PHAR', validTo: '2026-12-31', amcNumber: expect.any(String), conventionType: expect.any(String), routingCriterion: expect.any(String) })
  })

  it('answers a wrong birth date and an unknown card the same way, so card numbers cannot be probed', async () => {
    const wrongBirth = await check({ birth: '1990-01-01', care: 'PHARMACY' })
    const unknownCard = await check({ card: '999999999', birth: birth['Léa']!, care: 'PHARMACY' })
    const expected = { covered: false, reason: 'NOT_FOUND', domain: 'PHAR', validTo: null, amcNumber: null, conventionType: null, routingCriterion: null }
    expect(wrongBirth.data.coverageCheck).toEqual(expected)
    expect(unknownCard.data.coverageCheck).toEqual(expected)
  })

  it('refuses a day outside the card\'s validity', async () => {
    const r = await check({ birth: birth['Benoit']!, care: 'OPTICS', date: '2027-01-05' })
    expect(r.data.coverageCheck).toMatchObject({ covered: false, reason: 'OUTSIDE_VALIDITY', amcNumber: null })
  })

  it('refuses a day after the beneficiary left the contract', async () => {
    app.db.update(beneficiariesTable).set({ coverageEnd: '2026-06-30' }).where(eq(beneficiariesTable.firstName, 'Hélia')).run()
    try {
      expect((await check({ birth: birth['Hélia']!, care: 'DENTAL', date: '2026-06-30' })).data.coverageCheck.covered).toBe(true)
      expect((await check({ birth: birth['Hélia']!, care: 'DENTAL', date: '2026-07-01' })).data.coverageCheck).toMatchObject({ covered: false, reason: 'NOT_COVERED_ON_DATE' })
    }
    finally {
      app.db.update(beneficiariesTable).set({ coverageEnd: null }).where(eq(beneficiariesTable.firstName, 'Hélia')).run()
    }
  })

  it('refuses care outside the card\'s domains: médecines douces have none', async () => {
    const r = await check({ birth: birth['Sarah']!, care: 'ALTERNATIVE_MEDICINE' })
    expect(r.data.coverageCheck).toMatchObject({ covered: false, reason: 'DOMAIN_NOT_COVERED', domain: null })
  })

  it('records every check in the audit trail, against the member whose card it was', async () => {
    const before = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PARTNER_COVERAGE_CHECK')).all().length
    await check({ birth: birth['Louise']!, care: 'LABORATORY' })
    const rows = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PARTNER_COVERAGE_CHECK')).all()
    expect(rows.length).toBe(before + 1)
    expect(rows.at(-1)).toMatchObject({ actorRole: 'PARTNER', outcome: 'SUCCESS', memberId: expect.any(String) })
  })

  it('is for partners only: members are forbidden, anonymous callers unauthenticated', async () => {
    const benoit = await app.as('benoit')
    expect((await check({ birth: birth['Léa']!, care: 'PHARMACY' }, benoit)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await check({ birth: birth['Léa']!, care: 'PHARMACY' }, app.client())).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect((await check({ birth: birth['Léa']!, care: 'PHARMACY' }, app.client('ptk_not_a_real_token_000000000000000000'))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('gives the token nothing beyond its scope', async () => {
    const r = await partner.gql('{ contracts { id } }')
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await partner.gql('{ me { id } viewer { role } }')).data).toEqual({ me: null, viewer: null })
  })

  it('stops answering a revoked token', async () => {
    const token = app.db.select().from(partnerTokensTable).get()!
    app.db.update(partnerTokensTable).set({ revokedAt: clock.now().toISOString() }).where(eq(partnerTokensTable.id, token.id)).run()
    try {
      expect((await check({ birth: birth['Léa']!, care: 'PHARMACY' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    }
    finally {
      app.db.update(partnerTokensTable).set({ revokedAt: null }).where(and(eq(partnerTokensTable.id, token.id))).run()
    }
  })

  it(`limits a token to ${PARTNER_REQUESTS_PER_MINUTE} requests a minute`, async () => {
    clock.advance(60_000)
    const statuses: number[] = []
    for (let i = 0; i <= PARTNER_REQUESTS_PER_MINUTE; i++)
      statuses.push((await check({ birth: birth['Léa']!, care: 'PHARMACY' })).status)
    expect(statuses.slice(0, -1).every(s => s === 200)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    clock.advance(60_000)
    expect((await check({ birth: birth['Léa']!, care: 'PHARMACY' })).status).toBe(200)
  })
})
