import type { Queryable } from '../../db/client.ts'
import type { BeneficiaryRow } from '../../core/loaders.ts'
import type { UserError } from '../../core/errors.ts'
import type { CareType } from '../../db/schema/index.ts'
import type { ReferenceRate } from '../reimbursements/exchange-rates.ts'
import { and, eq, inArray } from 'drizzle-orm'
import { addMonths } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { beneficiariesTable, filesTable, messageAttachmentsTable, procedureAttachmentsTable } from '../../db/schema/index.ts'
import { isCoveredOn } from '../beneficiaries/beneficiary.service.ts'
import { CARE_REFERENCES } from '../reimbursements/engine.ts'
import { referenceRate, toEuroCents } from '../reimbursements/exchange-rates.ts'
import { contractsCovering } from '../reimbursements/reimbursement-calculation.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'
import { normaliseLineText } from '../../core/text.ts'

/**
 * The rules a reimbursement request must pass, one function per rule set, each returning French
 * user errors tied to the input field. The submission, the estimate and the documents added later
 * all go through these, so the wizard and the API can never disagree.
 */

/** Claims older than this are time-barred (prescription biennale of the Code de la mutualité). */
export const MAX_CARE_AGE_MONTHS = 24
/** Above this a typing error is far likelier than a real claim; an advisor handles real ones. */
export const MAX_AMOUNT_EUR_CENTS = 20_000_000
export const MAX_ATTACHMENTS = 5
export const MAX_PROVIDER_NAME = 120
export const MAX_COUNTRY_NAME = 60

export interface CareFacts {
  beneficiaryId: string
  careDate: string
}

/** Beneficiary of the household, care date neither in the future nor time-barred, coverage on that day. */
export function checkBeneficiaryAndDate(db: Queryable, memberId: string, today: string, input: CareFacts): { errors: UserError[], beneficiary: BeneficiaryRow | null } {
  const errors: UserError[] = []
  // another household's id reads exactly like an unknown one
  const beneficiary = db.select().from(beneficiariesTable).where(and(eq(beneficiariesTable.id, input.beneficiaryId), eq(beneficiariesTable.memberId, memberId))).get() ?? null
  if (!beneficiary)
    errors.push(userError('beneficiaryId', 'NOT_FOUND', 'Choisissez un bénéficiaire de votre contrat.'))

  const oldest = addMonths(today, -MAX_CARE_AGE_MONTHS)
  if (input.careDate > today) {
    errors.push(userError('careDate', 'FUTURE_DATE', 'La date des soins ne peut pas être dans le futur.'))
  }
  else if (input.careDate < oldest) {
    errors.push(userError('careDate', 'TOO_OLD', `Les soins de plus de 2 ans ne peuvent plus être remboursés\u00a0: indiquez une date à partir du ${frenchDate(oldest)}.`))
  }
  else if (beneficiary && (!isCoveredOn(beneficiary, input.careDate) || !contractsCovering(db, memberId, beneficiary.id, input.careDate).length)) {
    const since = beneficiary.coverageStart > input.careDate ? ` (couverture à partir du ${frenchDate(beneficiary.coverageStart)})` : ''
    errors.push(userError('careDate', 'NOT_COVERED', `Le ${frenchDate(input.careDate)}, ${beneficiary.firstName} ne bénéficiait pas de votre contrat${since}.`))
  }
  return { errors, beneficiary }
}

export interface AmountFacts {
  abroad: boolean
  country?: string | null
  currency?: string | null
  amountCents: number
}

export interface Converted {
  errors: UserError[]
  country: string | null
  currency: string
  rate: ReferenceRate | null
  amountEurCents: number
}

/** Positive, plausible amount; abroad a country and a known currency, in France euros only. */
export function checkAmountAndPlace(input: AmountFacts): Converted {
  const errors: UserError[] = []
  const country = input.country ? normaliseLineText(input.country) || null : null
  const code = input.currency?.trim().toUpperCase() || null
  let rate: ReferenceRate | null = null

  if (input.abroad) {
    if (!country)
      errors.push(userError('country', 'REQUIRED', 'Indiquez le pays où vous avez reçu les soins.'))
    else if (country.length > MAX_COUNTRY_NAME)
      errors.push(userError('country', 'TOO_LONG', `Le nom du pays ne doit pas dépasser ${MAX_COUNTRY_NAME} caractères.`))
    else if (country.localeCompare('France', 'fr', { sensitivity: 'base' }) === 0)
      errors.push(userError('country', 'NOT_ABROAD', 'Pour des soins reçus en France, choisissez «\u00a0En France\u00a0».'))
    if (!code) {
      errors.push(userError('currency', 'REQUIRED', 'Indiquez la devise dans laquelle vous avez payé.'))
    }
    else {
      rate = referenceRate(code) ?? null
      if (!rate)
        errors.push(userError('currency', 'UNSUPPORTED', 'Cette devise n\'est pas prise en charge en ligne\u00a0: écrivez-nous depuis la messagerie.'))
    }
  }
  else if (code && code !== 'EUR') {
    errors.push(userError('currency', 'NOT_EUR', 'Pour des soins reçus en France, le montant est en euros.'))
  }

  const amountEurCents = rate ? toEuroCents(input.amountCents, rate) : input.amountCents
  if (input.amountCents <= 0)
    errors.push(userError('amountCents', 'NOT_POSITIVE', 'Indiquez le montant payé, supérieur à 0.'))
  // the checks hold on what is paid, in euros: 1 CZK cent converts to 0 € and pays nothing
  else if (amountEurCents <= 0)
    errors.push(userError('amountCents', 'ROUNDS_TO_ZERO', 'Ce montant vaut moins d\'un centime d\'euro une fois converti\u00a0: vérifiez le montant et la devise.'))
  else if (amountEurCents > MAX_AMOUNT_EUR_CENTS)
    errors.push(userError('amountCents', 'TOO_LARGE', `Ce montant dépasse ${formatEuros(MAX_AMOUNT_EUR_CENTS)}\u00a0: vérifiez-le, ou écrivez à votre conseiller.`))
  return { errors, country: input.abroad ? country : null, currency: rate?.currency ?? 'EUR', rate, amountEurCents }
}

export interface DecompteFacts {
  socialSecurityBaseCents?: number | null
  socialSecurityPaidCents?: number | null
}

/** The décompte's figures, when given, are euro amounts that cannot exceed what was paid. */
export function checkDecompte(input: DecompteFacts, amountEurCents: number): UserError[] {
  const errors: UserError[] = []
  const base = input.socialSecurityBaseCents ?? null
  const paid = input.socialSecurityPaidCents ?? null
  if (base !== null && base < 0)
    errors.push(userError('socialSecurityBaseCents', 'NEGATIVE', 'La base de remboursement ne peut pas être négative.'))
  else if (base !== null && base > MAX_AMOUNT_EUR_CENTS)
    errors.push(userError('socialSecurityBaseCents', 'TOO_LARGE', 'Cette base de remboursement paraît trop élevée\u00a0: vérifiez votre décompte.'))
  if (paid !== null && paid < 0)
    errors.push(userError('socialSecurityPaidCents', 'NEGATIVE', 'Le montant versé par la Sécurité sociale ne peut pas être négatif.'))
  else if (paid !== null && amountEurCents > 0 && paid > amountEurCents)
    errors.push(userError('socialSecurityPaidCents', 'EXCEEDS_AMOUNT', `La Sécurité sociale ne peut pas vous avoir versé plus que vous n'avez payé (${formatEuros(amountEurCents)}).`))
  else if (paid !== null && base !== null && base >= 0 && paid > base)
    errors.push(userError('socialSecurityPaidCents', 'EXCEEDS_BASE', 'Le montant versé par la Sécurité sociale ne peut pas dépasser sa base de remboursement.'))
  return errors
}

export function checkProviderName(providerName: string | null | undefined): { errors: UserError[], providerName: string | null } {
  const name = providerName ? normaliseLineText(providerName) || null : null
  if (name && name.length > MAX_PROVIDER_NAME)
    return { errors: [userError('providerName', 'TOO_LONG', `Le nom du professionnel ne doit pas dépasser ${MAX_PROVIDER_NAME} caractères.`)], providerName: null }
  return { errors: [], providerName: name }
}

/**
 * 1 to `max` documents, each uploaded by this account and attached nowhere yet: a file id is
 * never shared between two démarches or messages, so one member's document cannot travel.
 */
export function checkAttachments(db: Queryable, accountId: string, ids: readonly string[], max = MAX_ATTACHMENTS): { errors: UserError[], fileIds: string[] } {
  const fileIds = [...new Set(ids)]
  if (!fileIds.length)
    return { errors: [userError('attachmentIds', 'REQUIRED', 'Joignez au moins un justificatif (facture, décompte de la Sécurité sociale…).')], fileIds }
  if (fileIds.length > max)
    return { errors: [userError('attachmentIds', 'TOO_MANY', `Vous pouvez joindre ${max} documents au plus.`)], fileIds }
  const owned = db.select({ id: filesTable.id }).from(filesTable).where(and(inArray(filesTable.id, fileIds), eq(filesTable.ownerAccountId, accountId))).all()
  if (owned.length !== fileIds.length)
    return { errors: [userError('attachmentIds', 'NOT_FOUND', 'Un des documents est introuvable\u00a0: ajoutez-le à nouveau.')], fileIds }
  const onProcedure = db.select({ id: procedureAttachmentsTable.fileId }).from(procedureAttachmentsTable).where(inArray(procedureAttachmentsTable.fileId, fileIds)).all()
  const onMessage = db.select({ id: messageAttachmentsTable.fileId }).from(messageAttachmentsTable).where(inArray(messageAttachmentsTable.fileId, fileIds)).all()
  if (onProcedure.length || onMessage.length)
    return { errors: [userError('attachmentIds', 'ALREADY_ATTACHED', 'Un des documents est déjà joint à une autre demande\u00a0: ajoutez-le à nouveau.')], fileIds }
  return { errors: [], fileIds }
}

/** Social Security reimburses nothing of some care (médecines douces): it sends no décompte for it. */
export function socialSecurityReimburses(careType: CareType): boolean {
  const reference = CARE_REFERENCES[careType]
  return reference.socialSecurityRatePercent > 0
}

/** No décompte figures for a care Social Security does not reimburse: the wizard does not ask them. */
export function checkDecompteApplies(careType: CareType, input: DecompteFacts): UserError[] {
  if (socialSecurityReimburses(careType) || (input.socialSecurityBaseCents == null && input.socialSecurityPaidCents == null))
    return []
  return [userError('socialSecurityPaidCents', 'NO_DECOMPTE_FOR_CARE', `La Sécurité sociale ne rembourse pas ce soin (${CARE_REFERENCES[careType].label.toLowerCase()})\u00a0: il n'y a pas de décompte à reporter.`)]
}
