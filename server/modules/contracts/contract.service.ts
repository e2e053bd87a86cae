import type { Context } from '../../context.ts'
import type { BeneficiaryRow, ContractRow, SepaMandateRow } from '../../core/loaders.ts'
import type { contractAmendmentsTable, guaranteesTable } from '../../db/schema/index.ts'
import type { InstalmentRow, ScheduleLine, ScheduleTotals } from './contribution-schedule.ts'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { addDays, addMonths, today } from '../../core/clock.ts'
import { notFound } from '../../core/errors.ts'
import { requireMember } from '../../core/viewer.ts'
import { prepared } from '../../db/prepared.ts'
import { contractsTable } from '../../db/schema/index.ts'
import { maskIban } from '../bank-accounts/mask-iban.ts'
import { buildSchedule } from './contribution-schedule.ts'

export type GuaranteeRow = typeof guaranteesTable.$inferSelect
export type { InstalmentRow }

export function listContracts(ctx: Context): ContractRow[] {
  const { memberId } = requireMember(ctx.viewer)
  return ctx.db.select().from(contractsTable).where(eq(contractsTable.memberId, memberId))
    .orderBy(desc(contractsTable.main), asc(contractsTable.startDate)).all()
}

/** A contract of the household by id, or the main one when no id is given; NOT_FOUND otherwise. */
export function getOwnContract(ctx: Pick<Context, 'db' | 'viewer'>, id?: string | null): ContractRow {
  const { memberId } = requireMember(ctx.viewer)
  // the home page, the card and every contract page start here
  const row = id
    ? prepared(ctx.db, 'contracts.own', () => ctx.db.select().from(contractsTable).where(and(eq(contractsTable.id, sql.placeholder('id')), eq(contractsTable.memberId, sql.placeholder('memberId')))).prepare()).get({ id, memberId })
    : prepared(ctx.db, 'contracts.main', () => ctx.db.select().from(contractsTable).where(eq(contractsTable.memberId, sql.placeholder('memberId'))).orderBy(desc(contractsTable.main), asc(contractsTable.startDate)).limit(1).prepare()).get({ memberId })
  if (!row)
    throw notFound()
  return row
}

export interface Coverage { beneficiary: BeneficiaryRow, startDate: string, endDate: string | null }

/** Who the contract covers and since when, by rank; the contract was scoped by its parent query. */
export async function contractCoverages(ctx: Context, contract: ContractRow): Promise<Coverage[]> {
  const links = await ctx.loaders.contractBeneficiaries.load(contract.id)
  const people = await ctx.loaders.beneficiary.loadMany(links.map(l => l.beneficiaryId))
  const coverages: Coverage[] = []
  links.forEach((link, i) => {
    const beneficiary = people[i]
    if (beneficiary && !(beneficiary instanceof Error))
      coverages.push({ beneficiary, startDate: link.startDate, endDate: link.endDate })
  })
  return coverages.sort((a, b) => a.beneficiary.rank - b.beneficiary.rank)
}

export interface ForfaitCounterView {
  beneficiary: BeneficiaryRow
  guarantee: GuaranteeRow
  careType: string
  year: number
  yearlyCents: number
  usedCents: number
  remainingCents: number
  resetDate: string
}

/**
 * For each covered beneficiary and each guarantee with a yearly forfait: what reimbursements of
 * care given this calendar year took from it. Forfaits restart on 1 January, as the engine counts.
 */
export async function forfaitCounters(ctx: Context, contract: ContractRow): Promise<ForfaitCounterView[]> {
  const year = Number(today(ctx.clock).slice(0, 4))
  const [coverages, guarantees, usage] = await Promise.all([
    contractCoverages(ctx, contract),
    guaranteesToday(ctx, contract),
    ctx.loaders.forfaitUsage.load(`${contract.id}|${year}`),
  ])
  const withForfait = guarantees.filter(g => g.yearlyForfaitCents != null && g.yearlyForfaitCents > 0)
  const counters: ForfaitCounterView[] = []
  for (const { beneficiary } of coverages) {
    for (const guarantee of withForfait) {
      const yearlyCents = guarantee.yearlyForfaitCents!
      const usedCents = usage.get(`${beneficiary.id}|${guarantee.id}`) ?? 0
      counters.push({
        beneficiary,
        guarantee,
        careType: guarantee.careType,
        year,
        yearlyCents,
        usedCents,
        remainingCents: Math.max(0, yearlyCents - usedCents),
        resetDate: `${year + 1}-01-01`,
      })
    }
  }
  return counters
}

export interface MandateView {
  id: string
  reference: string
  creditorIdentifier: string
  signedAt: string
  status: string
  lastDebitAt: string | null
  accountIbanMasked: string
}

export function mandateView(row: SepaMandateRow): MandateView {
  return {
    id: row.id,
    reference: row.reference,
    creditorIdentifier: row.creditorIdentifier,
    signedAt: row.signedAt,
    status: row.status,
    lastDebitAt: row.lastDebitAt,
    accountIbanMasked: maskIban(row.iban),
  }
}

export interface ContributionSummaryView extends ScheduleTotals {
  periodStart: string | null
  periodEnd: string | null
  instalmentCount: number
  totalCents: number
  mandate: MandateView | null
}

export function summariseInstalments(instalments: InstalmentRow[]): Omit<ContributionSummaryView, 'mandate'> {
  const { totals } = buildSchedule(instalments)
  const dues = instalments.map(i => i.dueDate).sort()
  const periodStart = dues[0] ? `${dues[0].slice(0, 7)}-01` : null
  return {
    periodStart,
    // a monthly schedule covers twelve months from the first due month
    periodEnd: periodStart ? addDays(addMonths(periodStart, 12), -1) : null,
    instalmentCount: instalments.length,
    ...totals,
    totalCents: totals.memberTotalCents + totals.employerTotalCents,
  }
}

/** The échéancier's lines: each instalment with what its debit presented again and where it stands. */
export async function contributionLines(ctx: Context, contract: ContractRow): Promise<ScheduleLine[]> {
  return buildSchedule(await ctx.loaders.instalmentsByContract.load(contract.id)).lines
}

/** Totals of the échéancier and the mandate in force on the contributions account. */
export async function contributionSummary(ctx: Context, contract: ContractRow): Promise<ContributionSummaryView> {
  const [instalments, mandate] = await Promise.all([
    ctx.loaders.instalmentsByContract.load(contract.id),
    ctx.loaders.contributionMandate.load(contract.memberId),
  ])
  return { ...summariseInstalments(instalments), mandate: mandate ? mandateView(mandate) : null }
}

export type AmendmentRow = typeof contractAmendmentsTable.$inferSelect

/** Whether a guarantee line applies on a day: a change of option ends some lines and starts others. */
export function guaranteeInForce(g: Pick<GuaranteeRow, 'validFrom' | 'validTo'>, date: string): boolean {
  return (g.validFrom === null || g.validFrom <= date) && (g.validTo === null || g.validTo >= date)
}

export interface ContractTerms { optionLabel: string, monthlyContributionCents: number }

/** Option and monthly price on a day: the last change of option in force then, else as subscribed. */
export function termsOn(contract: ContractRow, amendments: AmendmentRow[], date: string): ContractTerms {
  const amendment = amendments.filter(a => a.effectiveDate <= date).at(-1)
  return amendment
    ? { optionLabel: amendment.optionLabel, monthlyContributionCents: amendment.monthlyContributionCents }
    : { optionLabel: contract.optionLabel, monthlyContributionCents: contract.monthlyContributionCents }
}

export async function termsToday(ctx: Context, contract: ContractRow): Promise<ContractTerms> {
  return termsOn(contract, await ctx.loaders.amendmentsByContract.load(contract.id), today(ctx.clock))
}

/** The guarantee table in force today. */
export async function guaranteesToday(ctx: Context, contract: ContractRow): Promise<GuaranteeRow[]> {
  const date = today(ctx.clock)
  return (await ctx.loaders.guaranteesByContract.load(contract.id)).filter(g => guaranteeInForce(g, date))
}

export interface UpcomingChangeView extends ContractTerms {
  effectiveDate: string
  employerParticipationCents: number
  guarantees: GuaranteeRow[]
}

/** The next change of option decided but not yet in force, with the guarantee table it brings. */
export async function upcomingChange(ctx: Context, contract: ContractRow): Promise<UpcomingChangeView | null> {
  const date = today(ctx.clock)
  const next = (await ctx.loaders.amendmentsByContract.load(contract.id)).find(a => a.effectiveDate > date)
  if (!next)
    return null
  const guarantees = (await ctx.loaders.guaranteesByContract.load(contract.id)).filter(g => guaranteeInForce(g, next.effectiveDate))
  return { effectiveDate: next.effectiveDate, optionLabel: next.optionLabel, monthlyContributionCents: next.monthlyContributionCents, employerParticipationCents: contract.employerParticipationCents, guarantees }
}
