import type { Queryable } from '../../db/client.ts'
import type { BeneficiaryRow, ContractRow } from '../../core/loaders.ts'
import type { CareType } from '../../db/schema/index.ts'
import type { GuaranteeRule, PayerShare, SplitResult, WithholdingKind } from './engine.ts'
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sum } from 'drizzle-orm'
import { contractBeneficiariesTable as cb, contractsTable as c, guaranteesTable as g, reimbursementSharesTable as sh, reimbursementsTable as r, WITHHOLDING_KINDS } from '../../db/schema/index.ts'
import { CARE_REFERENCES, computeSplit, withholdingCapGroup } from './engine.ts'

export type GuaranteeRow = typeof g.$inferSelect

/** Whole years of age on a day: participations and franchises spare minors. */
export function isMinorOn(birthDate: string, date: string): boolean {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return (date.slice(5) < birthDate.slice(5) ? years - 1 : years) < 18
}

/** The household's contracts covering a beneficiary on a day (both the contract and the beneficiary's membership of it). */
export function contractsCovering(db: Queryable, memberId: string, beneficiaryId: string, date: string): ContractRow[] {
  return db.select({ contract: c }).from(c)
    .innerJoin(cb, eq(cb.contractId, c.id))
    .where(and(
      eq(c.memberId, memberId),
      eq(cb.beneficiaryId, beneficiaryId),
      lte(cb.startDate, date),
      or(isNull(cb.endDate), gte(cb.endDate, date)),
      lte(c.startDate, date),
      or(isNull(c.endDate), gte(c.endDate, date)),
    ))
    .orderBy(desc(c.main), asc(c.startDate))
    .all()
    .map(row => row.contract)
}

/**
 * The contracts that pay a care, in paying order: among the contracts covering the beneficiary that
 * day, the main one, then each top-up by start date; only those with a guarantee for the care type.
 * Null when no contract covered the beneficiary that day; an empty list when none covers the care.
 */
export function payingGuarantees(db: Queryable, memberId: string, beneficiaryId: string, careType: CareType, date: string): { covering: ContractRow[], payers: { contract: ContractRow, guarantee: GuaranteeRow }[] } | null {
  const covering = contractsCovering(db, memberId, beneficiaryId, date)
  if (!covering.length)
    return null
  // a change of option ends some lines and starts others: every contract pays under its lines in force on the care date
  const guarantees = db.select().from(g).where(and(inArray(g.contractId, covering.map(k => k.id)), eq(g.careType, careType), or(isNull(g.validFrom), lte(g.validFrom, date)), or(isNull(g.validTo), gte(g.validTo, date)))).orderBy(asc(g.sortOrder)).all()
  const payers = covering.flatMap((contract) => {
    const guarantee = guarantees.find(x => x.contractId === contract.id)
    return guarantee ? [{ contract, guarantee }] : []
  })
  return { covering, payers }
}

export function guaranteeRule(row: GuaranteeRow): GuaranteeRule {
  return {
    careType: row.careType,
    label: row.label,
    brssPercent: row.brssPercent,
    yearlyForfaitCents: row.yearlyForfaitCents,
    perActCeilingCents: row.perActCeilingCents,
    hundredPercentSante: row.hundredPercentSante,
  }
}

function yearBounds(date: string): [string, string] {
  const year = date.slice(0, 4)
  return [`${year}-01-01`, `${year}-12-31`]
}

/** Forfait of a guarantee the beneficiary already used in the calendar year of `date`, in cents. */
export function forfaitUsedInYear(db: Queryable, beneficiaryId: string, guaranteeId: string, date: string): number {
  const [first, last] = yearBounds(date)
  const row = db.select({ total: sum(sh.forfaitUsedCents) }).from(sh)
    .innerJoin(r, eq(r.id, sh.reimbursementId))
    .where(and(eq(sh.guaranteeId, guaranteeId), eq(r.beneficiaryId, beneficiaryId), gte(r.careDate, first), lte(r.careDate, last)))
    .get()
  return Number(row?.total ?? 0)
}

/** Participations or franchises (same yearly cap group) already withheld from the beneficiary that year, in cents. */
export function withheldInYear(db: Queryable, beneficiaryId: string, kind: WithholdingKind, date: string): number {
  const group = withholdingCapGroup(kind)
  if (group === 'NONE')
    return 0
  const kinds = WITHHOLDING_KINDS.filter(k => k !== 'NONE' && withholdingCapGroup(k) === group)
  const [first, last] = yearBounds(date)
  const row = db.select({ total: sum(r.withheldCents) }).from(r)
    .where(and(eq(r.beneficiaryId, beneficiaryId), inArray(r.withholdingKind, kinds), gte(r.careDate, first), lte(r.careDate, last)))
    .get()
  return Number(row?.total ?? 0)
}

export interface CareToPay {
  memberId: string
  beneficiary: Pick<BeneficiaryRow, 'id' | 'birthDate'>
  careType: CareType
  careDate: string
  /** What the member paid, in euro cents (converted when abroad). */
  expenseCents: number
  /** From the Social Security décompte, in euro cents, when the member has it. */
  socialSecurityBaseCents: number | null
  socialSecurityPaidCents: number | null
  /** The care belongs to a « 100 % Santé » basket (quotes say so). */
  hundredPercentSanteBasket?: boolean
  /** Forfait already promised, not yet paid, per guarantee id (prises en charge: earlier agreements and earlier lines of the same quote). */
  forfaitCommittedCents?: Record<string, number>
}

export interface PaidShare {
  contract: ContractRow
  guarantee: GuaranteeRow
  share: PayerShare
}

export interface CareComputation {
  /** The first contract that paid, else the first whose guarantee covers the care, else the main covering contract. */
  contract: ContractRow
  guarantee: GuaranteeRow | null
  /** Every contract with a guarantee for the care, in paying order, with its part (possibly 0). */
  shares: PaidShare[]
  result: SplitResult
}

/**
 * Runs the engine on a care the way the mutuelle pays it: Social Security, then the guarantee of
 * each covering contract in order, each with what is left of its forfait this year, and what was
 * already withheld this year. Null when no contract covered the beneficiary on the care date.
 */
export function computeCare(db: Queryable, care: CareToPay): CareComputation | null {
  const paying = payingGuarantees(db, care.memberId, care.beneficiary.id, care.careType, care.careDate)
  if (!paying)
    return null
  const result = computeSplit({
    careType: care.careType,
    expenseCents: care.expenseCents,
    socialSecurityBaseCents: care.socialSecurityBaseCents,
    socialSecurityPaidCents: care.socialSecurityPaidCents,
    quantity: 1,
    beneficiaryIsMinor: isMinorOn(care.beneficiary.birthDate, care.careDate),
    hundredPercentSanteBasket: care.hundredPercentSanteBasket ?? false,
    withheldThisYearCents: withheldInYear(db, care.beneficiary.id, CARE_REFERENCES[care.careType].withholding, care.careDate),
    payers: paying.payers.map(({ contract, guarantee }) => ({
      contractLabel: contract.productLabel,
      guarantee: guaranteeRule(guarantee),
      forfaitUsedThisYearCents: forfaitUsedInYear(db, care.beneficiary.id, guarantee.id, care.careDate) + (care.forfaitCommittedCents?.[guarantee.id] ?? 0),
    })),
  })
  const shares = paying.payers.map((payer, index) => ({ ...payer, share: result.payers[index]! }))
  const first = shares.find(s => s.share.amountCents > 0) ?? shares[0]
  return { contract: first?.contract ?? paying.covering[0]!, guarantee: first?.guarantee ?? null, shares, result }
}

/** The amount columns of a reimbursement row, as the engine computed them. */
export function amountColumns(result: SplitResult) {
  return {
    expenseCents: result.expenseCents,
    socialSecurityBaseCents: result.socialSecurityBaseCents,
    socialSecurityRatePercent: result.socialSecurityRatePercent,
    socialSecurityCents: result.socialSecurityCents,
    withheldCents: result.withheldCents,
    withholdingKind: result.withholdingKind,
    mutuelleCents: result.mutuelleCents,
    forfaitUsedCents: result.forfaitUsedCents,
    outOfPocketCents: result.outOfPocketCents,
    explanation: result.explanation,
  }
}

/** One reimbursement_shares row per contract with a guarantee for the care, in paying order. */
export function shareRows(reimbursementId: string, shares: { contractId: string, guaranteeId: string, share: PayerShare }[]) {
  return shares.map((s, index) => ({
    reimbursementId,
    rank: index + 1,
    contractId: s.contractId,
    guaranteeId: s.guaranteeId,
    amountCents: s.share.amountCents,
    forfaitUsedCents: s.share.forfaitUsedCents,
  }))
}
