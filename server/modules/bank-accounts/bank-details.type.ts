import { Field, ID, Int, ObjectType } from 'type-graphql'
import type { BeneficiaryRow } from '../../core/loaders.ts'
import { enumFrom } from '../../core/enums.ts'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { BANK_ACCOUNT_CHANGE_STATUSES } from '../../db/schema/index.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { SepaMandate } from '../contracts/contract.type.ts'

export const BANK_ACCOUNT_USAGES = ['CONTRIBUTIONS', 'REIMBURSEMENTS'] as const
export type BankAccountUsage = typeof BANK_ACCOUNT_USAGES[number]

export const BankAccountUsageEnum = enumFrom(BANK_ACCOUNT_USAGES, 'BankAccountUsage', 'What a bank account is used for.', {
  CONTRIBUTIONS: 'Contributions are debited from it (SEPA direct debit, under a mandate).',
  REIMBURSEMENTS: 'Reimbursements of some beneficiaries are paid into it.',
})

export const BankAccountChangeStatusEnum = enumFrom(BANK_ACCOUNT_CHANGE_STATUSES, 'BankAccountChangeStatus', 'Where a change of bank details stands.', {
  PENDING: 'Entered, waiting for the member\'s password (expires 15 minutes after it was started).',
  CONFIRMED: 'Applied: the accounts, and the mandate when contributions moved, are updated.',
  IN_REVIEW: 'Confirmed by the member, but a second change within 30 days: an advisor checks it before it takes effect.',
  REJECTED: 'Refused by an advisor after review: nothing changed.',
  EXPIRED: 'Not confirmed within 15 minutes: nothing changed.',
  CANCELLED: 'Cancelled after three wrong passwords: nothing changed.',
})

@ObjectType({ description: 'A bank account (RIB) of the household. The IBAN is never exposed whole.' })
export class BankAccount {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'Account holder as printed on the RIB.' })
  holderName!: string

  @Field(() => String, { description: 'IBAN masked as everywhere in the portal: country code and check digits, then only the last eight characters, e.g. "FR76 **** * 4859 9384".' })
  ibanMasked!: string

  @Field(() => String, { nullable: true, description: 'BIC of the bank, when known.' })
  bic!: string | null

  @Field(() => String, { nullable: true, description: 'Name of the bank, when known.' })
  bankName!: string | null

  @Field(() => [BankAccountUsageEnum], { description: 'What the account is used for: contributions and/or reimbursements.' })
  usages!: BankAccountUsage[]

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt!: string
}

@ObjectType({ description: 'Where one beneficiary\'s reimbursements are paid.' })
export class BeneficiaryBankAssignment {
  @Field(() => Beneficiary, { description: 'The beneficiary.' })
  beneficiary!: BeneficiaryRow

  @Field(() => DateScalar, { description: 'Début de couverture: first day the beneficiary was covered.' })
  coverageStart!: string

  @Field(() => BankAccount, { nullable: true, description: 'The account their reimbursements go to; null when none is registered.' })
  account!: BankAccount | null
}

@ObjectType({ description: 'A contribution instalment still to be debited under the mandate.' })
export class UpcomingDebit {
  @Field(() => DateScalar, { description: 'Due date of the debit.' })
  dueDate!: string

  @Field(() => Int, { description: 'Amount debited, in euro cents.' })
  amountCents!: number

  @Field(() => String, { description: 'Contract the instalment belongs to, e.g. "Garanties sociale interministériel / Option A".' })
  contractLabel!: string
}

@ObjectType({ description: 'The fraud controls on bank-details changes, with where this member stands; the SPA explains them before the password step.' })
export class BankDetailsChangeRules {
  @Field(() => Int, { description: 'Hours the first reimbursement to a new account is held (72).' })
  paymentHoldHours!: number

  @Field(() => Int, { description: 'A change made within this many days of the last one goes to an advisor for review (30).' })
  reviewWindowDays!: number

  @Field(() => Int, { description: 'Minutes after a password or e-mail change during which bank details cannot be changed (60).' })
  securityCooldownMinutes!: number

  @Field(() => Int, { description: 'Changes allowed per member in 24 hours (3).' })
  maxChangesPerDay!: number

  @Field(() => Int, { description: 'Changes this member can still confirm in the next 24 hours.' })
  changesLeftToday!: number

  @Field(() => Boolean, { description: 'Whether the member\'s next change would go to an advisor for review (a change was made less than 30 days ago).' })
  nextChangeReviewed!: boolean

  @Field(() => DateTimeScalar, { nullable: true, description: 'Until when changes are refused because the password or e-mail was changed less than an hour ago; null when free.' })
  blockedUntil!: string | null

  @Field(() => Int, { description: 'Minutes a started change waits for the password before it expires (15).' })
  pendingChangeMinutes!: number
}

@ObjectType({ description: 'A change of bank details: entered (PENDING), then confirmed with the password. The IBAN is only ever returned masked.' })
export class BankAccountChange {
  @Field(() => ID, { description: 'Opaque identifier, to pass to confirmBankAccountChange.' })
  id!: string

  @Field(() => BankAccountChangeStatusEnum, { description: 'Where the change stands.' })
  status!: string

  @Field(() => String, { description: 'The new IBAN, masked.' })
  ibanMasked!: string

  @Field(() => String, { description: 'Holder of the new account.' })
  holderName!: string

  @Field(() => String, { nullable: true, description: 'BIC of the new account, when given.' })
  bic!: string | null

  @Field(() => [BankAccountUsageEnum], { description: 'Usages moving to the new account.' })
  usages!: BankAccountUsage[]

  @Field(() => [Beneficiary], { description: 'Beneficiaries whose reimbursements will be paid into it (empty unless REIMBURSEMENTS).' })
  beneficiaries!: BeneficiaryRow[]

  @Field(() => Boolean, { description: 'Whether contributions move to another account, which needs a new SEPA mandate (new RUM) and revokes the old one.' })
  newMandate!: boolean

  @Field(() => Boolean, { description: 'Whether confirming it sends it to an advisor for review before it takes effect (second change within 30 days).' })
  reviewRequired!: boolean

  @Field(() => DateTimeScalar, { description: 'When it was started.' })
  createdAt!: string

  @Field(() => DateTimeScalar, { description: 'When a PENDING change expires.' })
  expiresAt!: string

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the member confirmed it with the password.' })
  confirmedAt!: string | null

  @Field(() => ID, { nullable: true, description: 'The « Modification de RIB » démarche (Mes démarches), once confirmed.' })
  procedureId!: string | null
}

@ObjectType({ description: 'The household\'s bank details: accounts, who is paid where, the SEPA mandate and the next debits.' })
export class BankDetails {
  @Field(() => [BankAccount], { description: 'Active accounts, the contributions account first.' })
  accounts!: BankAccount[]

  @Field(() => [BeneficiaryBankAssignment], { description: 'Each beneficiary by rank, with the account their reimbursements go to.' })
  beneficiaries!: BeneficiaryBankAssignment[]

  @Field(() => SepaMandate, { nullable: true, description: 'The SEPA mandate in force on the contributions account; null when none.' })
  mandate!: SepaMandate | null

  @Field(() => [UpcomingDebit], { description: 'The next contribution debits (at most 3), soonest first.' })
  upcomingDebits!: UpcomingDebit[]

  @Field(() => [BankAccountChange], { description: 'Changes confirmed by the member and waiting for an advisor\'s review (IN_REVIEW).' })
  changesInReview!: BankAccountChange[]

  @Field(() => BankDetailsChangeRules, { description: 'The fraud controls and where this member stands.' })
  changeRules!: BankDetailsChangeRules

  @Field(() => String, { description: 'The SEPA mandate text the member accepts when contributions move to a new account.' })
  mandateText!: string
}
