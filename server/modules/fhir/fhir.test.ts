import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq } from 'drizzle-orm'
import { Fhir } from 'fhir'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsTable, beneficiariesTable } from '../../db/schema/index.ts'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { startTestApp, testClock } from '../../test/harness.ts'
import { createPartnerToken, revokePartnerToken } from '../partners/partner-token.service.ts'
import { SYSTEMS } from './fhir.resources.ts'

// the R4 definitions (4.0) of a maintained package: every answer of the endpoints must pass them
const fhir = new Fhir()
function expectValidR4(resource: unknown) {
  const { valid, messages } = fhir.validate(resource as object, { errorOnUnexpected: true })
  expect(messages.filter(m => m.severity === 'error'), JSON.stringify(messages)).toEqual([])
  expect(valid).toBe(true)
}

const CARD = '202897774'

/** A CoverageEligibilityRequest as a pharmacy's software would send it, valid R4 itself. */
function eligibilityRequest(q: { card?: string, birth: string, care?: string, date?: string }) {
  return {
    resourceType: 'CoverageEligibilityRequest',
    identifier: [{ system: 'urn:pharmacie-du-port:demandes', value: 'REQ-0042' }],
    status: 'active',
    purpose: ['validation'],
    patient: { reference: '#beneficiaire' },
    servicedDate: q.date ?? '2026-11-26',
    created: '2026-11-26T09:00:00Z',
    insurer: { display: 'Mutuelle Horizon' },
    contained: [
      { resourceType: 'Patient', id: 'beneficiaire', birthDate: q.birth },
      { resourceType: 'Coverage', id: 'carte', status: 'active', identifier: [{ system: SYSTEMS.card, value: q.card ?? CARD }], beneficiary: { reference: '#beneficiaire' }, payor: [{ display: 'Mutuelle Horizon' }] },
    ],
    insurance: [{ coverage: { reference: '#carte' } }],
    item: [{ category: { coding: [{ system: SYSTEMS.careType, code: q.care ?? 'PHARMACY' }] } }],
  }
}

describe('the FHIR R4 view of the tiers-payant check', () => {
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

  const check = async (body: unknown, client = partner, contentType = 'application/fhir+json') => {
    const res = await client.get('/fhir/r4/CoverageEligibilityRequest/$check', { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) })
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() as Record<string, any> }
  }

  it('states what it offers in a valid CapabilityStatement', async () => {
    const res = await app.client().get('/fhir/r4/metadata')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/)
    const statement = await res.json() as Record<string, any>
    expectValidR4(statement)
    expect(statement.fhirVersion).toBe('4.0.1')
    expect(statement.rest[0].resource[0]).toMatchObject({ type: 'CoverageEligibilityRequest', operation: [{ name: 'check' }] })
  })

  it('sends a request that is valid R4 itself (what the tests post)', () => {
    expectValidR4(eligibilityRequest({ birth: '2019-04-27' }))
  })

  it('answers Léa at the pharmacy with a valid CoverageEligibilityResponse: in force, the AMC to bill, no name', async () => {
    const r = await check(eligibilityRequest({ birth: birth['Léa']! }))
    expect(r.status).toBe(200)
    expect(r.type).toMatch(/^application\/fhir\+json/)
    expectValidR4(r.body)
    expect(r.body).toMatchObject({ resourceType: 'CoverageEligibilityResponse', outcome: 'complete', request: { identifier: { value: 'REQ-0042' } } })
    expect(r.body.insurance[0]).toMatchObject({ inforce: true, benefitPeriod: { end: '2026-12-31' }, item: [{ excluded: false }] })
    expect(r.body.insurer.identifier).toEqual({ system: SYSTEMS.amc, value: expect.stringMatching(/^\d{8,9}$/) })
    expect(JSON.stringify(r.body)).not.toMatch(/Léa|Garnier|Benoit|\d{4}-\d{2}-\d{2}T.*birth/)
    expect(JSON.stringify(r.body)).not.toContain(birth['Léa']!)
  })

  it('gives the same answer as GraphQL\'s coverageCheck, for a care the card does not cover', async () => {
    const gql = await partner.gql(`query($card: String!, $birth: Date!) { coverageCheck(cardNumber: $card, birthDate: $birth, careType: ALTERNATIVE_MEDICINE, date: "2026-11-26") { covered reason } }`, { card: CARD, birth: birth['Léa']! })
    const r = await check(eligibilityRequest({ birth: birth['Léa']!, care: 'ALTERNATIVE_MEDICINE' }))
    expectValidR4(r.body)
    expect(gql.data.coverageCheck).toEqual({ covered: false, reason: 'DOMAIN_NOT_COVERED' })
    expect(r.body.insurance[0]).toMatchObject({ inforce: false, item: [{ excluded: true }] })
    expect(r.body.insurance[0].item[0].description).toContain('DOMAIN_NOT_COVERED')
  })

  it('answers a wrong birth date and an unknown card alike, so card numbers cannot be probed', async () => {
    const strip = (body: Record<string, any>) => {
      const { created: _c, patient: _p, insurance: [{ coverage: _cov, ...insurance }], ...rest } = body
      return { ...rest, insurance }
    }
    const wrongBirth = await check(eligibilityRequest({ birth: '1990-01-01' }))
    const unknownCard = await check(eligibilityRequest({ card: '999999999', birth: birth['Léa']! }))
    expectValidR4(wrongBirth.body)
    expect(strip(wrongBirth.body)).toEqual(strip(unknownCard.body))
    expect(wrongBirth.body.insurance[0].inforce).toBe(false)
    expect(wrongBirth.body.insurer.identifier).toBeUndefined()
  })

  it('records every check in the member\'s access log, as GraphQL does', async () => {
    const before = app.db.select().from(auditEventsTable).where(and(eq(auditEventsTable.action, 'PARTNER_COVERAGE_CHECK'))).all().length
    await check(eligibilityRequest({ birth: birth['Sarah']!, care: 'OPTICS' }))
    const after = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PARTNER_COVERAGE_CHECK')).all()
    expect(after.length).toBe(before + 1)
    expect(after.at(-1)!.memberId).not.toBeNull()
  })

  it('refuses without a token, with a forged or revoked token, without the scope, and for a member, as OperationOutcomes', async () => {
    const body = eligibilityRequest({ birth: birth['Léa']! })
    const noToken = await check(body, app.client())
    expect(noToken.status).toBe(401)
    expectValidR4(noToken.body)
    expect(noToken.body.issue[0]).toMatchObject({ severity: 'error', code: 'login' })

    const forged = await check(body, app.client('ptk_forged'))
    expect(forged.status).toBe(401)
    expectValidR4(forged.body)

    const pecOnly = createPartnerToken(app.db, clock, { name: 'Optique du Centre', scopes: ['pec:write'] })
    if ('errors' in pecOnly)
      throw new Error(pecOnly.errors.join())
    const noScope = await check(body, app.client(pecOnly.token))
    expect(noScope.status).toBe(403)
    expect(noScope.body.issue[0].code).toBe('forbidden')

    const revoked = createPartnerToken(app.db, clock, { name: 'Pharmacie fermée', scopes: ['coverage:read'] })
    if ('errors' in revoked)
      throw new Error(revoked.errors.join())
    revokePartnerToken(app.db, clock, revoked.id)
    expect((await check(body, app.client(revoked.token))).status).toBe(401)

    const member = await check(body, await app.as('benoit'))
    expect(member.status).toBe(403)
  })

  it('says what is wrong with a malformed request, in French, as an OperationOutcome', async () => {
    const cases: [unknown, string, number][] = [
      ['{ pas du json', 'invalid', 400],
      [{ resourceType: 'Patient' }, 'invalid', 400],
      [{ ...eligibilityRequest({ birth: birth['Léa']! }), purpose: ['benefit'] }, 'not-supported', 400],
      [{ ...eligibilityRequest({ birth: birth['Léa']! }), contained: [] }, 'required', 400],
      [eligibilityRequest({ birth: birth['Léa']!, care: 'TELEPORTATION' }), 'value', 400],
      [{ ...eligibilityRequest({ birth: birth['Léa']! }), servicedDate: 'demain' }, 'required', 400],
    ]
    for (const [body, code, status] of cases) {
      const r = await check(body)
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(status)
      expectValidR4(r.body)
      expect(r.body.issue[0].code).toBe(code)
      expect(r.body.issue[0].diagnostics).toMatch(/[a-zà-ü]/)
    }
    const unknown = await partner.get('/fhir/r4/Patient/123')
    expect(unknown.status).toBe(404)
    expectValidR4(await unknown.json())
  })
})
