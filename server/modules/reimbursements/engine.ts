import type { CareType } from '../../db/schema/index.ts'
import { AMOUNT_WORDS } from '../../core/amount-words.ts'
import { formatEuros } from '../../core/format.ts'

/**
 * The reimbursement engine: a pure function from one act, its décompte (when known) and the
 * guarantees of the contracts covering it to the split Social Security / each contract /
 * out-of-pocket, with a line-by-line French explanation. Social Security pays first, then the main
 * contract, then each top-up (surcomplémentaire) on what is left, each within its own guarantee and
 * forfait. Amounts are integer euro cents and always add up.
 */

export type WithholdingKind = 'NONE' | 'PARTICIPATION_FORFAITAIRE' | 'FRANCHISE_MEDICINE' | 'FRANCHISE_PARAMEDICAL' | 'FRANCHISE_TRANSPORT'

/** One line of the tableau de garanties, as the engine needs it. */
export interface GuaranteeRule {
  careType: CareType
  label: string
  /** "% BRSS, Sécurité sociale incluse" (100, 150, 200…); null for a forfait-only guarantee. */
  brssPercent: number | null
  /** Yearly amount per beneficiary, in cents, paid on top of the % BRSS. */
  yearlyForfaitCents: number | null
  /** Most the mutuelle pays for one act, in cents. */
  perActCeilingCents: number | null
  /** Covers the 100 % Santé basket in full (contrat responsable). */
  hundredPercentSante: boolean
}

/** What Social Security usually applies to a care type, used when there is no décompte. */
export interface CareReference {
  /** French label of the care type, as shown to members. */
  label: string
  socialSecurityRatePercent: number
  /** Typical BRSS of one act, in cents; capped at the expense. */
  referenceBaseCents: number
  /** The BRSS is the price itself (medicines, biology, public hospital stays: no dépassements). */
  baseFollowsExpense: boolean
  withholding: WithholdingKind
}

export const CARE_REFERENCES: Record<CareType, CareReference> = {
  CONSULTATION: { label: 'Consultation', socialSecurityRatePercent: 70, referenceBaseCents: 3000, baseFollowsExpense: false, withholding: 'PARTICIPATION_FORFAITAIRE' },
  PHARMACY: { label: 'Pharmacie', socialSecurityRatePercent: 65, referenceBaseCents: 0, baseFollowsExpense: true, withholding: 'FRANCHISE_MEDICINE' },
  LABORATORY: { label: 'Analyses de laboratoire', socialSecurityRatePercent: 60, referenceBaseCents: 0, baseFollowsExpense: true, withholding: 'PARTICIPATION_FORFAITAIRE' },
  RADIOLOGY: { label: 'Radiologie', socialSecurityRatePercent: 70, referenceBaseCents: 0, baseFollowsExpense: true, withholding: 'PARTICIPATION_FORFAITAIRE' },
  HOSPITAL: { label: 'Hospitalisation', socialSecurityRatePercent: 80, referenceBaseCents: 0, baseFollowsExpense: true, withholding: 'NONE' },
  // soins conservateurs; a crown's BRSS (120 €) only comes with the décompte or the quote
  DENTAL: { label: 'Soins dentaires', socialSecurityRatePercent: 70, referenceBaseCents: 3000, baseFollowsExpense: false, withholding: 'NONE' },
  // adult lenses and frames have a near-zero BRSS: the mutuelle's forfait does the work
  OPTICS: { label: 'Optique', socialSecurityRatePercent: 60, referenceBaseCents: 9, baseFollowsExpense: false, withholding: 'NONE' },
  AUDIOLOGY: { label: 'Audiologie', socialSecurityRatePercent: 60, referenceBaseCents: 40000, baseFollowsExpense: false, withholding: 'NONE' },
  // a physiotherapy session (7,5 AMK at 2,28 €)
  PARAMEDICAL: { label: 'Auxiliaires médicaux', socialSecurityRatePercent: 60, referenceBaseCents: 1710, baseFollowsExpense: false, withholding: 'FRANCHISE_PARAMEDICAL' },
  // not reimbursed by Social Security at all: only a forfait of the mutuelle
  ALTERNATIVE_MEDICINE: { label: 'Médecines douces', socialSecurityRatePercent: 0, referenceBaseCents: 0, baseFollowsExpense: false, withholding: 'NONE' },
}

/** Amount per act or box, and the most withheld on one care day (décret 2024-114). */
const WITHHOLDING_RULES: Record<Exclude<WithholdingKind, 'NONE'>, { unitCents: number, dailyCapCents: number | null, label: string, unit: [string, string] }> = {
  PARTICIPATION_FORFAITAIRE: { unitCents: 200, dailyCapCents: 400, label: 'Participation forfaitaire', unit: ['acte', 'actes'] },
  FRANCHISE_MEDICINE: { unitCents: 100, dailyCapCents: null, label: 'Franchise médicale', unit: ['boîte de médicaments', 'boîtes de médicaments'] },
  FRANCHISE_PARAMEDICAL: { unitCents: 100, dailyCapCents: 400, label: 'Franchise médicale', unit: ['acte paramédical', 'actes paramédicaux'] },
  FRANCHISE_TRANSPORT: { unitCents: 400, dailyCapCents: 800, label: 'Franchise sur les transports', unit: ['transport', 'transports'] },
}

/** Each yearly cap is 50 € per beneficiary. */
export const YEARLY_WITHHOLDING_CAP_CENTS = 5000

/**
 * Participations forfaitaires have their own 50 € cap; the three franchises share one.
 * Callers key their running totals of withheld amounts with this.
 */
export function withholdingCapGroup(kind: WithholdingKind): 'NONE' | 'PARTICIPATION_FORFAITAIRE' | 'FRANCHISE' {
  if (kind === 'NONE' || kind === 'PARTICIPATION_FORFAITAIRE')
    return kind
  return 'FRANCHISE'
}

export interface EngineInput {
  careType: CareType
  expenseCents: number
  /** BRSS from the décompte; default: the CARE_REFERENCES base, capped at the expense. */
  socialSecurityBaseCents?: number | null
  /** Default: the CARE_REFERENCES rate. */
  socialSecurityRatePercent?: number | null
  /** What Social Security actually paid (net of withholdings), from the décompte, when known. */
  socialSecurityPaidCents?: number | null
  /** Medicine boxes or acts, for participations and franchises (default 1). */
  quantity?: number
  beneficiaryIsMinor: boolean
  /** The act belongs to a 100 % Santé basket (optics class A, dental basket, audiology class I). */
  hundredPercentSanteBasket?: boolean
  /** Already withheld this calendar year for this beneficiary in the same cap group (see withholdingCapGroup). */
  withheldThisYearCents?: number
  /** Forfait of this guarantee already consumed this calendar year by this beneficiary. */
  forfaitUsedThisYearCents?: number
  /** null: the care is not covered by the contract. */
  guarantee: GuaranteeRule | null
}

/** One contract paying part of a care, in the order contracts pay (main first, then each top-up). */
export interface PayerInput {
  /** Contract name members know, e.g. "Horizon Renfort". */
  contractLabel: string
  guarantee: GuaranteeRule
  /** Forfait of this guarantee already consumed this calendar year by this beneficiary. */
  forfaitUsedThisYearCents?: number
}

/** A care paid by several contracts: only those whose guarantees cover the care type are payers. */
export interface SplitInput extends Omit<EngineInput, 'guarantee' | 'forfaitUsedThisYearCents'> {
  payers: PayerInput[]
}

/** What one contract paid. */
export interface PayerShare {
  contractLabel: string
  guaranteeLabel: string
  percentPartCents: number
  forfaitPartCents: number
  /** percent part + forfait part. */
  amountCents: number
  /** Forfait of this contract's guarantee consumed by this care. */
  forfaitUsedCents: number
}

export interface EngineResult {
  expenseCents: number
  socialSecurityBaseCents: number
  socialSecurityRatePercent: number
  /** True when the base or the rate came from CARE_REFERENCES rather than the décompte. */
  usedReferenceBase: boolean
  socialSecurityGrossCents: number
  withheldCents: number
  withholdingKind: WithholdingKind
  /** Net paid by Social Security: gross − withheld. */
  socialSecurityCents: number
  mutuellePercentPartCents: number
  mutuelleForfaitPartCents: number
  mutuelleCents: number
  /** expense − socialSecurity − mutuelle, never negative; includes the withheld amount. */
  outOfPocketCents: number
  /** Forfait consumed by this act. */
  forfaitUsedCents: number
  /** Plain-French lines for "Pourquoi ce montant ?". */
  explanation: string[]
}

export interface SplitResult extends EngineResult {
  /** One line per contract, in paying order; their amounts add up to mutuelleCents. */
  payers: PayerShare[]
}

/** Rate × amount, rounded half up to the cent; integer inputs keep .5 cases exact. */
function percentOf(cents: number, percent: number): number {
  return Math.round(cents * percent / 100)
}

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer number of cents, got ${value}`)
}

export function computeSplit(input: SplitInput): SplitResult {
  const reference = CARE_REFERENCES[input.careType]
  const expense = input.expenseCents
  assertCents('expenseCents', expense)
  const quantity = input.quantity ?? 1
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`)
  const explanation: string[] = [`${AMOUNT_WORDS.expense}\u00a0: ${formatEuros(expense)}`]

  // Social Security: its rate applies to the BRSS, never to the price paid
  const baseFromDecompte = input.socialSecurityBaseCents != null
  const base = baseFromDecompte
    ? input.socialSecurityBaseCents!
    : reference.baseFollowsExpense ? expense : Math.min(reference.referenceBaseCents, expense)
  assertCents('socialSecurityBaseCents', base)
  const rate = input.socialSecurityRatePercent ?? reference.socialSecurityRatePercent
  if (!Number.isFinite(rate) || rate < 0 || rate > 100)
    throw new RangeError(`socialSecurityRatePercent must be between 0 and 100, got ${rate}`)
  // nothing is estimated for a care Social Security does not reimburse at all
  const usedReferenceBase = (!baseFromDecompte || input.socialSecurityRatePercent == null) && reference.socialSecurityRatePercent > 0
  const rawGross = percentOf(base, rate)
  const computedGross = Math.min(rawGross, expense)

  if (base === 0 && rate === 0) {
    explanation.push('Ce soin n\'est pas remboursé par la Sécurité sociale.')
  }
  else {
    const origin = baseFromDecompte
      ? 'd\'après le décompte de la Sécurité sociale'
      : reference.baseFollowsExpense ? 'égale au prix, sans décompte de la Sécurité sociale' : 'base de référence de ce soin, sans décompte de la Sécurité sociale'
    explanation.push(`${AMOUNT_WORDS.base} de la Sécurité sociale (BRSS)\u00a0: ${formatEuros(base)} (${origin})`)
  }

  // participations and franchises are kept by Social Security, within a daily and a yearly cap
  const candidate = withholdingCandidate(reference.withholding, quantity, input.beneficiaryIsMinor, input.withheldThisYearCents ?? 0)
  let gross: number
  let withheld: number
  const paid = input.socialSecurityPaidCents
  if (paid != null) {
    assertCents('socialSecurityPaidCents', paid)
    const net = Math.min(paid, expense)
    withheld = Math.min(candidate.cents, computedGross, expense - net)
    gross = net + withheld
  }
  else {
    gross = computedGross
    withheld = Math.min(candidate.cents, gross)
  }
  const socialSecurity = gross - withheld
  const withholdingKind: WithholdingKind = withheld > 0 ? reference.withholding : 'NONE'

  if (rate > 0 || base > 0) {
    if (paid != null)
      explanation.push(`Sécurité sociale\u00a0: ${formatEuros(gross)} avant retenue, d'après le décompte`)
    else if (rawGross > expense)
      explanation.push(`Sécurité sociale\u00a0: ${rate} % de ${formatEuros(base)} = ${formatEuros(rawGross)}, limité à la dépense\u00a0: ${formatEuros(gross)}`)
    else
      explanation.push(`Sécurité sociale\u00a0: ${rate} % de ${formatEuros(base)} = ${formatEuros(gross)}`)
  }
  explanation.push(...candidate.notes)
  if (withheld > 0) {
    const rule = WITHHOLDING_RULES[withholdingKind as Exclude<WithholdingKind, 'NONE'>]
    const units = `${quantity} ${rule.unit[quantity > 1 ? 1 : 0]}`
    explanation.push(`${rule.label} retenue par la Sécurité sociale (${units})\u00a0: ${formatEuros(withheld)}, que votre mutuelle n'a pas le droit de rembourser`)
  }
  if (rate > 0 || base > 0)
    explanation.push(`${AMOUNT_WORDS.socialSecurity}\u00a0: ${formatEuros(socialSecurity)}`)

  // the mutuelle may only cover what is left above the gross share, so withholdings stay with the member
  const room = Math.max(0, expense - gross)
  const several = input.payers.length > 1
  const payers: PayerShare[] = []
  let paidBefore = 0
  if (!input.payers.length)
    explanation.push('Ce soin n\'est pas couvert par votre contrat\u00a0: votre mutuelle ne verse rien.')
  for (const payer of input.payers) {
    const share = contractShare(payer, { base, gross, expense, paidBefore, room: room - paidBefore, several, basket: input.hundredPercentSanteBasket ?? false })
    explanation.push(...share.lines)
    payers.push(share.share)
    paidBefore += share.share.amountCents
  }
  const mutuelle = paidBefore
  const percentPart = payers.reduce((t, p) => t + p.percentPartCents, 0)
  const forfaitPart = payers.reduce((t, p) => t + p.forfaitPartCents, 0)
  if (several) {
    const paying = payers.filter(p => p.amountCents > 0)
    explanation.push(paying.length > 1
      ? `${AMOUNT_WORDS.mutuelle}\u00a0: ${formatEuros(mutuelle)} (${paying.map(p => `${p.contractLabel} ${formatEuros(p.amountCents)}`).join(' + ')})`
      : `${AMOUNT_WORDS.mutuelle}\u00a0: ${formatEuros(mutuelle)}`)
  }
  else {
    explanation.push(`${AMOUNT_WORDS.mutuelle}\u00a0: ${formatEuros(mutuelle)}`)
  }

  const outOfPocket = expense - socialSecurity - mutuelle
  explanation.push(withheld > 0
    ? `${AMOUNT_WORDS.outOfPocket}\u00a0: ${formatEuros(outOfPocket)}, dont ${WITHHOLDING_RULES[withholdingKind as Exclude<WithholdingKind, 'NONE'>].label.toLowerCase()}\u00a0: ${formatEuros(withheld)}`
    : `${AMOUNT_WORDS.outOfPocket}\u00a0: ${formatEuros(outOfPocket)}`)

  return {
    expenseCents: expense,
    socialSecurityBaseCents: base,
    socialSecurityRatePercent: rate,
    usedReferenceBase,
    socialSecurityGrossCents: gross,
    withheldCents: withheld,
    withholdingKind,
    socialSecurityCents: socialSecurity,
    mutuellePercentPartCents: percentPart,
    mutuelleForfaitPartCents: forfaitPart,
    mutuelleCents: mutuelle,
    outOfPocketCents: outOfPocket,
    forfaitUsedCents: forfaitPart,
    payers,
    explanation,
  }
}

/** The engine on one contract: what the member's single guarantee (or none) pays. */
export function computeReimbursement(input: EngineInput): EngineResult {
  const { guarantee, forfaitUsedThisYearCents, ...care } = input
  return computeSplit({ ...care, payers: guarantee ? [{ contractLabel: '', guarantee, forfaitUsedThisYearCents }] : [] })
}

interface ShareContext {
  base: number
  gross: number
  expense: number
  /** Paid by the contracts before this one. */
  paidBefore: number
  /** What this contract may still pay: expense − gross − paidBefore. */
  room: number
  several: boolean
  basket: boolean
}

/** One contract's part, on what Social Security and the contracts before it left. */
function contractShare(payer: PayerInput, x: ShareContext): { share: PayerShare, lines: string[] } {
  const guarantee = payer.guarantee
  const lines: string[] = []
  const name = x.several ? `Contrat «\u00a0${payer.contractLabel}\u00a0», garantie «\u00a0${guarantee.label}\u00a0»` : `Votre garantie «\u00a0${guarantee.label}\u00a0»`
  let percentPart = 0
  let forfaitPart = 0
  if (x.basket && guarantee.hundredPercentSante) {
    percentPart = x.room
    lines.push(`Équipement ou soin du panier 100 % Santé\u00a0: ${x.several ? name.replace('Contrat', 'le contrat') : `votre garantie «\u00a0${guarantee.label}\u00a0»`} prend en charge tout le reste de la dépense, soit ${formatEuros(x.room)}`)
  }
  else {
    // amounts first, then the lines, so each line shows what was finally paid
    const target = guarantee.brssPercent != null ? percentOf(x.base, guarantee.brssPercent) : 0
    const already = x.gross + x.paidBefore
    const uncapped = Math.max(0, target - already)
    percentPart = Math.min(uncapped, x.room)
    const roomLimited = percentPart < uncapped
    const forfaitLeft = guarantee.yearlyForfaitCents != null ? Math.max(0, guarantee.yearlyForfaitCents - (payer.forfaitUsedThisYearCents ?? 0)) : 0
    forfaitPart = Math.min(forfaitLeft, x.room - percentPart)
    const ceiling = guarantee.perActCeilingCents
    const ceilingApplied = ceiling != null && percentPart + forfaitPart > ceiling
    if (ceilingApplied) {
      // trim the forfait first, so what is not needed stays available for later acts
      const excess = percentPart + forfaitPart - ceiling
      const fromForfait = Math.min(excess, forfaitPart)
      forfaitPart -= fromForfait
      percentPart -= excess - fromForfait
    }

    if (guarantee.brssPercent != null) {
      lines.push(x.paidBefore > 0
        ? `${name}\u00a0: ${guarantee.brssPercent} % de la BRSS, Sécurité sociale et contrats précédents inclus, soit ${formatEuros(target)} − ${formatEuros(already)} = ${formatEuros(uncapped)}`
        : `${name}\u00a0: ${guarantee.brssPercent} % de la BRSS, Sécurité sociale incluse, soit ${formatEuros(target)} − ${formatEuros(x.gross)} = ${formatEuros(uncapped)}`)
      if (roomLimited) {
        lines.push(x.paidBefore > 0
          ? `Limité à ${formatEuros(x.room)}\u00a0: ce qui reste de la dépense après la Sécurité sociale et les contrats précédents (${formatEuros(x.expense)} − ${formatEuros(x.gross)} − ${formatEuros(x.paidBefore)})`
          : `Limité à ${formatEuros(x.room)}\u00a0: la part de votre mutuelle ne peut dépasser la dépense moins la part de la Sécurité sociale (${formatEuros(x.expense)} − ${formatEuros(x.gross)})`)
      }
    }
    else {
      lines.push(name)
    }
    if (guarantee.yearlyForfaitCents != null)
      lines.push(`Forfait annuel de ${formatEuros(guarantee.yearlyForfaitCents)}\u00a0: ${formatEuros(forfaitLeft)} encore disponibles cette année, dont ${formatEuros(forfaitPart)} utilisés pour ce soin`)
    if (ceilingApplied)
      lines.push(x.several ? `Plafond de ${formatEuros(ceiling)} par acte\u00a0: la part de ce contrat est limitée à ce montant` : `Plafond de ${formatEuros(ceiling)} par acte\u00a0: la part de votre mutuelle est limitée à ce montant`)
  }
  const amount = percentPart + forfaitPart
  if (x.several)
    lines.push(`${AMOUNT_WORDS.mutuelle}, contrat «\u00a0${payer.contractLabel}\u00a0»\u00a0: ${formatEuros(amount)}`)
  return {
    share: { contractLabel: payer.contractLabel, guaranteeLabel: guarantee.label, percentPartCents: percentPart, forfaitPartCents: forfaitPart, amountCents: amount, forfaitUsedCents: forfaitPart },
    lines,
  }
}

function withholdingCandidate(kind: WithholdingKind, quantity: number, minor: boolean, withheldThisYear: number): { cents: number, notes: string[] } {
  if (kind === 'NONE')
    return { cents: 0, notes: [] }
  const rule = WITHHOLDING_RULES[kind]
  if (minor)
    return { cents: 0, notes: [`Pas de ${rule.label.toLowerCase()}\u00a0: le bénéficiaire a moins de 18 ans.`] }
  assertCents('withheldThisYearCents', withheldThisYear)
  const left = Math.max(0, YEARLY_WITHHOLDING_CAP_CENTS - withheldThisYear)
  let cents = rule.unitCents * quantity
  if (rule.dailyCapCents != null)
    cents = Math.min(cents, rule.dailyCapCents)
  const notes: string[] = []
  if (cents > left) {
    notes.push(left === 0
      ? `Plafond annuel de ${formatEuros(YEARLY_WITHHOLDING_CAP_CENTS)} atteint\u00a0: plus rien n'est retenu cette année.`
      : `Plafond annuel de ${formatEuros(YEARLY_WITHHOLDING_CAP_CENTS)} presque atteint\u00a0: seuls ${formatEuros(left)} sont retenus.`)
    cents = left
  }
  return { cents, notes }
}
