import type { BankDetailsQuery } from '../../gql/graphql'
import { describe, expect, it } from 'vitest'
import { formFor, toChangeInput, validateStep } from './bank-change-form'

type Details = BankDetailsQuery['bankDetails']
const account = (id: string, holderName: string, usages: ('CONTRIBUTIONS' | 'REIMBURSEMENTS')[]) => ({ __typename: 'BankAccount' as const, id, holderName, ibanMasked: 'FR76 **** * 4859 9384', bic: null, bankName: null, usages })
const main = account('a1', 'Benoit Garnier', ['CONTRIBUTIONS', 'REIMBURSEMENTS'])
const sarahs = account('a2', 'Sarah Garnier', ['REIMBURSEMENTS'])
const person = (id: string, firstName: string, to: ReturnType<typeof account>) => ({ __typename: 'BeneficiaryBankAssignment' as const, coverageStart: '2022-01-01', beneficiary: { __typename: 'Beneficiary' as const, id, firstName, relationship: 'CHILD' as const }, account: to })
const details = { accounts: [main, sarahs], beneficiaries: [person('b1', 'Benoit', main), person('b2', 'Sarah', sarahs), person('b3', 'Louise', main)] } as unknown as Details

describe('the change form', () => {
  it('starts from the account whose « Modifier » was chosen: its usages, its people and its holder', () => {
    expect(formFor(details, { compte: 'a1' })).toMatchObject({ contributions: true, reimbursements: true, beneficiaryIds: ['b1', 'b3'], holderName: 'Benoit Garnier' })
    expect(formFor(details, { beneficiaire: 'b2' })).toMatchObject({ contributions: false, reimbursements: true, beneficiaryIds: ['b2'], holderName: 'Sarah Garnier' })
  })

  it('checks each step before the next, in French', () => {
    const form = { ...formFor(details, { compte: 'a1' }), iban: 'FR76 2004 1010 0110 0854 8599 385' }
    expect(validateStep(1, form)).toEqual({ iban: expect.stringMatching(/clé de contrôle/) })
    expect(validateStep(2, { ...form, contributions: true, acceptMandate: false })).toEqual({ acceptMandate: expect.stringMatching(/acceptez le mandat/) })
    expect(validateStep(2, { ...form, contributions: false, reimbursements: false })).toEqual({ usages: expect.stringMatching(/à quoi servira/) })
    expect(validateStep(3, form)).toEqual({ password: expect.stringMatching(/mot de passe/) })
  })

  it('sends only what the chosen usages need', () => {
    const form = { ...formFor(details, { beneficiaire: 'b2' }), iban: 'FR76 2004', bic: ' ', acceptMandate: true }
    expect(toChangeInput(form)).toEqual({ iban: 'FR76 2004', bic: null, holderName: 'Sarah Garnier', usages: ['REIMBURSEMENTS'], beneficiaryIds: ['b2'], acceptMandate: null })
  })
})
