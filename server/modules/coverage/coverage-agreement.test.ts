import type { ApiClient, TestApp } from '../../test/harness.ts'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { auditEventsTable, beneficiariesTable, coverageAgreementsTable, guaranteesTable, membersTable, proceduresTable } from '../../db/schema/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { createPartnerToken } from '../partners/partner-token.service.ts'
import { AUTO_DECISION_CEILING_CENTS, luhnValid } from './coverage-agreement.rules.ts'

const CARD = '202897774'
// a real-shaped RPPS: 10 digits and their Luhn key
const RPPS = '10003456786'

const AGREEMENT_FIELDS = `id status message careDomain plannedDate requestedAt decidedAt validUntil expectedDecisionDate
  amountCents socialSecurityCents mutuelleCents outOfPocketCents
  lines { code label amountCents socialSecurityBaseCents socialSecurityCents mutuelleCents outOfPocketCents }`
const REQUEST = `mutation Request($input: CoverageAgreementInput!) {
  requestCoverageAgreement(input: $input) { errors { field code message } agreement { ${AGREEMENT_FIELDS} } }
}`
const STATE = `query State($id: ID!) { coverageAgreement(id: $id) { ${AGREEMENT_FIELDS} } }`
const MEMBER_PROCEDURES = `{ procedures(kind: COVERAGE_AGREEMENT, first: 50) { nodes { id kind status reference careType careDate amountCents providerName decisionNote beneficiary { firstName } } } }`
const ACCESS_LOG = `{ accessLog(first: 50) { nodes { actorKind actorLabel action description } } }`
const QUEUE = `{ advisorQueue(kind: COVERAGE_AGREEMENT, first: 10) { nodes { ... on ProcedureTask { procedure { id kind status coverageAgreement { partnerName rpps finess careDomain plannedDate reviewReason validUntil lines { code amountCents mutuelleCents } } } } } } }`
const DECIDE = `mutation Decide($id: ID!, $decision: Decision!, $note: String) {
  decideProcedure(procedureId: $id, decision: $decision, note: $note) { errors { code message } task { procedure { status decisionNote coverageAgreement { validUntil lines { mutuelleCents } } } } }
}`

describe('prises en charge: requestCoverageAgreement and coverageAgreement', () => {
  let app: TestApp
  let partner: ApiClient
  let otherPartner: ApiClient
  let checkOnly: ApiClient
  let benoit: ApiClient
  let advisor: ApiClient
  const birth: Record<string, string> = {}

  const input = (over: Record<string, unknown> = {}) => ({
    cardNumber: CARD,
    birthDate: birth['Léa'],
    provider: { rpps: RPPS },
    careDomain: 'OPTICS',
    plannedDate: '2026-12-10',
    lines: [{ code: 'OPT-MONTURE-B', amountCents: 15000, socialSecurityBaseCents: 5 }, { code: 'OPT-VERRE-B', amountCents: 22000, socialSecurityBaseCents: 4 }],
    ...over,
  })
  const request = async (over: Record<string, unknown> = {}, client = partner) => {
    const r = await client.gql(REQUEST, { input: input(over) })
    return r.data?.requestCoverageAgreement ?? r
  }
  const procedureCount = () => app.db.select({ n: count() }).from(proceduresTable).get()!.n

  beforeAll(async () => {
    app = await startTestApp()
    for (const b of app.db.select().from(beneficiariesTable).all())
      birth[b.firstName] = b.birthDate
    partner = app.client(DEMO_PARTNER_TOKEN)
    const other = createPartnerToken(app.db, app.clock, { name: 'Audition Plus', scopes: ['pec:write'] })
    const coverageOnly = createPartnerToken(app.db, app.clock, { name: 'Pharmacie du Marché', scopes: ['coverage:read'] })
    if ('errors' in other || 'errors' in coverageOnly)
      throw new Error('tokens not created')
    otherPartner = app.client(other.token)
    checkOnly = app.client(coverageOnly.token)
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
  })
  afterAll(() => app.close())

  it('uses a valid RPPS in its examples', () => {
    expect(luhnValid(RPPS)).toBe(true)
    expect(luhnValid('10003456785')).toBe(false)
  })

  it('accepts an optical quote at once, line by line as the engine pays it, and tells the partner nothing else', async () => {
    const r = await request()
    expect(r.errors).toEqual([])
    const a = r.agreement
    expect(a).toMatchObject({ status: 'ACCEPTED', careDomain: 'OPTICS', plannedDate: '2026-12-10', validUntil: '2027-01-10', expectedDecisionDate: null, amountCents: 37000 })
    expect(a.message).toContain('Prise en charge accordée')
    for (const line of a.lines)
      expect(line.socialSecurityCents + line.mutuelleCents + line.outOfPocketCents).toBe(line.amountCents)
    expect(a.mutuelleCents).toBe(a.lines[0].mutuelleCents + a.lines[1].mutuelleCents)
    expect(a.socialSecurityCents + a.mutuelleCents + a.outOfPocketCents).toBe(37000)
    // the quote analysis the member runs on the same amount gives the same mutuelle share
    const lea = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Léa')).get()!
    const quote = await benoit.gql(`query($input: QuoteInput!) { analyseQuote(input: $input) { mutuelleCents } }`, { input: { beneficiaryId: lea.id, careType: 'OPTICS', amountCents: 37000, socialSecurityBaseCents: 9 } })
    expect(quote.data.analyseQuote.mutuelleCents).toBe(a.mutuelleCents)
    // least data: no name, birth date, member number nor contract crosses to the partner
    const member = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Benoit')).get()!
    const text = JSON.stringify(r)
    for (const secret of ['Léa', 'Benoit', birth['Léa']!, member.memberNumber, member.lastName])
      expect(text).not.toContain(secret)
  })

  it('does not promise the same yearly forfait twice: a second quote gets what the first left', async () => {
    const first = await request({ birthDate: birth['Sarah'] })
    const second = await request({ birthDate: birth['Sarah'] })
    expect(first.agreement.status).toBe('ACCEPTED')
    expect(second.agreement.mutuelleCents).toBeLessThan(first.agreement.mutuelleCents)
    expect(second.agreement.socialSecurityCents + second.agreement.mutuelleCents + second.agreement.outOfPocketCents).toBe(37000)
  })

  it('promises each of Sarah\'s two contracts\' optical forfaits once: a third quote finds both used up', async () => {
    const third = await request({ birthDate: birth['Sarah'] })
    expect(third.agreement.status).toBe('ACCEPTED')
    const sarah = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Sarah')).get()!
    const promised: Record<string, number> = {}
    for (const row of app.db.select({ lines: coverageAgreementsTable.lines }).from(coverageAgreementsTable).innerJoin(proceduresTable, eq(proceduresTable.id, coverageAgreementsTable.procedureId)).where(eq(proceduresTable.beneficiaryId, sarah.id)).all()) {
      for (const line of row.lines) {
        for (const [guaranteeId, cents] of Object.entries(line.forfaits ?? {}))
          promised[guaranteeId] = (promised[guaranteeId] ?? 0) + cents
      }
    }
    // the main contract's and the top-up's forfaits were both promised, neither beyond its yearly amount
    const guarantees = app.db.select().from(guaranteesTable).all().filter(g => g.id in promised)
    expect(guarantees.map(g => g.careType)).toEqual(['OPTICS', 'OPTICS'])
    for (const g of guarantees)
      expect(promised[g.id]).toBeLessThanOrEqual(g.yearlyForfaitCents!)
  })

  it('leaves nothing to pay on « 100 % Santé » lines', async () => {
    const r = await request({ lines: [{ code: 'OPT-MONTURE-A', amountCents: 3000, socialSecurityBaseCents: 3000 }, { code: 'OPT-VERRE-A', amountCents: 5000, socialSecurityBaseCents: 5000 }] })
    expect(r.agreement.status).toBe('ACCEPTED')
    expect(r.agreement.lines.map((l: { outOfPocketCents: number }) => l.outOfPocketCents)).toEqual([0, 0])
  })

  it('shows the prise en charge in the member\'s démarches and the call in « Qui a consulté mon dossier ? »', async () => {
    const r = await request({ birthDate: birth['Louise'], lines: [{ code: 'OPT-LENTILLES', amountCents: 12000, socialSecurityBaseCents: 0 }] })
    expect(r.agreement.status).toBe('ACCEPTED')
    const procedures = (await benoit.gql(MEMBER_PROCEDURES)).data.procedures.nodes
    const mine = procedures.find((p: { beneficiary: { firstName: string } }) => p.beneficiary.firstName === 'Louise')
    expect(mine).toMatchObject({ kind: 'COVERAGE_AGREEMENT', status: 'ACCEPTED', careType: 'OPTICS', careDate: '2026-12-10', amountCents: 12000, providerName: 'Pharmacie partenaire (démo)' })
    expect(mine.decisionNote).toContain('Prise en charge accordée à Pharmacie partenaire (démo)')
    const log = (await benoit.gql(ACCESS_LOG)).data.accessLog.nodes
    expect(log).toContainEqual({ actorKind: 'PARTNER', actorLabel: 'Pharmacie partenaire (démo)', action: 'PARTNER_COVERAGE_AGREEMENT', description: `a demandé une prise en charge (optique)\u00a0: votre démarche ${mine.reference}` })
    await partner.gql(STATE, { id: r.agreement.id })
    expect((await benoit.gql(ACCESS_LOG)).data.accessLog.nodes).toContainEqual({ actorKind: 'PARTNER', actorLabel: 'Pharmacie partenaire (démo)', action: 'PARTNER_COVERAGE_AGREEMENT_VIEW', description: `a consulté la réponse à la prise en charge ${mine.reference}` })
  })

  it('puts a hospitalisation « à l\'étude » in the advisor\'s queue; the advisor\'s acceptance commits the engine\'s amounts', async () => {
    const r = await request({ careDomain: 'HOSPITAL', provider: { finess: '750000010' }, lines: [{ code: 'HOS-SEJOUR', amountCents: 90000, socialSecurityBaseCents: 90000 }, { code: 'HOS-CHAMBRE', amountCents: 16000, socialSecurityBaseCents: 0 }] })
    expect(r.errors).toEqual([])
    expect(r.agreement).toMatchObject({ status: 'UNDER_REVIEW', validUntil: null, mutuelleCents: null, decidedAt: null, expectedDecisionDate: expect.any(String) })
    expect(r.agreement.message).toContain('À l\'étude')
    expect(r.agreement.lines.every((l: { mutuelleCents: null }) => l.mutuelleCents === null)).toBe(true)

    const agreement = app.db.select().from(coverageAgreementsTable).where(eq(coverageAgreementsTable.id, r.agreement.id)).get()!
    const listed = await advisor.gql(QUEUE)
    expect(listed.errors).toBeUndefined()
    const queue = listed.data.advisorQueue.nodes
    const task = queue.find((t: { procedure: { id: string } }) => t.procedure.id === agreement.procedureId)
    expect(task.procedure.coverageAgreement).toMatchObject({ partnerName: 'Pharmacie partenaire (démo)', finess: '750000010', rpps: null, careDomain: 'HOSPITAL', plannedDate: '2026-12-10', reviewReason: expect.stringContaining('hospitalisation'), validUntil: null })

    const documents = await advisor.gql(DECIDE, { id: agreement.procedureId, decision: 'REQUEST_DOCUMENTS', note: 'Devis détaillé' })
    expect(documents.data.decideProcedure.errors[0].code).toBe('UNSUPPORTED_KIND')
    const accepted = await advisor.gql(DECIDE, { id: agreement.procedureId, decision: 'ACCEPT' })
    expect(accepted.data.decideProcedure.errors).toEqual([])
    expect(accepted.data.decideProcedure.task.procedure).toMatchObject({ status: 'ACCEPTED', decisionNote: expect.stringContaining('Prise en charge accordée'), coverageAgreement: { validUntil: '2027-01-10' } })

    const state = (await partner.gql(STATE, { id: r.agreement.id })).data.coverageAgreement
    expect(state).toMatchObject({ status: 'ACCEPTED', validUntil: '2027-01-10', decidedAt: expect.any(String), expectedDecisionDate: null })
    expect(state.mutuelleCents).toBeGreaterThan(0)
    expect(state.socialSecurityCents + state.mutuelleCents + state.outOfPocketCents).toBe(106000)
    const decision = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PROCEDURE_DECISION')).all().at(-1)!
    expect(decision).toMatchObject({ actorRole: 'ADVISOR', outcome: 'SUCCESS', details: expect.objectContaining({ procedureId: agreement.procedureId, decision: 'ACCEPT' }) })
  })

  it('sends a quote above the ceiling to an advisor, whose refusal the partner reads', async () => {
    const r = await request({ careDomain: 'DENTAL', lines: [{ code: 'DEN-IMPLANT', amountCents: AUTO_DECISION_CEILING_CENTS + 100, socialSecurityBaseCents: 0 }] })
    expect(r.agreement.status).toBe('UNDER_REVIEW')
    const agreement = app.db.select().from(coverageAgreementsTable).where(eq(coverageAgreementsTable.id, r.agreement.id)).get()!
    const refused = await advisor.gql(DECIDE, { id: agreement.procedureId, decision: 'REJECT', note: 'Implant hors garantie au-delà du renfort.' })
    expect(refused.data.decideProcedure.errors).toEqual([])
    const state = (await partner.gql(STATE, { id: r.agreement.id })).data.coverageAgreement
    expect(state).toMatchObject({ status: 'REJECTED', mutuelleCents: null, validUntil: null })
    // the advisor's note is written for the member: it stays with the member
    expect(JSON.stringify(state)).not.toContain('Implant hors garantie')
  })

  it('answers a wrong card and a wrong birth date alike, saving nothing', async () => {
    const before = procedureCount()
    const wrongBirth = await request({ birthDate: '1990-01-01' })
    const wrongCard = await request({ cardNumber: '999999999' })
    expect(wrongBirth).toEqual({ agreement: null, errors: [{ field: 'cardNumber', code: 'NOT_FOUND', message: expect.any(String) }] })
    expect(wrongCard).toEqual(wrongBirth)
    expect(procedureCount()).toBe(before)
    expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'PARTNER_COVERAGE_AGREEMENT')).all().at(-1)).toMatchObject({ outcome: 'FAILURE', memberId: null })
  })

  it('refuses an unknown code, a negative amount, a base above the amount, a past date and bad identifiers, saving nothing', async () => {
    const before = procedureCount()
    const r = await request({
      plannedDate: '2026-11-25',
      provider: { rpps: '10003456785', adeli: '12345', finess: 'ABC' },
      lines: [{ code: 'DEN-BRIDGE', amountCents: 1000, socialSecurityBaseCents: 0 }, { code: 'NOPE', amountCents: -5, socialSecurityBaseCents: 0 }, { code: 'OPT-VERRE-B', amountCents: 100, socialSecurityBaseCents: 200 }],
    })
    expect(r.agreement).toBeNull()
    expect(r.errors.map((e: { field: string, code: string }) => `${e.field} ${e.code}`).sort()).toEqual([
      'lines.0.code UNKNOWN_CODE',
      'lines.1.amountCents NEGATIVE',
      'lines.1.code UNKNOWN_CODE',
      'lines.2.socialSecurityBaseCents EXCEEDS_AMOUNT',
      'plannedDate PAST_DATE',
      'provider.adeli INVALID_ADELI',
      'provider.finess INVALID_FINESS',
      'provider.rpps INVALID_RPPS',
    ])
    expect((await request({ provider: {}, plannedDate: '2027-06-01' })).errors.map((e: { code: string }) => e.code)).toEqual(['REQUIRED', 'TOO_FAR_AHEAD'])
    expect((await request({ lines: [] })).errors.map((e: { code: string }) => e.code)).toEqual(['REQUIRED'])
    expect(procedureCount()).toBe(before)
  })

  it('refuses care planned after the beneficiary leaves the contract', async () => {
    app.db.update(beneficiariesTable).set({ coverageEnd: '2026-12-05' }).where(eq(beneficiariesTable.firstName, 'Hélia')).run()
    try {
      const r = await request({ birthDate: birth['Hélia'] })
      expect(r.errors).toEqual([{ field: 'plannedDate', code: 'NOT_COVERED', message: expect.any(String) }])
    }
    finally {
      app.db.update(beneficiariesTable).set({ coverageEnd: null }).where(eq(beneficiariesTable.firstName, 'Hélia')).run()
    }
  })

  it('shows an agreement only to the token that asked: another token\'s id is not found', async () => {
    const r = await request()
    expect((await otherPartner.gql(STATE, { id: r.agreement.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect((await partner.gql(STATE, { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect((await partner.gql(STATE, { id: r.agreement.id })).data.coverageAgreement.id).toBe(r.agreement.id)
  })

  it('needs the pec:write scope; members, advisors and anonymous callers get nothing', async () => {
    expect((await request({}, checkOnly)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await request({}, benoit)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await request({}, advisor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await request({}, app.client())).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    // and the partner reaches no member field
    expect((await partner.gql('{ procedures(first: 1) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})
