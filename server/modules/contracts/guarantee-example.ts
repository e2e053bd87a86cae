import type { CareType } from '../../db/schema/index.ts'
import type { EngineResult, GuaranteeRule } from '../reimbursements/engine.ts'
import { formatEuros } from '../../core/format.ts'
import { computeReimbursement } from '../reimbursements/engine.ts'

/**
 * "Comprendre mes garanties": one typical act per care type, paid by the same engine as real
 * claims, so the example can never disagree with a reimbursement. Adult beneficiary (so
 * participations and franchises apply), nothing withheld or used yet this year.
 */
interface Scenario {
  /** The act, after "Pour …". */
  act: string
  expenseCents: number
  socialSecurityBaseCents: number
  socialSecurityRatePercent: number
}

// prices and bases of ordinary acts (Assurance Maladie tariffs, rounded); dépassements show how % BRSS caps
export const EXAMPLE_SCENARIOS: Record<CareType, Scenario> = {
  CONSULTATION: { act: 'une consultation chez un spécialiste', expenseCents: 5000, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70 },
  PHARMACY: { act: 'une boîte de médicaments remboursée à 65 %', expenseCents: 1000, socialSecurityBaseCents: 1000, socialSecurityRatePercent: 65 },
  LABORATORY: { act: 'un bilan sanguin', expenseCents: 4000, socialSecurityBaseCents: 4000, socialSecurityRatePercent: 60 },
  RADIOLOGY: { act: 'une radiographie', expenseCents: 4000, socialSecurityBaseCents: 4000, socialSecurityRatePercent: 70 },
  HOSPITAL: { act: 'une hospitalisation de deux nuits en clinique', expenseCents: 145000, socialSecurityBaseCents: 112000, socialSecurityRatePercent: 80 },
  DENTAL: { act: 'une couronne céramo-métallique hors panier 100 % Santé', expenseCents: 50000, socialSecurityBaseCents: 12000, socialSecurityRatePercent: 70 },
  // adult frames and lenses have a near-zero base: the forfait does the work
  OPTICS: { act: 'des lunettes (monture et verres) hors 100 % Santé', expenseCents: 50000, socialSecurityBaseCents: 9, socialSecurityRatePercent: 60 },
  AUDIOLOGY: { act: 'une aide auditive de classe II', expenseCents: 150000, socialSecurityBaseCents: 40000, socialSecurityRatePercent: 60 },
  PARAMEDICAL: { act: 'une séance de kinésithérapie', expenseCents: 1710, socialSecurityBaseCents: 1710, socialSecurityRatePercent: 60 },
  ALTERNATIVE_MEDICINE: { act: 'une séance d\'ostéopathie', expenseCents: 6000, socialSecurityBaseCents: 0, socialSecurityRatePercent: 0 },
}

/** The 100 % Santé baskets (optique classe A, dentaire, audiologie classe I) at their capped prices. */
export const HUNDRED_PERCENT_SANTE_SCENARIOS: Partial<Record<CareType, Scenario>> = {
  DENTAL: { act: 'une couronne céramo-métallique du panier 100 % Santé', expenseCents: 50000, socialSecurityBaseCents: 12000, socialSecurityRatePercent: 70 },
  OPTICS: { act: 'des lunettes 100 % Santé (classe A)', expenseCents: 9900, socialSecurityBaseCents: 3200, socialSecurityRatePercent: 60 },
  AUDIOLOGY: { act: 'une aide auditive 100 % Santé (classe I)', expenseCents: 95000, socialSecurityBaseCents: 40000, socialSecurityRatePercent: 60 },
}

export interface GuaranteeExampleResult {
  description: string
  expenseCents: number
  socialSecurityBaseCents: number
  socialSecurityCents: number
  mutuelleCents: number
  outOfPocketCents: number
  explanation: string[]
}

function describe(s: Scenario): string {
  const base = s.socialSecurityBaseCents > 0 && s.socialSecurityBaseCents !== s.expenseCents
    ? ` (base de remboursement ${formatEuros(s.socialSecurityBaseCents)})`
    : ''
  return `Pour ${s.act} à ${formatEuros(s.expenseCents)}${base}`
}

function run(rule: GuaranteeRule, s: Scenario, basket: boolean): GuaranteeExampleResult {
  const r: EngineResult = computeReimbursement({
    careType: rule.careType,
    expenseCents: s.expenseCents,
    socialSecurityBaseCents: s.socialSecurityBaseCents,
    socialSecurityRatePercent: s.socialSecurityRatePercent,
    quantity: 1,
    beneficiaryIsMinor: false,
    hundredPercentSanteBasket: basket,
    withheldThisYearCents: 0,
    forfaitUsedThisYearCents: 0,
    guarantee: rule,
  })
  return {
    description: describe(s),
    expenseCents: r.expenseCents,
    socialSecurityBaseCents: r.socialSecurityBaseCents,
    socialSecurityCents: r.socialSecurityCents,
    mutuelleCents: r.mutuelleCents,
    outOfPocketCents: r.outOfPocketCents,
    explanation: r.explanation,
  }
}

export function guaranteeExample(rule: GuaranteeRule): GuaranteeExampleResult {
  return run(rule, EXAMPLE_SCENARIOS[rule.careType], false)
}

/** Null when the guarantee does not cover a 100 % Santé basket. */
export function hundredPercentSanteExample(rule: GuaranteeRule): GuaranteeExampleResult | null {
  const scenario = HUNDRED_PERCENT_SANTE_SCENARIOS[rule.careType]
  return rule.hundredPercentSante && scenario ? run(rule, scenario, true) : null
}

/** The rule as the guarantee table states it: "150 % BRSS (Sécurité sociale incluse) + 450,00 € par an". */
export function guaranteeSummary(rule: Pick<GuaranteeRule, 'brssPercent' | 'yearlyForfaitCents' | 'perActCeilingCents'>): string {
  const parts: string[] = []
  if (rule.brssPercent != null)
    parts.push(`${rule.brssPercent} % BRSS (Sécurité sociale incluse)`)
  if (rule.yearlyForfaitCents != null)
    parts.push(`${parts.length ? 'forfait de ' : 'Forfait de '}${formatEuros(rule.yearlyForfaitCents)} par an et par bénéficiaire`)
  let text = parts.join(' + ') || 'Non couvert'
  if (rule.perActCeilingCents != null)
    text += `, dans la limite de ${formatEuros(rule.perActCeilingCents)} par acte`
  return text
}
