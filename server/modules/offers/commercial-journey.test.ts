import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addDays, addMonths, today as todayOf } from '../../core/clock.ts'
import { firstOfMonth } from '../../core/calendar.ts'
import { beneficiariesTable, commercialJourneysTable, contractsTable, contributionInstalmentsTable, guaranteesTable, proceduresTable, reimbursementsTable } from '../../db/schema/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { uploadId } from '../../test/files.ts'
import { findOption, householdMonthlyCents } from './offer-catalogue.ts'

const JOURNEYS = `{ commercialJourneys { id status productLabel coveredFirstNames startDate startDates
  currentOption { code label monthlyContributionCents } chosenOption { code label monthlyContributionCents }
  options { code label monthlyContributionCents } procedure { id kind status reference } } }`
const PAYLOAD = `errors { field code message } journey { id status startDate chosenOption { code } } procedure { id kind status reference estimatedDecisionDate }`
const RESUME = `mutation($input: ResumeCommercialJourneyInput!) { resumeCommercialJourney(input: $input) { ${PAYLOAD} } }`
const FINALISE = `mutation($id: ID!) { finaliseCommercialJourney(journeyId: $id) { ${PAYLOAD} } }`
const ABANDON = `mutation($id: ID!) { abandonCommercialJourney(journeyId: $id) { ${PAYLOAD} } }`
const DECIDE = `mutation($id: ID!, $decision: Decision!, $note: String) { decideProcedure(procedureId: $id, decision: $decision, note: $note) {
  errors { code message } task { ... on ProcedureTask { procedure { status decisionNote optionChange { productLabel fromOption toOption startDate monthlyBeforeCents monthlyAfterCents coveredCount } } } } } }`
const CONTRACT = `query($id: ID) { contract(id: $id) { option monthlyContributionCents memberMonthlyContributionCents guarantees { careType label }
  upcomingChange { effectiveDate optionLabel monthlyContributionCents guarantees { careType label } } contributionSchedule { dueDate amountCents status } } }`

describe('démarches commerciales (Offre & devis)', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient
  let today: string
  const household = () => app.db.select().from(beneficiariesTable).all().filter(b => b.lastName === 'Garnier')

  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    advisor = await app.as('advisor')
    today = todayOf(app.clock)
  })
  afterAll(() => app.close())

  const journey = async () => (await benoit.gql(JOURNEYS)).data.commercialJourneys[0]
  const mainContract = () => app.db.select().from(contractsTable).where(and(eq(contractsTable.main, true), eq(contractsTable.productLabel, 'Garanties sociale interministériel'))).get()!
  /** Puts the demo journey back in progress, from Option A to Option B. */
  const reopen = (changes: Partial<typeof commercialJourneysTable.$inferInsert> = {}) =>
    app.db.update(commercialJourneysTable).set({ status: 'IN_PROGRESS', optionCode: 'B', startDate: addMonths(firstOfMonth(today), 2), procedureId: null, ...changes }).run()

  beforeEach(() => reopen())

  it('shows Benoit his unfinished change from Option A to Option B, priced for his household', async () => {
    const j = await journey()
    const people = household()
    expect(j).toMatchObject({
      status: 'IN_PROGRESS',
      productLabel: 'Garanties sociale interministériel',
      coveredFirstNames: ['Benoit', 'Sarah', 'Louise', 'Hélia', 'Léa'],
      currentOption: { code: 'A', label: 'Option A', monthlyContributionCents: mainContract().monthlyContributionCents },
      chosenOption: { code: 'B', label: 'Option B', monthlyContributionCents: householdMonthlyCents(findOption('Garanties sociale interministériel', 'B')!, people) },
      startDate: addMonths(firstOfMonth(today), 2),
      procedure: null,
    })
    expect(j.startDates[0]).toBe(addMonths(firstOfMonth(today), 1))
    expect(j.startDates).toHaveLength(12)
    expect(j.options.map((o: { code: string }) => o.code)).toEqual(['A', 'B', 'C'])
    expect((await camille.gql(JOURNEYS)).data.commercialJourneys).toEqual([])
  })

  it('resumes the journey with another option and start date', async () => {
    const { id, startDates } = await journey()
    const r = await benoit.gql(RESUME, { input: { journeyId: id, optionCode: 'C', startDate: startDates[0] } })
    expect(r.data.resumeCommercialJourney.errors).toEqual([])
    expect(r.data.resumeCommercialJourney.journey).toMatchObject({ status: 'IN_PROGRESS', startDate: startDates[0], chosenOption: { code: 'C' } })
  })

  it.each([
    ['an option the product does not offer', { optionCode: 'Z' }, 'optionCode', 'UNKNOWN_OPTION'],
    ['the option already in force', { optionCode: 'A' }, 'optionCode', 'SAME_OPTION'],
    ['a start date in the past', { startDate: '2026-01-01' }, 'startDate', 'PAST_DATE'],
    ['a start date today', { startDate: '<today>' }, 'startDate', 'PAST_DATE'],
    ['a start date not on the 1st of a month', { startDate: '<mid-month>' }, 'startDate', 'INVALID_START_DATE'],
    ['a start date beyond a year', { startDate: '<far>' }, 'startDate', 'INVALID_START_DATE'],
  ])('refuses %s in French and saves nothing', async (_, change, field, code) => {
    const before = app.db.select().from(commercialJourneysTable).all()
    const { id } = await journey()
    const dates: Record<string, string> = { '<today>': today, '<mid-month>': addDays(addMonths(firstOfMonth(today), 2), 14), '<far>': addMonths(firstOfMonth(today), 14) }
    const input = { journeyId: id, optionCode: 'B', startDate: addMonths(firstOfMonth(today), 3), ...change }
    input.startDate = dates[input.startDate] ?? input.startDate
    const r = await benoit.gql(RESUME, { input })
    expect(r.data.resumeCommercialJourney.journey).toBeNull()
    expect(r.data.resumeCommercialJourney.errors).toEqual([expect.objectContaining({ field, code })])
    expect(r.data.resumeCommercialJourney.errors[0].message).toMatch(/[àéèêç]|option|date/i)
    expect(app.db.select().from(commercialJourneysTable).all()).toEqual(before)
  })

  it('answers another household\'s journey exactly like a missing one, and changes nothing', async () => {
    const { id, startDates } = await journey()
    for (const mutation of [RESUME, FINALISE, ABANDON]) {
      const vars = mutation === RESUME ? { input: { journeyId: id, optionCode: 'C', startDate: startDates[0] } } : { id }
      const foreign = Object.values((await camille.gql(mutation, vars)).data)[0] as { errors: unknown[] }
      const missing = Object.values((await benoit.gql(mutation, mutation === RESUME ? { input: { ...vars.input, journeyId: '00000000-0000-4000-8000-000000000001' } } : { id: '00000000-0000-4000-8000-000000000001' })).data)[0] as { errors: unknown[] }
      expect(foreign.errors).toEqual(missing.errors)
      expect(foreign.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })])
    }
    expect((await journey()).status).toBe('IN_PROGRESS')
  })

  it('abandons a journey, after which it can neither be resumed, finalised nor abandoned again', async () => {
    const { id, startDates } = await journey()
    const r = await benoit.gql(ABANDON, { id })
    expect(r.data.abandonCommercialJourney.journey.status).toBe('ABANDONED')
    const procedures = app.db.select().from(proceduresTable).all().length
    for (const [mutation, vars] of [[RESUME, { input: { journeyId: id, optionCode: 'C', startDate: startDates[0] } }], [FINALISE, { id }], [ABANDON, { id }]] as const) {
      const payload = Object.values((await benoit.gql(mutation, vars)).data)[0] as { errors: { code: string, message: string }[] }
      expect(payload.errors).toEqual([expect.objectContaining({ code: 'JOURNEY_CLOSED', message: 'Vous avez abandonné cette démarche\u00a0: elle ne peut plus être reprise.' })])
    }
    expect(app.db.select().from(proceduresTable).all()).toHaveLength(procedures)
  })

  it('refuses to finalise a journey whose start date has passed since it was left', async () => {
    reopen({ startDate: firstOfMonth(today) })
    const { id } = await journey()
    const r = await benoit.gql(FINALISE, { id })
    expect(r.data.finaliseCommercialJourney.errors).toEqual([expect.objectContaining({ field: 'startDate', code: 'PAST_DATE' })])
    expect((await journey()).status).toBe('IN_PROGRESS')
  })

  it('finalises into an « Affiliation » démarche that the advisor accepts: the contract changes option from the chosen date', async () => {
    const { id, chosenOption, currentOption, startDate } = await journey()
    const contract = mainContract()
    const r = await benoit.gql(FINALISE, { id })
    const filed = r.data.finaliseCommercialJourney
    expect(filed.errors).toEqual([])
    expect(filed.journey.status).toBe('FINALISED')
    expect(filed.procedure).toMatchObject({ kind: 'AFFILIATION', status: 'SUBMITTED' })
    // finalising twice is refused
    expect((await benoit.gql(FINALISE, { id })).data.finaliseCommercialJourney.errors[0].code).toBe('JOURNEY_CLOSED')

    // the advisor sees it in the queue, with the change and no contract number
    const queue = (await advisor.gql(`{ advisorQueue(kind: AFFILIATION) { nodes { ... on ProcedureTask { id } } } }`)).data.advisorQueue.nodes
    expect(queue.map((t: { id: string }) => t.id)).toContain(filed.procedure.id)
    const opened = await advisor.gql(`query($id: ID!) { advisorProcedure(id: $id) { procedure { kind optionChange { fromOption toOption startDate monthlyBeforeCents monthlyAfterCents coveredCount } } } }`, { id: filed.procedure.id })
    expect(opened.errors).toBeUndefined()
    expect(opened.data.advisorProcedure.procedure.optionChange).toEqual({ fromOption: 'Option A', toOption: 'Option B', startDate, monthlyBeforeCents: currentOption.monthlyContributionCents, monthlyAfterCents: chosenOption.monthlyContributionCents, coveredCount: 5 })
    expect(JSON.stringify(opened.data)).not.toContain(contract.number)

    const before = (await benoit.gql(CONTRACT, { id: contract.id })).data.contract
    const decided = await advisor.gql(DECIDE, { id: filed.procedure.id, decision: 'ACCEPT' })
    expect(decided.data.decideProcedure.errors).toEqual([])
    expect(decided.data.decideProcedure.task.procedure.status).toBe('ACCEPTED')
    expect(decided.data.decideProcedure.task.procedure.decisionNote).toContain('Option B à partir du')

    // today nothing changes yet; the change and its guarantee table are announced
    const after = (await benoit.gql(CONTRACT, { id: contract.id })).data.contract
    expect(after.option).toBe('Option A')
    expect(after.monthlyContributionCents).toBe(before.monthlyContributionCents)
    expect(after.guarantees).toEqual(before.guarantees)
    expect(after.upcomingChange).toMatchObject({ effectiveDate: startDate, optionLabel: 'Option B', monthlyContributionCents: chosenOption.monthlyContributionCents })
    expect(after.upcomingChange.guarantees.find((g: { careType: string }) => g.careType === 'OPTICS').label).toContain('600 €')
    // instalments due from the start date are debited at the new price, earlier ones are not
    for (const i of after.contributionSchedule) {
      const old = before.contributionSchedule.find((x: { dueDate: string }) => x.dueDate === i.dueDate)
      expect(i.amountCents).toBe(i.dueDate >= startDate && i.status === 'SCHEDULED' ? chosenOption.monthlyContributionCents - contract.employerParticipationCents : old.amountCents)
    }
    expect(after.contributionSchedule.some((i: { dueDate: string }) => i.dueDate >= startDate)).toBe(true)
  })

  it('pays care from the start date under the new option, and care before it under the old one', async () => {
    // the clock moves to the start date of the change accepted above: Ma mutuelle shows Option B
    const startDate = app.db.select().from(proceduresTable).where(and(eq(proceduresTable.kind, 'AFFILIATION'), eq(proceduresTable.status, 'ACCEPTED'))).get()!.details!.startDate as string
    app.clock.advance(Date.parse(`${startDate}T09:00:00.000Z`) - app.clock.now().getTime())
    const member = await app.as('benoit')
    const staff = await app.as('advisor')
    const c = (await member.gql(CONTRACT, { id: mainContract().id })).data.contract
    expect(c.option).toBe('Option B')
    expect(c.upcomingChange).toBeNull()
    expect(c.guarantees.find((g: { careType: string }) => g.careType === 'OPTICS').label).toContain('600 €')
    const sarah = household().find(b => b.firstName === 'Sarah')!
    const paid = async (careDate: string) => {
      const sent = await member.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { code } procedure { id } } }`, {
        input: { beneficiaryId: sarah.id, careType: 'CONSULTATION', careDate, abroad: false, amountCents: 6000, socialSecurityBaseCents: 3000, socialSecurityPaidCents: 1900, attachmentIds: [await uploadId(member)] },
      })
      expect(sent.data.submitReimbursementRequest.errors).toEqual([])
      expect((await staff.gql(DECIDE, { id: sent.data.submitReimbursementRequest.procedure.id, decision: 'ACCEPT' })).data.decideProcedure.errors).toEqual([])
      const row = app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, sent.data.submitReimbursementRequest.procedure.id)).get()!
      return { row, guarantee: app.db.select().from(guaranteesTable).where(eq(guaranteesTable.id, row.guaranteeId!)).get()! }
    }
    // a consultation the day before is paid at Option A's 150 % of the base, one on the day at Option B's 200 %
    const before = await paid(addDays(startDate, -1))
    const after = await paid(startDate)
    expect(before.guarantee.brssPercent).toBe(findOption('Garanties sociale interministériel', 'A')!.guarantees.find(g => g.careType === 'CONSULTATION')!.brssPercent)
    expect(after.guarantee.brssPercent).toBe(findOption('Garanties sociale interministériel', 'B')!.guarantees.find(g => g.careType === 'CONSULTATION')!.brssPercent)
    expect(after.row.mutuelleCents).toBeGreaterThan(before.row.mutuelleCents)
  })
})

describe('the instalments of the demo', () => {
  it('price Option A for the household as the price list does', async () => {
    const app = await startTestApp()
    try {
      const contract = app.db.select().from(contractsTable).where(eq(contractsTable.optionLabel, 'Option A')).get()!
      const people = app.db.select().from(beneficiariesTable).all().filter(b => b.memberId === contract.memberId)
      expect(householdMonthlyCents(findOption(contract.productLabel, 'A')!, people)).toBe(contract.monthlyContributionCents)
      const instalment = app.db.select().from(contributionInstalmentsTable).where(eq(contributionInstalmentsTable.contractId, contract.id)).get()!
      expect(instalment.amountCents).toBe(contract.monthlyContributionCents - contract.employerParticipationCents)
    }
    finally {
      await app.close()
    }
  })
})
