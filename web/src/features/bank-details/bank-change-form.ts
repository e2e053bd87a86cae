import type { InjectionKey, Ref } from 'vue'
import type { BankAccountChangeInput, BankDetailsQuery } from '../../gql/graphql'
import type { BankChange, ChangeErrors, ChangeField } from './useBankDetails'
import { bicProblem, holderProblem, ibanProblem } from './iban-input'

export interface BankChangeForm {
  iban: string
  bic: string
  holderName: string
  contributions: boolean
  reimbursements: boolean
  beneficiaryIds: string[]
  acceptMandate: boolean
  password: string
}

export const STEPS = [
  { number: 1, title: 'RIB', heading: 'Saisir un RIB' },
  { number: 2, title: 'Usages', heading: 'Choisir les usages du compte' },
  { number: 3, title: 'Validation', heading: 'Vérifier et valider' },
] as const
export type StepNumber = 1 | 2 | 3

const FIELD_STEP: Record<ChangeField, StepNumber> = { iban: 1, bic: 1, holderName: 1, usages: 2, beneficiaryIds: 2, acceptMandate: 2, password: 3, changeId: 2 }
export const stepOf = (field: ChangeField): StepNumber => FIELD_STEP[field]

type Details = BankDetailsQuery['bankDetails']

/** Where the member clicked « Modifier »: that account's usages and people, or one beneficiary. */
export function formFor(details: Details, query: { compte?: string, beneficiaire?: string }): BankChangeForm {
  const form: BankChangeForm = { iban: '', bic: '', holderName: '', contributions: false, reimbursements: false, beneficiaryIds: [], acceptMandate: false, password: '' }
  const person = details.beneficiaries.find(b => b.beneficiary.id === query.beneficiaire)
  if (person) {
    form.reimbursements = true
    form.beneficiaryIds = [person.beneficiary.id]
    form.holderName = person.account?.holderName ?? ''
    return form
  }
  const account = details.accounts.find(a => a.id === query.compte) ?? details.accounts.find(a => a.usages.includes('CONTRIBUTIONS'))
  if (account) {
    form.contributions = account.usages.includes('CONTRIBUTIONS')
    form.reimbursements = account.usages.includes('REIMBURSEMENTS')
    form.beneficiaryIds = details.beneficiaries.filter(b => b.account?.id === account.id).map(b => b.beneficiary.id)
    form.holderName = account.holderName
  }
  return form
}

export function validateStep(step: StepNumber, form: BankChangeForm): ChangeErrors {
  const errors: ChangeErrors = {}
  if (step === 1) {
    const iban = ibanProblem(form.iban)
    const holder = holderProblem(form.holderName)
    const bic = bicProblem(form.bic)
    if (iban) errors.iban = iban
    if (holder) errors.holderName = holder
    if (bic) errors.bic = bic
  }
  if (step === 2) {
    if (!form.contributions && !form.reimbursements)
      errors.usages = 'Indiquez à quoi servira ce compte\u00a0: le prélèvement de vos cotisations, le versement de vos remboursements, ou les deux.'
    else if (form.reimbursements && !form.beneficiaryIds.length)
      errors.beneficiaryIds = 'Choisissez les bénéficiaires dont les remboursements seront versés sur ce compte.'
    if (form.contributions && !form.acceptMandate)
      errors.acceptMandate = 'Pour que vos cotisations soient prélevées sur ce compte, acceptez le mandat de prélèvement SEPA.'
  }
  if (step === 3 && !form.password)
    errors.password = 'Saisissez votre mot de passe pour confirmer qu\'il s\'agit bien de vous.'
  return errors
}

export function toChangeInput(form: BankChangeForm): BankAccountChangeInput {
  return {
    iban: form.iban,
    bic: form.bic.trim() || null,
    holderName: form.holderName,
    usages: [...(form.contributions ? ['CONTRIBUTIONS' as const] : []), ...(form.reimbursements ? ['REIMBURSEMENTS' as const] : [])],
    beneficiaryIds: form.reimbursements ? form.beneficiaryIds : [],
    acceptMandate: form.contributions ? form.acceptMandate : null,
  }
}

/** What the steps share with the wizard (provided by it, injected by each step). */
export interface BankChangeState {
  form: BankChangeForm
  errors: Ref<ChangeErrors>
  details: Ref<Details>
  change: Ref<BankChange | null>
}
export const BANK_CHANGE: InjectionKey<BankChangeState> = Symbol('bank-change')
