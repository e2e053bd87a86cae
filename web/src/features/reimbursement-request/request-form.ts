import type { CareType, ReimbursementRequestInput } from '../../gql/graphql'
import type { UploadedFile } from '../uploads/upload-file'
import { isIsoDate } from '../../utils/calendar'
import { parseAmountToCents } from '../../utils/parse-money'
import { OTHER_COUNTRY } from './countries'

/** The wizard's fields as typed (amounts are text until sent). */
export interface RequestForm {
  beneficiaryId: string
  /** A CareType once chosen; a select's value until then. */
  careType: string
  careDate: string
  amount: string
  providerName: string
  /** 'FRANCE' or 'ABROAD' once chosen. */
  place: string
  country: string
  otherCountry: string
  currency: string
  /** 'YES' or 'NO' once answered. */
  hasDecompte: string
  /** False once the server said Social Security reimburses nothing of the care type: no décompte is asked. */
  decompteAsked: boolean
  socialSecurityBase: string
  socialSecurityPaid: string
  files: UploadedFile[]
}

export function emptyForm(): RequestForm {
  return { beneficiaryId: '', careType: '', careDate: '', amount: '', providerName: '', place: '', country: '', otherCountry: '', currency: '', hasDecompte: '', decompteAsked: true, socialSecurityBase: '', socialSecurityPaid: '', files: [] }
}

/** The five steps of the seed's guide, in order. */
export const STEPS = [
  { number: 1, title: 'Bénéficiaire' },
  { number: 2, title: 'Type de soin' },
  { number: 3, title: 'France ou étranger' },
  { number: 4, title: 'Justificatifs' },
  { number: 5, title: 'Récapitulatif' },
] as const
export type StepNumber = typeof STEPS[number]['number']

/** Error keys are the API's input fields, plus the choices only the wizard asks. */
export type RequestField = 'beneficiaryId' | 'careType' | 'careDate' | 'amountCents' | 'providerName' | 'place' | 'country' | 'currency' | 'hasDecompte' | 'socialSecurityBaseCents' | 'socialSecurityPaidCents' | 'attachmentIds'
export type RequestErrors = Partial<Record<RequestField, string>>

const STEP_OF: Record<RequestField, StepNumber> = {
  beneficiaryId: 1,
  careType: 2,
  careDate: 2,
  amountCents: 2,
  providerName: 2,
  place: 3,
  country: 3,
  currency: 3,
  hasDecompte: 3,
  socialSecurityBaseCents: 3,
  socialSecurityPaidCents: 3,
  attachmentIds: 4,
}

export function isRequestField(field: string | null): field is RequestField {
  return field !== null && field in STEP_OF
}

/** The step where a field is asked: where the wizard goes back to show a server error. */
export function stepOf(field: RequestField): StepNumber {
  return STEP_OF[field]
}

export interface RateInfo { currency: string, unitsPerEuro: number }

/** The amount in euro cents: converted at the reference rate abroad (as the server does), null if unreadable. */
export function euroCents(form: RequestForm, rates: RateInfo[]): number | null {
  const cents = parseAmountToCents(form.amount)
  if (cents === null) return null
  if (form.place !== 'ABROAD') return cents
  const rate = rates.find(r => r.currency === form.currency)
  return rate ? Math.round(cents / rate.unitsPerEuro) : null
}

export function countryName(form: RequestForm): string {
  return form.country === OTHER_COUNTRY ? form.otherCountry.trim() : form.country
}

/**
 * What only the wizard can check: choices made and amounts readable as typed. The rules of a
 * request (dates, coverage, amounts, décompte) are the server's alone: `serverCheckedInput` sends
 * the step to it (see RequestWizard), so the wizard and the API can never word them differently.
 */
export function validateStep(step: StepNumber, form: RequestForm): RequestErrors {
  const errors: RequestErrors = {}
  if (step === 1 && !form.beneficiaryId) errors.beneficiaryId = 'Choisissez le bénéficiaire des soins.'
  if (step === 2) {
    if (!form.careType) errors.careType = 'Choisissez le type de soin.'
    if (!form.careDate) errors.careDate = 'Indiquez la date des soins.'
    else if (!isIsoDate(form.careDate)) errors.careDate = 'Indiquez une date valide, par exemple 25/08/2026.'
    if (!form.amount.trim()) errors.amountCents = 'Indiquez le montant payé.'
    else if (parseAmountToCents(form.amount) === null) errors.amountCents = 'Indiquez un montant en chiffres, par exemple 45,00.'
  }
  if (step === 3) {
    if (!form.place) errors.place = 'Indiquez si les soins ont été reçus en France ou à l\'étranger.'
    if (form.place === 'ABROAD') {
      if (!countryName(form)) errors.country = 'Indiquez le pays où vous avez reçu les soins.'
      if (!form.currency) errors.currency = 'Indiquez la devise dans laquelle vous avez payé.'
    }
    if (form.decompteAsked && !form.hasDecompte) errors.hasDecompte = 'Indiquez si vous avez le décompte de la Sécurité sociale.'
    if (form.hasDecompte === 'YES') {
      if (form.socialSecurityBase.trim() && parseAmountToCents(form.socialSecurityBase) === null) errors.socialSecurityBaseCents = 'Indiquez un montant en chiffres, par exemple 30,00.'
      if (!form.socialSecurityPaid.trim()) errors.socialSecurityPaidCents = 'Indiquez le montant versé par la Sécurité sociale, ou répondez «\u00a0Non\u00a0».'
      else if (parseAmountToCents(form.socialSecurityPaid) === null) errors.socialSecurityPaidCents = 'Indiquez un montant en chiffres, par exemple 21,00.'
    }
  }
  if (step === 4 && !form.files.length) errors.attachmentIds = 'Joignez au moins un justificatif (facture, décompte de la Sécurité sociale…).'
  return errors
}

/**
 * The care as the server checks it after a step: the care step is checked as if in France (the
 * place comes next), the place step with everything. Null for steps the server has nothing to add to.
 */
export function serverCheckedInput(step: StepNumber, form: RequestForm): ReturnType<typeof toEstimateInput> | null {
  if (step === 2)
    return { ...toEstimateInput({ ...form, place: 'FRANCE', hasDecompte: 'NO' }) }
  if (step === 3)
    return toEstimateInput(form)
  return null
}

/** The server's errors that concern the steps up to `step` (later fields are not asked yet). */
export function errorsUpTo(step: StepNumber, errors: readonly { field?: string | null, message: string }[]): RequestErrors {
  const found: RequestErrors = {}
  for (const e of errors) {
    if (isRequestField(e.field ?? null) && stepOf(e.field as RequestField) <= step)
      found[e.field as RequestField] ??= e.message
  }
  return found
}

function decompte(form: RequestForm) {
  if (form.hasDecompte !== 'YES') return { socialSecurityBaseCents: null, socialSecurityPaidCents: null }
  return { socialSecurityBaseCents: parseAmountToCents(form.socialSecurityBase), socialSecurityPaidCents: parseAmountToCents(form.socialSecurityPaid) }
}

/** The mutation's input; call once the steps are valid. */
export function toRequestInput(form: RequestForm): ReimbursementRequestInput {
  const abroad = form.place === 'ABROAD'
  return {
    beneficiaryId: form.beneficiaryId,
    careType: form.careType as CareType,
    careDate: form.careDate,
    abroad,
    country: abroad ? countryName(form) : null,
    currency: abroad ? form.currency : 'EUR',
    amountCents: parseAmountToCents(form.amount) ?? 0,
    providerName: form.providerName.trim() || null,
    ...decompte(form),
    attachmentIds: form.files.map(f => f.id),
  }
}

/** The estimate query's input: the request without its documents. */
export function toEstimateInput(form: RequestForm) {
  const { attachmentIds: _files, providerName: _provider, ...input } = toRequestInput(form)
  return input
}
