import type { ApiClient, TestApp } from '../../test/harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { beneficiariesTable } from '../../db/schema/index.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp, testClock } from '../../test/harness.ts'

const DAY = 86_400_000
const REQUEST_AGREEMENT = `mutation($input: CoverageAgreementInput!) { requestCoverageAgreement(input: $input) { errors { code } agreement { id status lines { mutuelleCents } } } }`
const SUBMIT = `mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { field code message } procedure { id } } }`
const DECIDE = `mutation($id: ID!) { decideProcedure(procedureId: $id, decision: ACCEPT) { errors { code message } } }`
const PAID = `{ procedures(first: 20) { nodes { id reimbursement { id mutuelleCents coverageAgreement { reference careDomain plannedDate validUntil committedCents explanation } } } } }`

// the prise en charge end to end: asked by the optician, accepted by the rules, the glasses paid
// later through the member's request, and the reimbursement refers to the commitment
describe('a reimbursement refers to the prise en charge its care was paid under', () => {
  let app: TestApp
  let partner: ApiClient
  let benoit: ApiClient
  let advisor: ApiClient
  const clock = testClock()
  const person: Record<string, { id: string, birthDate: string }> = {}

  beforeAll(async () => {
    app = await startTestApp({ clock })
    for (const b of app.db.select().from(beneficiariesTable).all())
      person[b.firstName] = b
    partner = app.client(DEMO_PARTNER_TOKEN)
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
  })
  afterAll(() => app.close())

  async function paidRequest(careType: string, careDate: string, amountCents: number) {
    const sent = await benoit.gql(SUBMIT, { input: { beneficiaryId: person['Léa']!.id, careType, careDate, abroad: false, amountCents, socialSecurityBaseCents: 9, socialSecurityPaidCents: 5, providerName: 'Optique du Centre', attachmentIds: [await uploadId(benoit)] } })
    expect(sent.data.submitReimbursementRequest.errors).toEqual([])
    const id = sent.data.submitReimbursementRequest.procedure.id
    expect((await advisor.gql(DECIDE, { id })).data.decideProcedure.errors).toEqual([])
    const answer = await benoit.gql(PAID)
    const procedures = answer.data.procedures.nodes as { id: string, reimbursement: Record<string, any> }[]
    return procedures.find(p => p.id === id)!.reimbursement
  }

  it('shows what was committed beside what was paid, and nothing for care outside it', async () => {
    const asked = await partner.gql(REQUEST_AGREEMENT, { input: {
      cardNumber: '202897774',
      birthDate: person['Léa']!.birthDate,
      provider: { finess: '750000001' },
      careDomain: 'OPTICS',
      plannedDate: '2026-11-28',
      lines: [{ code: 'OPT-MONTURE-B', amountCents: 15000, socialSecurityBaseCents: 5 }, { code: 'OPT-VERRE-B', amountCents: 22000, socialSecurityBaseCents: 4 }],
    } })
    expect(asked.data.requestCoverageAgreement.errors).toEqual([])
    const agreement = asked.data.requestCoverageAgreement.agreement
    expect(agreement.status).toBe('ACCEPTED')
    const committed = agreement.lines.reduce((sum: number, l: { mutuelleCents: number }) => sum + l.mutuelleCents, 0)
    const pec = (await benoit.gql(`{ procedures(kind: COVERAGE_AGREEMENT, first: 5) { nodes { reference } } }`)).data.procedures.nodes[0]

    // the glasses are made, then billed for less than the quote
    clock.advance(4 * DAY)
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
    const glasses = await paidRequest('OPTICS', '2026-11-28', 30000)
    expect(glasses.coverageAgreement).toMatchObject({ reference: pec.reference, careDomain: 'OPTICS', plannedDate: '2026-11-28', committedCents: committed })
    expect(glasses.coverageAgreement.explanation).toContain(pec.reference)
    if (glasses.mutuelleCents < committed)
      expect(glasses.coverageAgreement.explanation).toMatch(/de moins/)

    // a pharmacy bill the same day was not part of it
    const pharmacy = await paidRequest('PHARMACY', '2026-11-28', 2000)
    expect(pharmacy.coverageAgreement).toBeNull()
  })

  it('keeps it to the household: Camille cannot read Léa\'s reimbursement, so nor its prise en charge', async () => {
    const camille = await app.as('camille')
    benoit = await app.as('benoit')
    const anyId = (await benoit.gql(`{ reimbursements(first: 1) { nodes { id } } }`)).data.reimbursements.nodes[0].id
    const r = await camille.gql(`query($id: ID!) { reimbursement(id: $id) { coverageAgreement { reference } } }`, { id: anyId })
    expect(r.data?.reimbursement ?? null).toBeNull()
  })
})
