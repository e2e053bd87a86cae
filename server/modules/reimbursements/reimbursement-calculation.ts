import type { Queryable } from '../../db/client.ts'
import type { BeneficiaryRow, ContractRow } from '../../core/loaders.ts'
import type { CareType } from '../../db/schema/index.ts'
import type { EngineResult, GuaranteeRule, WithholdingKind } from './engine.ts'
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sum } from 'drizzle-orm'
import { contractBeneficiariesTable as cb, contractsTable as c, guaranteesTable as g, reimbursementsTable as r, WITHHOLDING_KINDS } from '../../db/schema/index.ts'
import { CARE_REFERENCES, computeReimbursement, withholdingCapGroup } from './engine.ts'

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
 * The contract and guarantee that pay a care: among the contracts covering the beneficiary that
 * day, the main one when it covers the care type, else the first that does. One contract pays:
 * supplementary contracts (Renfort) stacking on the main one are handled by advisors.
 */
export function applicableGuarantee(db: Queryable, memberId: string, beneficiaryId: string, careType: CareType, date: string): { contract: ContractRow, guarantee: GuaranteeRow | null } | null {
  const contracts = contractsCovering(db, memberId, beneficiaryId, date)
  if (!contracts.length)
    return null
  // a change of option ends some lines and starts others: the lines in force on the care date
  const guarantees = db.select().from(g).where(and(inArray(g.contractId, contracts.map(k => k.id)), eq(g.careType, careType), or(isNull(g.validFrom), lte(g.validFrom, date)), or(isNull(g.validTo), gte(g.validTo, date)))).orderBy(asc(g.sortOrder)).all()
  for (const contract of contracts) {
    const guarantee = guarantees.find(x => x.contractId === contract.id)
    if (guarantee)
      return { contract, guarantee }
  }
  return { contract: contracts[0]!, guarantee: null }
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
  const row = db.select({ total: sum(r.forfaitUsedCents) }).from(r)
    .where(and(eq(r.beneficiaryId, beneficiaryId), eq(r.guaranteeId, guaranteeId), gte(r.careDate, first), lte(r.careDate, last)))
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
}

export interface CareComputation {
  contract: ContractRow
  guarantee: GuaranteeRow | null
  result: EngineResult
}

/**
 * Runs the engine on a care the way the mutuelle pays it: the guarantee of the covering contract,
 * what is left of its forfait this year and what was already withheld this year. Null when no
 * contract covered the beneficiary on the care date.
 */
export function computeCare(db: Queryable, care: CareToPay): CareComputation | null {
  const applicable = applicableGuarantee(db, care.memberId, care.beneficiary.id, care.careType, care.careDate)
  if (!applicable)
    return null
  const { contract, guarantee } = applicable
  const result = computeReimbursement({
    careType: care.careType,
    expenseCents: care.expenseCents,
    socialSecurityBaseCents: care.socialSecurityBaseCents,
    socialSecurityPaidCents: care.socialSecurityPaidCents,
    quantity: 1,
    beneficiaryIsMinor: isMinorOn(care.beneficiary.birthDate, care.careDate),
    hundredPercentSanteBasket: care.hundredPercentSanteBasket ?? false,
    withheldThisYearCents: withheldInYear(db, care.beneficiary.id, CARE_REFERENCES[care.careType].withholding, care.careDate),
    forfaitUsedThisYearCents: guarantee ? forfaitUsedInYear(db, care.beneficiary.id, guarantee.id, care.careDate) : 0,
    guarantee: guarantee ? guaranteeRule(guarantee) : null,
  })
  return { contract, guarantee, result }
}

/** The amount columns of a reimbursement row, as the engine computed them. */
export function amountColumns(result: EngineResult) {
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
