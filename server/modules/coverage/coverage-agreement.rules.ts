import type { UserError } from '../../core/errors.ts'
import type { AgreementDomain, CareType } from '../../db/schema/index.ts'
import { addMonths } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { formatEuros } from '../../core/format.ts'

/*
 * The rules of a prise en charge (PEC) asked by a professional before the care: what a request
 * must carry, and when the engine may commit the mutuelle on its own. Pure functions, no database.
 */

/** The care type the engine computes each domain's lines with. */
export const DOMAIN_CARE_TYPES: Record<AgreementDomain, CareType> = {
  OPTICS: 'OPTICS',
  DENTAL: 'DENTAL',
  AUDIOLOGY: 'AUDIOLOGY',
  HOSPITAL: 'HOSPITAL',
}

export interface AgreementCode { domain: AgreementDomain, label: string, hundredPercentSante: boolean }

/**
 * The PEC nomenclature partners quote lines in: one code per kind of equipment or act, the
 * « 100 % Santé » baskets apart (the engine then leaves nothing to pay on them).
 */
export const AGREEMENT_CODES: Record<string, AgreementCode> = {
  'OPT-MONTURE-A': { domain: 'OPTICS', label: 'Monture classe A (100 % Santé)', hundredPercentSante: true },
  'OPT-MONTURE-B': { domain: 'OPTICS', label: 'Monture classe B (tarif libre)', hundredPercentSante: false },
  'OPT-VERRE-A': { domain: 'OPTICS', label: 'Verre classe A (100 % Santé)', hundredPercentSante: true },
  'OPT-VERRE-B': { domain: 'OPTICS', label: 'Verre classe B (tarif libre)', hundredPercentSante: false },
  'OPT-LENTILLES': { domain: 'OPTICS', label: 'Lentilles de contact', hundredPercentSante: false },
  'DEN-COURONNE-100': { domain: 'DENTAL', label: 'Couronne (panier 100 % Santé)', hundredPercentSante: true },
  'DEN-COURONNE-LIBRE': { domain: 'DENTAL', label: 'Couronne (tarif libre)', hundredPercentSante: false },
  'DEN-BRIDGE': { domain: 'DENTAL', label: 'Bridge', hundredPercentSante: false },
  'DEN-IMPLANT': { domain: 'DENTAL', label: 'Implant (hors nomenclature)', hundredPercentSante: false },
  'AUD-CLASSE-1': { domain: 'AUDIOLOGY', label: 'Aide auditive classe I (100 % Santé)', hundredPercentSante: true },
  'AUD-CLASSE-2': { domain: 'AUDIOLOGY', label: 'Aide auditive classe II', hundredPercentSante: false },
  'HOS-SEJOUR': { domain: 'HOSPITAL', label: 'Frais de séjour', hundredPercentSante: false },
  'HOS-HONORAIRES': { domain: 'HOSPITAL', label: 'Honoraires (dépassements compris)', hundredPercentSante: false },
  'HOS-CHAMBRE': { domain: 'HOSPITAL', label: 'Chambre particulière', hundredPercentSante: false },
}

/** Above this total an advisor looks at the quote, whatever the domain. */
export const AUTO_DECISION_CEILING_CENTS = 150_000
/** Most a single line may claim; beyond, a typing error is more likely than an equipment. */
export const MAX_LINE_CENTS = 2_000_000
export const MAX_LINES = 20
/** A quote is asked for care planned within the next six months. */
export const MAX_MONTHS_AHEAD = 6
/** The committed amounts hold for care done up to a month after the planned date. */
export const VALIDITY_MONTHS_AFTER_PLANNED = 1

export interface AgreementLineInput { code: string, amountCents: number, socialSecurityBaseCents: number }
export interface ProviderInput { finess?: string | null, rpps?: string | null, adeli?: string | null }

/** Luhn key, as the RPPS number carries in its last digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9)
        d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

const compact = (value: string | null | undefined) => value?.replace(/\s/g, '') || null

/** The provider's identifiers, spaces removed: FINESS for an establishment, RPPS or ADELI for a professional. */
export function checkProvider(provider: ProviderInput): { errors: UserError[], provider: { finess: string | null, rpps: string | null, adeli: string | null } } {
  const finess = compact(provider.finess)
  const rpps = compact(provider.rpps)
  const adeli = compact(provider.adeli)
  const errors: UserError[] = []
  if (!finess && !rpps && !adeli)
    errors.push(userError('provider', 'REQUIRED', 'Indiquez le numéro FINESS de l\'établissement ou le numéro RPPS ou ADELI du professionnel.'))
  // Corsican establishments start with 2A or 2B
  if (finess && !/^(?:\d{2}|2[AB])\d{7}$/.test(finess))
    errors.push(userError('provider.finess', 'INVALID_FINESS', 'Un numéro FINESS compte 9 caractères\u00a0: le département puis 7 chiffres.'))
  if (rpps && !(/^\d{11}$/.test(rpps) && luhnValid(rpps)))
    errors.push(userError('provider.rpps', 'INVALID_RPPS', 'Un numéro RPPS compte 11 chiffres, le dernier étant une clé de contrôle\u00a0: vérifiez-le.'))
  if (adeli && !/^\d{9}$/.test(adeli))
    errors.push(userError('provider.adeli', 'INVALID_ADELI', 'Un numéro ADELI compte 9 chiffres.'))
  return { errors, provider: { finess, rpps, adeli } }
}

/** The planned date: from today to six months ahead. */
export function checkPlannedDate(plannedDate: string, today: string): UserError[] {
  if (plannedDate < today)
    return [userError('plannedDate', 'PAST_DATE', 'La date prévue des soins est passée\u00a0: une prise en charge se demande avant les soins.')]
  if (plannedDate > addMonths(today, MAX_MONTHS_AHEAD))
    return [userError('plannedDate', 'TOO_FAR_AHEAD', `La date prévue des soins est à plus de ${MAX_MONTHS_AHEAD} mois\u00a0: demandez la prise en charge plus près des soins.`)]
  return []
}

export function checkLines(domain: AgreementDomain, lines: AgreementLineInput[]): UserError[] {
  const errors: UserError[] = []
  if (!lines.length)
    errors.push(userError('lines', 'REQUIRED', 'Ajoutez au moins une ligne du devis.'))
  if (lines.length > MAX_LINES)
    errors.push(userError('lines', 'TOO_MANY', `Un devis compte au plus ${MAX_LINES} lignes.`))
  lines.slice(0, MAX_LINES).forEach((line, i) => {
    const code = AGREEMENT_CODES[line.code.trim()]
    if (!code || code.domain !== domain)
      errors.push(userError(`lines.${i}.code`, 'UNKNOWN_CODE', `Code «\u00a0${line.code.trim().slice(0, 30)}\u00a0» inconnu pour ce domaine de soins\u00a0: voir la liste des codes dans la documentation.`))
    if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0)
      errors.push(userError(`lines.${i}.amountCents`, 'NEGATIVE', 'Le montant d\'une ligne ne peut pas être négatif.'))
    else if (line.amountCents === 0)
      errors.push(userError(`lines.${i}.amountCents`, 'NOT_POSITIVE', 'Le montant d\'une ligne doit être supérieur à 0.'))
    else if (line.amountCents > MAX_LINE_CENTS)
      errors.push(userError(`lines.${i}.amountCents`, 'TOO_LARGE', `Le montant d'une ligne ne peut pas dépasser ${formatEuros(MAX_LINE_CENTS)}.`))
    if (!Number.isSafeInteger(line.socialSecurityBaseCents) || line.socialSecurityBaseCents < 0)
      errors.push(userError(`lines.${i}.socialSecurityBaseCents`, 'NEGATIVE', 'La base de remboursement ne peut pas être négative.'))
    else if (line.amountCents > 0 && line.socialSecurityBaseCents > line.amountCents)
      errors.push(userError(`lines.${i}.socialSecurityBaseCents`, 'EXCEEDS_AMOUNT', 'La base de remboursement ne peut pas dépasser le montant de la ligne.'))
  })
  return errors
}

export type ReviewReason = 'HOSPITAL' | 'ABOVE_CEILING' | 'NO_GUARANTEE'

/** Why an advisor must look, or null when the rules decide. */
export function reviewReason(domain: AgreementDomain, totalCents: number, hasGuarantee: boolean): ReviewReason | null {
  if (domain === 'HOSPITAL')
    return 'HOSPITAL'
  if (totalCents > AUTO_DECISION_CEILING_CENTS)
    return 'ABOVE_CEILING'
  if (!hasGuarantee)
    return 'NO_GUARANTEE'
  return null
}

export function validUntil(plannedDate: string): string {
  return addMonths(plannedDate, VALIDITY_MONTHS_AFTER_PLANNED)
}
