import type { Context } from '../../context.ts'
import type { ContractRow } from '../../core/loaders.ts'
import type { UserError } from '../../core/errors.ts'
import type { Queryable, Tx } from '../../db/client.ts'
import type { JourneyStatus } from '../../db/schema/index.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { OfferOption } from './offer-catalogue.ts'
import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm'
import { addDays, addMonths, nowIso, today as todayOf } from '../../core/clock.ts'
import { firstOfMonth, isIsoDate } from '../../core/calendar.ts'
import { userError } from '../../core/errors.ts'
import { lazy } from '../../core/lazy.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'
import { requireMember } from '../../core/viewer.ts'
import { prepared } from '../../db/prepared.ts'
import { beneficiariesTable, commercialJourneysTable as j, contractAmendmentsTable, contractBeneficiariesTable as cb, contractsTable, contributionInstalmentsTable, guaranteesTable as g, procedureEventsTable, proceduresTable as p } from '../../db/schema/index.ts'
import { termsOn } from '../contracts/contract.service.ts'
import { DECISION_WORKING_DAYS, nextProcedureReference } from '../procedures/reimbursement-request.service.ts'
import { addWorkingDays } from '../procedures/working-days.ts'
import { findOption, householdMonthlyCents, optionByLabel, optionsOfProduct } from './offer-catalogue.ts'

export type JourneyRow = typeof j.$inferSelect

/** A change of option starts on the 1st of one of the next this-many months. */
export const START_MONTHS_AHEAD = 12

/** The start dates a member may choose: the 1st of each of the coming months, never today or before. */
export function allowedStartDates(today: string): string[] {
  const first = addMonths(firstOfMonth(today), 1)
  return Array.from({ length: START_MONTHS_AHEAD }, (_, i) => addMonths(first, i))
}

export interface PricedOption { code: string, label: string, summary: string, monthlyContributionCents: number }

export interface JourneyView {
  id: string
  status: JourneyStatus
  productLabel: string
  contractId: string
  coveredFirstNames: string[]
  currentOption: PricedOption
  chosenOption: PricedOption | null
  startDate: string
  startDates: string[]
  options: PricedOption[]
  createdAt: string
  updatedAt: string
  procedureId: string | null
}

/** The people the contract covers on a day (their relationship prices the option). */
function coveredOn(db: Queryable, contractId: string, date: string) {
  return db.select({ firstName: beneficiariesTable.firstName, relationship: beneficiariesTable.relationship, rank: beneficiariesTable.rank }).from(cb)
    .innerJoin(beneficiariesTable, eq(beneficiariesTable.id, cb.beneficiaryId))
    .where(and(eq(cb.contractId, contractId), lte(cb.startDate, date), or(isNull(cb.endDate), gte(cb.endDate, date))))
    .orderBy(asc(beneficiariesTable.rank)).all()
}

function amendmentsOf(db: Queryable, contractId: string) {
  return db.select().from(contractAmendmentsTable).where(eq(contractAmendmentsTable.contractId, contractId)).orderBy(asc(contractAmendmentsTable.effectiveDate)).all()
}

function priced(option: OfferOption, people: { relationship: string }[]): PricedOption {
  return { code: option.code, label: option.label, summary: option.summary, monthlyContributionCents: householdMonthlyCents(option, people) }
}

function view(db: Queryable, row: JourneyRow, contract: ContractRow, today: string): JourneyView {
  // the home page lists journeys by id and status only: the covered people, the contract's terms
  // and the options' prices are worked out when asked for
  const people = lazy(() => coveredOn(db, contract.id, row.startDate > today ? row.startDate : today))
  const priceOf = (option: OfferOption) => priced(option, people())
  const currentOption = lazy((): PricedOption => {
    // the option in force on the chosen start: the one the member leaves
    const terms = termsOn(contract, amendmentsOf(db, contract.id).filter(a => !row.procedureId || a.procedureId !== row.procedureId), row.startDate)
    const current = optionByLabel(contract.productLabel, terms.optionLabel)
    return current ? priceOf(current) : { code: '', label: terms.optionLabel, summary: '', monthlyContributionCents: terms.monthlyContributionCents }
  })
  return {
    id: row.id,
    status: row.status,
    productLabel: contract.productLabel,
    contractId: contract.id,
    get coveredFirstNames() { return people().map(b => b.firstName) },
    get currentOption() { return currentOption() },
    get chosenOption() {
      const chosen = findOption(contract.productLabel, row.optionCode)
      return chosen ? priceOf(chosen) : null
    },
    startDate: row.startDate,
    get startDates() { return allowedStartDates(today) },
    get options() { return optionsOfProduct(contract.productLabel).map(priceOf) },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    procedureId: row.procedureId,
  }
}

/** A journey read whole inside its transaction, for a mutation's answer. */
function settledView(db: Queryable, row: JourneyRow, contract: ContractRow, today: string): JourneyView {
  return { ...view(db, row, contract, today) }
}

/** The household's démarches commerciales, those still in progress first, then the newest. */
export function listCommercialJourneys(ctx: Context): JourneyView[] {
  const { memberId } = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  // the home page asks on every visit
  const rows = prepared(ctx.db, 'journeys.ofMember', () => ctx.db.select({ journey: j, contract: contractsTable }).from(j)
    .innerJoin(contractsTable, eq(contractsTable.id, j.contractId))
    .where(eq(j.memberId, sql.placeholder('memberId'))).orderBy(desc(j.updatedAt), desc(j.id)).prepare()).all({ memberId })
  return rows
    .sort((a, b) => Number(b.journey.status === 'IN_PROGRESS') - Number(a.journey.status === 'IN_PROGRESS'))
    .map(r => view(ctx.db, r.journey, r.contract, today))
}

export interface JourneyResult { journey: JourneyView | null, procedure: ProcedureRow | null, errors: UserError[] }

const failed = (...errors: UserError[]): JourneyResult => ({ journey: null, procedure: null, errors })

/** The journey of the household, still open; another household's id reads as a missing one. */
function openJourney(tx: Queryable, memberId: string, journeyId: string): { row: JourneyRow, contract: ContractRow } | UserError {
  const found = tx.select({ journey: j, contract: contractsTable }).from(j)
    .innerJoin(contractsTable, eq(contractsTable.id, j.contractId))
    .where(and(eq(j.id, journeyId), eq(j.memberId, memberId))).get()
  if (!found)
    return userError('journeyId', 'NOT_FOUND', 'Cette démarche commerciale est introuvable.')
  if (found.journey.status === 'FINALISED')
    return userError('journeyId', 'JOURNEY_CLOSED', 'Cette démarche est déjà finalisée\u00a0: elle est entre les mains de votre conseiller.')
  if (found.journey.status === 'ABANDONED')
    return userError('journeyId', 'JOURNEY_CLOSED', 'Vous avez abandonné cette démarche\u00a0: elle ne peut plus être reprise.')
  return { row: found.journey, contract: found.contract }
}

/** The checks of a choice of option and start date, as the member resumes or finalises. */
function checkChoice(tx: Queryable, contract: ContractRow, optionCode: string, startDate: string, today: string): UserError[] {
  const errors: UserError[] = []
  const option = findOption(contract.productLabel, optionCode)
  if (!option)
    errors.push(userError('optionCode', 'UNKNOWN_OPTION', 'Cette option n\'existe pas pour votre contrat\u00a0: choisissez l\'une des options proposées.'))
  if (!isIsoDate(startDate))
    errors.push(userError('startDate', 'INVALID_START_DATE', 'Choisissez la date de début parmi celles proposées.'))
  else if (startDate <= today)
    errors.push(userError('startDate', 'PAST_DATE', 'La date de début doit être à venir\u00a0: choisissez le 1er d\'un prochain mois.'))
  else if (!allowedStartDates(today).includes(startDate))
    errors.push(userError('startDate', 'INVALID_START_DATE', `Un changement d'option commence le 1er d'un mois, dans les ${START_MONTHS_AHEAD} prochains mois.`))
  else if (option && termsOn(contract, amendmentsOf(tx, contract.id), startDate).optionLabel === option.label)
    errors.push(userError('optionCode', 'SAME_OPTION', `${option.label} sera déjà votre option à cette date\u00a0: choisissez-en une autre.`))
  return errors
}

export interface ResumeInput { journeyId: string, optionCode: string, startDate: string }

/** « Reprendre »: the member changes the option or the start date of an open journey. */
export function resumeCommercialJourney(ctx: Context, input: ResumeInput): JourneyResult {
  const { memberId } = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const open = openJourney(tx, memberId, input.journeyId)
    if ('code' in open)
      return failed(open)
    const errors = checkChoice(tx, open.contract, input.optionCode, input.startDate, today)
    if (errors.length)
      return failed(...errors)
    const row = tx.update(j).set({ optionCode: input.optionCode, startDate: input.startDate, updatedAt: now }).where(eq(j.id, open.row.id)).returning().get()
    return { journey: settledView(tx, row, open.contract, today), procedure: null, errors: [] }
  }, { behavior: 'immediate' })
}

/** What the advisor's decision needs, kept on the AFFILIATION démarche. */
export interface OptionChangeDetails {
  journeyId: string
  contractId: string
  productLabel: string
  fromOption: string
  toOption: string
  toOptionCode: string
  startDate: string
  monthlyBeforeCents: number
  monthlyAfterCents: number
  coveredCount: number
}

/** « Finaliser »: files the change as an « Affiliation » démarche that an advisor decides. */
export function finaliseCommercialJourney(ctx: Context, journeyId: string): JourneyResult {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const open = openJourney(tx, viewer.memberId, journeyId)
    if ('code' in open)
      return failed(open)
    const errors = checkChoice(tx, open.contract, open.row.optionCode, open.row.startDate, today)
      // a journey left for months may hold a start that has passed since
      .map(e => e.code === 'PAST_DATE' ? userError('startDate', 'PAST_DATE', `La date de début choisie (${frenchDate(open.row.startDate)}) est passée\u00a0: reprenez votre parcours pour en choisir une autre.`) : e)
    if (errors.length)
      return failed(...errors)
    const current = view(tx, open.row, open.contract, today)
    const chosen = current.chosenOption!
    const details: OptionChangeDetails = {
      journeyId: open.row.id,
      contractId: open.contract.id,
      productLabel: open.contract.productLabel,
      fromOption: current.currentOption.label,
      toOption: chosen.label,
      toOptionCode: chosen.code,
      startDate: open.row.startDate,
      monthlyBeforeCents: current.currentOption.monthlyContributionCents,
      monthlyAfterCents: chosen.monthlyContributionCents,
      coveredCount: current.coveredFirstNames.length,
    }
    const procedure = tx.insert(p).values({
      memberId: viewer.memberId,
      kind: 'AFFILIATION',
      status: 'SUBMITTED',
      reference: nextProcedureReference(tx, today.slice(0, 4)),
      submittedAt: now,
      updatedAt: now,
      estimatedDecisionDate: addWorkingDays(today, DECISION_WORKING_DAYS),
      details: { ...details },
    }).returning().get()
    tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'SUBMITTED', at: now, actorAccountId: viewer.accountId }).run()
    const row = tx.update(j).set({ status: 'FINALISED', procedureId: procedure.id, updatedAt: now }).where(eq(j.id, open.row.id)).returning().get()
    return { journey: settledView(tx, row, open.contract, today), procedure, errors: [] }
  }, { behavior: 'immediate' })
}

/** « Abandonner »: the journey is closed and nothing changes on the contract. */
export function abandonCommercialJourney(ctx: Context, journeyId: string): JourneyResult {
  const { memberId } = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const open = openJourney(tx, memberId, journeyId)
    if ('code' in open)
      return failed(open)
    const row = tx.update(j).set({ status: 'ABANDONED', updatedAt: now }).where(eq(j.id, open.row.id)).returning().get()
    return { journey: settledView(tx, row, open.contract, today), procedure: null, errors: [] }
  }, { behavior: 'immediate' })
}

export function optionChangeDetails(procedure: ProcedureRow): OptionChangeDetails | null {
  const d = procedure.details as Partial<OptionChangeDetails> | null
  if (procedure.kind !== 'AFFILIATION' || !d || typeof d.contractId !== 'string' || typeof d.toOptionCode !== 'string' || typeof d.startDate !== 'string')
    return null
  return d as OptionChangeDetails
}

/**
 * An accepted change of option, applied to the contract from its start date: the guarantee lines
 * in force end the day before and the new option's lines begin; the amendment carries the option
 * and the price; the instalments due from then are debited at the new price. Care before the date
 * keeps being paid under the old lines (the engine picks the lines in force on the care date).
 */
export function applyOptionChange(tx: Tx, procedure: ProcedureRow, today: string, now: string): { note: string } | UserError {
  const d = optionChangeDetails(procedure)
  const contract = d ? tx.select().from(contractsTable).where(and(eq(contractsTable.id, d.contractId), eq(contractsTable.memberId, procedure.memberId))).get() : undefined
  const option = d && contract ? findOption(contract.productLabel, d.toOptionCode) : null
  if (!d || !contract || !option)
    return userError(null, 'INCOMPLETE_REQUEST', 'La démarche ne désigne pas un contrat et une option connus\u00a0: refusez-la en l\'expliquant.')
  if (d.startDate <= today)
    return userError(null, 'PAST_DATE', `La date de début (${frenchDate(d.startDate)}) est passée\u00a0: refusez la démarche en invitant l'adhérent à en choisir une nouvelle.`)
  const start = d.startDate
  // lines of an earlier change not yet in force give way; those in force end the day before
  tx.delete(g).where(and(eq(g.contractId, contract.id), gte(g.validFrom, start))).run()
  tx.update(g).set({ validTo: addDays(start, -1) }).where(and(eq(g.contractId, contract.id), or(isNull(g.validTo), gte(g.validTo, start)))).run()
  tx.insert(g).values(option.guarantees.map((spec, index) => ({
    contractId: contract.id,
    careType: spec.careType,
    label: spec.label,
    brssPercent: spec.brssPercent,
    yearlyForfaitCents: spec.yearlyForfaitCents ?? null,
    perActCeilingCents: spec.perActCeilingCents ?? null,
    hundredPercentSante: spec.hundredPercentSante ?? false,
    sortOrder: index + 1,
    validFrom: start,
  }))).run()
  const monthly = householdMonthlyCents(option, coveredOn(tx, contract.id, start))
  tx.delete(contractAmendmentsTable).where(and(eq(contractAmendmentsTable.contractId, contract.id), gte(contractAmendmentsTable.effectiveDate, start))).run()
  tx.insert(contractAmendmentsTable).values({ contractId: contract.id, procedureId: procedure.id, effectiveDate: start, optionLabel: option.label, monthlyContributionCents: monthly, createdAt: now }).run()
  tx.update(contributionInstalmentsTable).set({ amountCents: Math.max(0, monthly - contract.employerParticipationCents) })
    .where(and(eq(contributionInstalmentsTable.contractId, contract.id), eq(contributionInstalmentsTable.status, 'SCHEDULED'), gte(contributionInstalmentsTable.dueDate, start))).run()
  return { note: `Changement d'option accepté\u00a0: ${option.label} à partir du ${frenchDate(start)}, pour une cotisation mensuelle de ${formatEuros(monthly)}. Vos nouvelles garanties s'appliquent aux soins reçus à partir de cette date.` }
}
