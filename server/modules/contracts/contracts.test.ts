import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq, gte, sum } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reimbursementSharesTable, reimbursementsTable } from '../../db/schema/index.ts'
import { startTestApp } from '../../test/harness.ts'

// the harness lives on 2026-11-26: forfaits count care given since 2026-01-01
const CONTRACTS = `{
  contracts {
    id number label option status startDate endDate main collective responsible
    monthlyContributionCents employerParticipationCents memberMonthlyContributionCents
    coverages { startDate endDate beneficiary { firstName rank } }
    beneficiaries { firstName }
  }
}`

const CONTRACT = `query($id: ID) {
  contract(id: $id) {
    id label
    guarantees {
      careType label brssPercent yearlyForfaitCents perActCeilingCents hundredPercentSante summary
      example { description expenseCents socialSecurityBaseCents socialSecurityCents mutuelleCents outOfPocketCents explanation }
      hundredPercentSanteExample { description socialSecurityCents mutuelleCents outOfPocketCents }
    }
    forfaitCounters { careType year yearlyCents usedCents remainingCents resetDate beneficiary { id firstName } guarantee { id careType } }
    contributionSchedule { dueDate amountCents employerShareCents status method paidAt settlement representedOn rejectionFeeCents debitCents note represented { dueDate amountCents rejectionFeeCents } }
    contributionSummary {
      periodStart periodEnd instalmentCount memberTotalCents employerTotalCents totalCents rejectionFeesCents yearlyTotalCents paidCents toSettleCents upcomingCents rejectedCents
      mandate { reference creditorIdentifier signedAt status accountIbanMasked }
    }
  }
}`

describe('Ma mutuelle: contracts, guarantees, forfaits and contributions', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let contracts: any[]
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    const r = await benoit.gql(CONTRACTS)
    expect(r.errors).toBeUndefined()
    contracts = r.data.contracts
  })
  afterAll(() => app.close())

  const main = () => contracts.find(c => c.main)
  const renfort = () => contracts.find(c => !c.main)

  it('lists Benoit\'s two contracts, main first, with product, option, number, dates and status', () => {
    expect(contracts.map(c => [c.label, c.option, c.main, c.status])).toEqual([
      ['Garanties sociale interministériel', 'Option A', true, 'ACTIVE'],
      ['Horizon Renfort', 'Confort', false, 'ACTIVE'],
    ])
    expect(main()).toMatchObject({ number: 'GSI-2022-0412873', startDate: '2022-01-01', endDate: null, collective: true, responsible: true })
    expect(renfort()).toMatchObject({ number: 'HRF-2024-0098214', startDate: '2024-01-01', collective: false })
  })

  it('gives the monthly contribution with the employer participation and what is left to the member', () => {
    // 182,40 € a month, of which the employer pays 45,00 €: Benoit pays 137,40 €
    expect(main()).toMatchObject({ monthlyContributionCents: 18240, employerParticipationCents: 4500, memberMonthlyContributionCents: 13740 })
    expect(renfort()).toMatchObject({ monthlyContributionCents: 3290, employerParticipationCents: 0, memberMonthlyContributionCents: 3290 })
  })

  it('lists the covered beneficiaries by rank with their coverage dates under each contract', () => {
    expect(main().coverages.map((c: any) => [c.beneficiary.firstName, c.beneficiary.rank, c.startDate, c.endDate])).toEqual([
      ['Benoit', 1, '2022-01-01', null],
      ['Sarah', 2, '2022-01-01', null],
      ['Louise', 3, '2022-01-01', null],
      ['Hélia', 4, '2022-01-01', null],
      ['Léa', 5, '2023-01-01', null],
    ])
    expect(renfort().beneficiaries.map((b: any) => b.firstName)).toEqual(['Benoit', 'Sarah'])
  })

  it('gives the main contract without an id, and any of Benoit\'s contracts by id', async () => {
    const none = await benoit.gql(`{ contract { id } }`)
    expect(none.data.contract.id).toBe(main().id)
    const byId = await benoit.gql(`query($id: ID) { contract(id: $id) { id label } }`, { id: renfort().id })
    expect(byId.data.contract).toEqual({ id: renfort().id, label: 'Horizon Renfort' })
  })

  it('states every guarantee of the table with its rule, ceiling and 100 % Santé mark', async () => {
    const { data, errors } = await benoit.gql(CONTRACT)
    expect(errors).toBeUndefined()
    const byType = Object.fromEntries(data.contract.guarantees.map((g: any) => [g.careType, g]))
    expect(Object.keys(byType)).toHaveLength(10)
    expect(byType.CONSULTATION).toMatchObject({ brssPercent: 150, yearlyForfaitCents: null, hundredPercentSante: false, summary: '150 % BRSS (Sécurité sociale incluse)' })
    expect(byType.OPTICS).toMatchObject({ brssPercent: 100, yearlyForfaitCents: 45000, hundredPercentSante: true })
    expect(byType.OPTICS.summary).toBe('100 % BRSS (Sécurité sociale incluse) + forfait de 450,00\u00A0€ par an et par bénéficiaire')
    expect(byType.ALTERNATIVE_MEDICINE.summary).toBe('Forfait de 100,00\u00A0€ par an et par bénéficiaire, dans la limite de 25,00\u00A0€ par acte')
    expect(byType.AUDIOLOGY).toMatchObject({ perActCeilingCents: 170000 })
  })

  it('works one example per care category with the reimbursement engine, as computed by hand', async () => {
    const { data } = await benoit.gql(CONTRACT)
    const byType = Object.fromEntries(data.contract.guarantees.map((g: any) => [g.careType, g.example]))
    // consultation at 50 €, BRSS 30 €: SS 70 % × 30 = 21 € − 2 € PF = 19 €; 150 % × 30 − 21 = 24 €; left 7 €
    expect(byType.CONSULTATION).toMatchObject({ expenseCents: 5000, socialSecurityBaseCents: 3000, socialSecurityCents: 1900, mutuelleCents: 2400, outOfPocketCents: 700 })
    expect(byType.CONSULTATION.description).toBe('Pour une consultation chez un spécialiste à 50,00\u00A0€ (base de remboursement 30,00\u00A0€)')
    expect(byType.CONSULTATION.explanation).toContain('Participation forfaitaire retenue par la Sécurité sociale (1 acte)\u00a0: 2,00\u00A0€, que votre mutuelle n\'a pas le droit de rembourser')
    // 500 € glasses: SS 0,05 €; mutuelle 0,04 € (100 % BRSS) + 450 € forfait; left 49,91 €
    expect(byType.OPTICS).toMatchObject({ socialSecurityCents: 5, mutuelleCents: 45004, outOfPocketCents: 4991 })
    // stay of 1 450 €, BRSS 1 120 € at 80 % = 896 €; 200 % caps at what is left, 554 €; nothing to pay
    expect(byType.HOSPITAL).toMatchObject({ socialSecurityCents: 89600, mutuelleCents: 55400, outOfPocketCents: 0 })
    // osteopathy at 60 €: forfait capped at 25 € an act; left 35 €
    expect(byType.ALTERNATIVE_MEDICINE).toMatchObject({ socialSecurityCents: 0, mutuelleCents: 2500, outOfPocketCents: 3500 })
    for (const example of Object.values(byType) as any[])
      expect(example.socialSecurityCents + example.mutuelleCents + example.outOfPocketCents).toBe(example.expenseCents)
    const basket = Object.fromEntries(data.contract.guarantees.map((g: any) => [g.careType, g.hundredPercentSanteExample]))
    // class A glasses at 99 €: SS 60 % × 32 € = 19,20 €, the mutuelle the other 79,80 €
    expect(basket.OPTICS).toMatchObject({ socialSecurityCents: 1920, mutuelleCents: 7980, outOfPocketCents: 0 })
    expect(basket.DENTAL.outOfPocketCents).toBe(0)
    expect(basket.CONSULTATION).toBeNull()
  })

  it('counts each yearly forfait per beneficiary from this year\'s reimbursements, with the reset date', async () => {
    const { data } = await benoit.gql(CONTRACT)
    const counters = data.contract.forfaitCounters
    // 5 covered people × 3 forfaits (optics, audiology, médecines douces)
    expect(counters).toHaveLength(15)
    const at = (name: string, careType: string) => counters.find((c: any) => c.beneficiary.firstName === name && c.careType === careType)
    // Benoit's glasses 8 days ago: 409,23 €, SS 0,05 €, 0,04 € at 100 % BRSS, 409,14 € from the forfait: 40,86 € left of 450 €
    expect(at('Benoit', 'OPTICS')).toMatchObject({ year: 2026, yearlyCents: 45000, usedCents: 40914, remainingCents: 4086, resetDate: '2027-01-01' })
    // Sarah's osteopathy sessions of 2026 (260, 205, 150 and 95 days ago; the one 330 days ago was in 2025): 4 × 25 €
    expect(at('Sarah', 'ALTERNATIVE_MEDICINE')).toMatchObject({ yearlyCents: 10000, usedCents: 10000, remainingCents: 0 })
    // her lenses, not reimbursed by SS: 180 € wholly from the forfait
    expect(at('Sarah', 'OPTICS')).toMatchObject({ usedCents: 18000, remainingCents: 27000 })
    // her class I hearing aids were 100 % Santé: the forfait is untouched
    expect(at('Sarah', 'AUDIOLOGY')).toMatchObject({ yearlyCents: 60000, usedCents: 0, remainingCents: 60000 })
    expect(at('Léa', 'OPTICS')).toMatchObject({ usedCents: 0, remainingCents: 45000 })
    for (const c of counters)
      expect(c.remainingCents).toBe(Math.max(0, c.yearlyCents - c.usedCents))

    // the counters agree with each contract's shares of the reimbursements, summed per beneficiary and guarantee
    const benoitOptics = at('Benoit', 'OPTICS')
    const [row] = app.db.select({ used: sum(reimbursementSharesTable.forfaitUsedCents) }).from(reimbursementSharesTable)
      .innerJoin(reimbursementsTable, eq(reimbursementsTable.id, reimbursementSharesTable.reimbursementId))
      .where(and(eq(reimbursementsTable.beneficiaryId, benoitOptics.beneficiary.id), eq(reimbursementSharesTable.guaranteeId, benoitOptics.guarantee.id), gte(reimbursementsTable.careDate, '2026-01-01'))).all()
    expect(Number(row!.used)).toBe(benoitOptics.usedCents)

    const other = await benoit.gql(`query($id: ID) { contract(id: $id) { forfaitCounters { careType usedCents remainingCents beneficiary { firstName } } } }`, { id: renfort().id })
    const renfortAt = (name: string, careType: string) => other.data.contract.forfaitCounters.find((c: any) => c.beneficiary.firstName === name && c.careType === careType)
    expect(other.data.contract.forfaitCounters).toHaveLength(10)
    // Sarah's last two osteopathy sessions, 60 € each: the 95-day one had 25 € from the main contract,
    // so the top-up paid the other 35 €; the 45-day one 40 € (its ceiling): 75 € of 120 €
    expect(renfortAt('Sarah', 'ALTERNATIVE_MEDICINE')).toMatchObject({ usedCents: 7500, remainingCents: 4500 })
    // Benoit's session 90 days ago: 25 € from the main contract, the other 35 € from the top-up
    expect(renfortAt('Benoit', 'ALTERNATIVE_MEDICINE')).toMatchObject({ usedCents: 3500, remainingCents: 8500 })
    // Benoit's private room, 140 €, from the 300 € hospital forfait
    expect(renfortAt('Benoit', 'HOSPITAL')).toMatchObject({ usedCents: 14000, remainingCents: 16000 })
  })

  it('computes the forfait counters of every contract with one grouped query, not one per contract or beneficiary', async () => {
    app.takeQueries()
    const r = await benoit.gql(`{ contracts { id forfaitCounters { usedCents beneficiary { firstName } guarantee { label } } } }`)
    expect(r.errors).toBeUndefined()
    const statements = app.takeQueries().filter(q => !/sessions/.test(q))
    expect(statements.filter(q => /sum\(/i.test(q))).toHaveLength(1)
    expect(statements.length).toBeLessThanOrEqual(6)
  })

  it('gives the schedule with due date, amount, employer share, status and method, its yearly total and the SEPA mandate', async () => {
    const { data } = await benoit.gql(CONTRACT)
    const schedule = data.contract.contributionSchedule
    expect(schedule).toHaveLength(12)
    expect(schedule.map((i: any) => i.dueDate)).toEqual([...schedule.map((i: any) => i.dueDate)].sort())
    expect(schedule[0]).toMatchObject({ dueDate: '2026-05-05', amountCents: 13740, employerShareCents: 4500, status: 'PAID', method: 'SEPA_DIRECT_DEBIT' })
    // one debit was rejected four months ago and presented again with the next one, with the contract's 8 € fee;
    // the ones from December on are to come
    expect(schedule.find((i: any) => i.dueDate === '2026-07-05')).toMatchObject({
      status: 'REJECTED',
      paidAt: null,
      settlement: 'PAID',
      representedOn: '2026-08-05',
      rejectionFeeCents: 800,
      note: 'Représentée avec le prélèvement du 05/08/2026 et payée. Frais de rejet\u00a0: 8,00\u00A0€.',
    })
    expect(schedule.find((i: any) => i.dueDate === '2026-08-05')).toMatchObject({
      status: 'PAID',
      amountCents: 13740,
      debitCents: 2 * 13740 + 800,
      represented: [{ dueDate: '2026-07-05', amountCents: 13740, rejectionFeeCents: 800 }],
      note: 'Prélèvement de 282,80\u00A0€\u00a0: il inclut l\'échéance du 05/07/2026 représentée (137,40\u00A0€) et 8,00\u00A0€ de frais de rejet.',
    })
    expect(schedule.filter((i: any) => i.status === 'SCHEDULED').map((i: any) => i.dueDate)).toEqual(['2026-12-05', '2027-01-05', '2027-02-05', '2027-03-05', '2027-04-05'])
    // 12 × 137,40 € = 1 648,80 € for Benoit, 12 × 45 € = 540 € for the employer, 8 € of rejection fee;
    // 7 instalments paid (July's with August's debit) with the fee, nothing to settle, 5 to come
    expect(data.contract.contributionSummary).toMatchObject({
      periodStart: '2026-05-01',
      periodEnd: '2027-04-30',
      instalmentCount: 12,
      memberTotalCents: 164880,
      employerTotalCents: 54000,
      totalCents: 218880,
      rejectionFeesCents: 800,
      yearlyTotalCents: 164880 + 800,
      paidCents: 7 * 13740 + 800,
      toSettleCents: 0,
      rejectedCents: 13740,
      upcomingCents: 5 * 13740,
    })
    expect(data.contract.contributionSummary.mandate).toEqual({
      reference: 'HZN-RUM-202897774-0002',
      creditorIdentifier: expect.stringMatching(/^FR\d{2}ZZZ548217$/),
      signedAt: expect.any(String),
      status: 'ACTIVE',
      accountIbanMasked: 'FR76 **** * 4859 9384',
    })
  })

  it('reads another household\'s contract as not found', async () => {
    const r = await camille.gql(CONTRACT, { id: main().id })
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect(r.data?.contract ?? null).toBeNull()
    const missing = await camille.gql(CONTRACT, { id: 'no-such-contract' })
    expect(missing.errors?.[0]).toEqual(r.errors?.[0])
    const own = await camille.gql(`{ contracts { label forfaitCounters { beneficiary { firstName } } contributionSummary { mandate { reference } } } }`)
    expect(own.data.contracts).toHaveLength(1)
    expect(own.data.contracts[0].contributionSummary.mandate.reference).toBe('HZN-RUM-310452286-0001')
    expect(new Set(own.data.contracts[0].forfaitCounters.map((c: any) => c.beneficiary.firstName))).toEqual(new Set(['Camille', 'Noé']))
  })

  it('refuses contracts to anonymous callers and to advisors', async () => {
    const anonymous = await app.client().gql(CONTRACT, { id: main().id })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(anonymous.data?.contract ?? null).toBeNull()
    const advisor = await app.as('advisor')
    expect((await advisor.gql(CONTRACT)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})
