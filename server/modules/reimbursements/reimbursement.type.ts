import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { Connection } from '../../core/pagination.ts'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { ORIGINS, PAYEES, WITHHOLDING_KINDS } from '../../db/schema/index.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { CareTypeEnum } from '../contracts/contract.enums.ts'
import { Contract, Guarantee } from '../contracts/contract.type.ts'

export const PayeeEnum = enumFrom(PAYEES, 'Payee', 'Who received the mutuelle\'s payment.', {
  MEMBER: 'Paid to the member\'s bank account.',
  PROVIDER: 'Paid to the health professional (tiers payant).',
})
export const OriginEnum = enumFrom(ORIGINS, 'ReimbursementOrigin', 'How the claim reached the mutuelle.', {
  TELETRANSMISSION: 'Décompte forwarded by Social Security (NOEMIE).',
  REQUEST: 'Reimbursement request sent by the member.',
  TIERS_PAYANT: 'Invoiced by the professional under tiers payant.',
})
export const WithholdingKindEnum = enumFrom(WITHHOLDING_KINDS, 'WithholdingKind', 'Amount Social Security keeps and the mutuelle may not pay back.', {
  NONE: 'Nothing withheld.',
  PARTICIPATION_FORFAITAIRE: 'Participation forfaitaire (2 € per consultation, act or test).',
  FRANCHISE_MEDICINE: 'Franchise médicale (1 € per box of medicine).',
  FRANCHISE_PARAMEDICAL: 'Franchise médicale (1 € per paramedical act).',
  FRANCHISE_TRANSPORT: 'Franchise médicale (4 € per transport).',
})

@ObjectType({ description: 'What one contract paid of a care. Social Security pays first, then the main contract, then each top-up (surcomplémentaire) on what is left, each within its own guarantee and forfait.' })
export class ContractShare {
  @Field(() => Contract, { description: 'The contract.' })
  contract!: unknown

  @Field(() => Guarantee, { description: 'The line of its guarantee table applied.' })
  guarantee!: unknown

  @Field(() => Int, { description: 'Remboursé par ce contrat, in euro cents (0 when its forfait was used up or nothing was left to pay).' })
  amountCents!: number

  @Field(() => Int, { description: 'Part of amountCents taken from the guarantee\'s yearly forfait, in euro cents.' })
  forfaitUsedCents!: number
}

@ObjectType({ simpleResolvers: true, description: 'A reimbursement (prestation). Amounts in euro cents add up: expense = socialSecurity + mutuelle + outOfPocket.' })
export class Reimbursement {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => Beneficiary, { description: 'Who received the care.' })
  beneficiary!: unknown

  @Field(() => CareTypeEnum, { description: 'Care category.' })
  careType!: string

  @Field(() => String, { description: 'What the care was, in French (e.g. "Consultation généraliste").' })
  careLabel!: string

  @Field(() => DateScalar, { description: 'Day of the care.' })
  careDate!: string

  @Field(() => DateScalar, { description: 'Day the mutuelle paid.' })
  paymentDate!: string

  @Field(() => DateTimeScalar, { nullable: true, description: 'The first reimbursement into a new bank account is held 72 hours (fraud control): not paid before this instant; null otherwise.' })
  heldUntil!: string | null

  @Field(() => String, { description: 'Health professional or establishment.' })
  providerName!: string

  @Field(() => String, { description: 'Number of the décompte (statement) the line belongs to.' })
  decompteNumber!: string

  @Field(() => Int, { description: 'Amount paid to the professional (dépense), in euro cents.' })
  expenseCents!: number

  @Field(() => Int, { description: 'Social Security base (BRSS), in euro cents.' })
  socialSecurityBaseCents!: number

  @Field(() => Int, { description: 'Social Security rate applied to the base, in percent.' })
  socialSecurityRatePercent!: number

  @Field(() => Int, { description: 'Paid by Social Security, after withholding, in euro cents.' })
  socialSecurityCents!: number

  @Field(() => Int, { description: 'Participation forfaitaire or franchise withheld by Social Security, in euro cents (part of the out-of-pocket).' })
  withheldCents!: number

  @Field(() => WithholdingKindEnum, { description: 'What was withheld.' })
  withholdingKind!: string

  @Field(() => Int, { description: 'Paid by the mutuelle, every contract together, in euro cents (the sum of `shares`).' })
  mutuelleCents!: number

  @Field(() => Int, { description: 'Left to pay by the member (reste à charge), in euro cents.' })
  outOfPocketCents!: number

  @Field(() => [ContractShare], { description: 'What each contract with a guarantee for this care paid, in paying order (main contract first); their amounts add up to mutuelleCents. Empty when no contract covers the care.' })
  shares!: unknown[]

  @Field(() => Boolean, { description: 'Care from a 100 % Santé basket.' })
  hundredPercentSante!: boolean

  @Field(() => PayeeEnum, { description: 'Who the mutuelle paid.' })
  payee!: string

  @Field(() => OriginEnum, { description: 'How the claim arrived.' })
  origin!: string

  @Field(() => [String], { description: '"Pourquoi ce montant ?": the computation explained line by line, in French.' })
  explanation!: unknown
}

@ObjectType({ simpleResolvers: true, description: 'Sums over every reimbursement matching the filters (all pages), in euro cents.' })
export class ReimbursementTotals {
  @Field(() => Int, { description: 'Total expense.' })
  expenseCents!: number

  @Field(() => Int, { description: 'Total paid by Social Security.' })
  socialSecurityCents!: number

  @Field(() => Int, { description: 'Total paid by the mutuelle.' })
  mutuelleCents!: number

  @Field(() => Int, { description: 'Total left to pay.' })
  outOfPocketCents!: number
}

@ObjectType({ simpleResolvers: true, description: 'A page of reimbursements, newest payment first.' })
export class ReimbursementConnection extends Connection(Reimbursement) {
  @Field(() => ReimbursementTotals, { description: 'Totals of the filtered set.' })
  totals!: ReimbursementTotals
}

@ObjectType({ description: 'The bank account a reimbursement was paid to. The IBAN is never exposed whole.' })
export class PaidBankAccount {
  @Field(() => String, { description: 'Account holder, as on the RIB.' })
  holderName!: string

  @Field(() => String, { description: 'IBAN masked as everywhere in the portal: country code and check digits, then only the last eight characters, e.g. "FR76 **** * 4859 9384".' })
  ibanMasked!: string
}

@ObjectType({ description: 'Reference rate of one currency against the euro.' })
export class ExchangeRate {
  @Field(() => String, { description: 'ISO 4217 currency code, e.g. "USD".' })
  currency!: string

  @Field(() => String, { description: 'Name of the currency in French, e.g. "Dollar américain".' })
  label!: string

  @Field(() => Float, { description: 'Units of the currency for one euro, e.g. 1.1582.' })
  unitsPerEuro!: number
}

@ObjectType({ description: 'The reference exchange rates used to convert care paid abroad. Indicative: the rate is fixed when the request is sent.' })
export class ExchangeRateTable {
  @Field(() => DateScalar, { description: 'Day the rates were taken.' })
  date!: string

  @Field(() => [ExchangeRate], { description: 'One rate per accepted currency, the euro included.' })
  rates!: ExchangeRate[]
}
