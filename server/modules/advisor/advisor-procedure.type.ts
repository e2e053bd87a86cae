import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { BankAccountChangeStatusEnum, BankAccountUsageEnum } from '../bank-accounts/bank-details.type.ts'
import { NirOwnerEnum, SupportingDocumentKindEnum } from '../beneficiaries/beneficiary-request.input.ts'
import { RelationshipEnum } from '../beneficiaries/beneficiary.type.ts'
import { CareTypeEnum } from '../contracts/contract.enums.ts'
import { CoverageAgreementDomainEnum, CoverageAgreementLine } from '../coverage/coverage-agreement.type.ts'
import { ProcedureKindEnum, ProcedureStatusEnum } from '../procedures/procedure.type.ts'
import { WithholdingKindEnum } from '../reimbursements/reimbursement.type.ts'

/*
 * What an advisor sees of a member's démarche: the least a decision needs (GDPR art. 9, least
 * data). These types lead nowhere else: no contract, schedule, mandate, bank account, NIR, birth
 * date nor other member of the household can be reached from them, whatever the query asks.
 */

@ObjectType({ description: 'Who the care was for, as an advisor sees it: name and link to the member only (no birth date, no NIR).' })
export class AdvisorBeneficiary {
  @Field(() => ID, { description: 'Opaque identifier of the beneficiary.' })
  id!: string

  @Field(() => String, { description: 'First name.' })
  firstName!: string

  @Field(() => String, { description: 'Last name.' })
  lastName!: string

  @Field(() => RelationshipEnum, { description: 'Link to the member.' })
  relationship!: string
}

@ObjectType({ description: 'What accepting a reimbursement request paid, as the engine computed it (amounts in euro cents). No bank account nor contract.' })
export class AdvisorReimbursement {
  @Field(() => ID, { description: 'Opaque identifier of the reimbursement.' })
  id!: string

  @Field(() => Int, { description: 'Amount paid to the professional (dépense).' })
  expenseCents!: number

  @Field(() => Int, { description: 'Social Security base (BRSS).' })
  socialSecurityBaseCents!: number

  @Field(() => Int, { description: 'Paid by Social Security, after withholding.' })
  socialSecurityCents!: number

  @Field(() => Int, { description: 'Participation forfaitaire or franchise withheld by Social Security.' })
  withheldCents!: number

  @Field(() => WithholdingKindEnum, { description: 'What was withheld.' })
  withholdingKind!: string

  @Field(() => Int, { description: 'Paid by the mutuelle.' })
  mutuelleCents!: number

  @Field(() => Int, { description: 'Left to pay by the member (reste à charge).' })
  outOfPocketCents!: number

  @Field(() => DateScalar, { description: 'Day the mutuelle paid.' })
  paymentDate!: string
}

@ObjectType({ description: 'A démarche as an advisor decides it: the request, its supporting documents and its timeline. Every read is recorded in the member\'s access log.' })
export class AdvisorProcedure {
  @Field(() => ID, { description: 'Opaque identifier of the démarche.' })
  id!: string

  @Field(() => ProcedureKindEnum, { description: 'Kind.' })
  kind!: string

  @Field(() => ProcedureStatusEnum, { description: 'Current status.' })
  status!: string

  @Field(() => String, { description: 'Reference the member quotes, e.g. DEM-2026-000123.' })
  reference!: string

  @Field(() => DateTimeScalar, { description: 'When the member sent it.' })
  submittedAt!: string

  @Field(() => DateScalar, { nullable: true, description: 'Decision date promised to the member.' })
  estimatedDecisionDate!: string | null

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was decided.' })
  decidedAt!: string | null

  @Field(() => String, { nullable: true, description: 'Note of the decision, as the member reads it.' })
  decisionNote!: string | null

  @Field(() => CareTypeEnum, { nullable: true, description: 'Care type (reimbursements and quotes).' })
  careType!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Care date (reimbursements).' })
  careDate!: string | null

  @Field(() => Boolean, { description: 'Care received abroad.' })
  abroad!: boolean

  @Field(() => String, { nullable: true, description: 'Country of care, abroad.' })
  country!: string | null

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the amount.' })
  currency!: string | null

  @Field(() => Int, { nullable: true, description: 'Amount paid, in the minor unit of `currency`.' })
  amountCents!: number | null

  @Field(() => Int, { nullable: true, description: 'Amount in euro cents (converted when abroad).' })
  amountEurCents!: number | null

  @Field(() => Float, { nullable: true, description: 'Units of the currency for one euro used for the conversion, abroad.' })
  exchangeRate!: number | null

  @Field(() => Int, { nullable: true, description: 'Social Security base (BRSS) from the member\'s décompte, in euro cents.' })
  socialSecurityBaseCents!: number | null

  @Field(() => Int, { nullable: true, description: 'Amount Social Security paid, from the member\'s décompte, in euro cents.' })
  socialSecurityPaidCents!: number | null
}

@ObjectType({ description: 'A change of bank details under review, as an advisor sees it: the new IBAN masked, the holder, and which usages and beneficiaries move.' })
export class AdvisorBankAccountChange {
  @Field(() => BankAccountChangeStatusEnum, { description: 'Where the change stands.' })
  status!: string

  @Field(() => String, { description: 'The new IBAN, masked.' })
  ibanMasked!: string

  @Field(() => String, { description: 'Holder of the new account.' })
  holderName!: string

  @Field(() => String, { nullable: true, description: 'BIC of the new account, when given.' })
  bic!: string | null

  @Field(() => [BankAccountUsageEnum], { description: 'Usages moving to the new account.' })
  usages!: string[]

  @Field(() => Boolean, { description: 'Whether contributions move, which needs a new SEPA mandate.' })
  newMandate!: boolean

  @Field(() => [AdvisorBeneficiary], { description: 'Beneficiaries whose reimbursements will be paid into it.' })
  beneficiaries!: AdvisorBeneficiary[]
}

@ObjectType({ description: 'What a beneficiary addition or removal asks for, as an advisor decides it: for an addition the person\'s names, birth date, link, rank, first day and the kind of proof; for a removal the last day and the reason. The Social Security number the member gave never reaches advisors.' })
export class AdvisorBeneficiaryRequest {
  @Field(() => String, { nullable: true, description: 'First name of the person to add (additions).' })
  firstName!: string | null

  @Field(() => String, { nullable: true, description: 'Last name of the person to add (additions).' })
  lastName!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Birth date of the person to add, which the decision checks against the proof (additions).' })
  birthDate!: string | null

  @Field(() => RelationshipEnum, { nullable: true, description: 'Link to the member (additions).' })
  relationship!: string | null

  @Field(() => Int, { nullable: true, description: 'Rank asked for, 2–19 (additions).' })
  rank!: number | null

  @Field(() => NirOwnerEnum, { nullable: true, description: 'Whether the person has a Social Security number of their own or is attached to an insured\'s (additions); the number itself is not shown.' })
  nirOwner!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'First day of coverage asked for (additions).' })
  coverageStart!: string | null

  @Field(() => SupportingDocumentKindEnum, { nullable: true, description: 'What the attached supporting document is (additions).' })
  documentKind!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Last day of coverage asked for (removals; who is removed is `AdvisorProcedure.beneficiary`).' })
  coverageEnd!: string | null

  @Field(() => String, { nullable: true, description: 'Reason given by the member (removals).' })
  reason!: string | null
}

@ObjectType({ description: 'A prise en charge asked by a professional, as an advisor decides it: who asks, for what care, the quote\'s lines (with the amounts committed once accepted).' })
export class AdvisorCoverageAgreement {
  @Field(() => String, { description: 'The partner who asked (the token\'s name).' })
  partnerName!: string

  @Field(() => String, { nullable: true, description: 'FINESS of the establishment, when given.' })
  finess!: string | null

  @Field(() => String, { nullable: true, description: 'RPPS of the professional, when given.' })
  rpps!: string | null

  @Field(() => String, { nullable: true, description: 'ADELI of the professional, when given.' })
  adeli!: string | null

  @Field(() => CoverageAgreementDomainEnum, { description: 'Care domain.' })
  careDomain!: string

  @Field(() => DateScalar, { description: 'Planned day of the care.' })
  plannedDate!: string

  @Field(() => String, { nullable: true, description: 'Why the rules left it to an advisor, in French; null when the rules decided.' })
  reviewReason!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Last day of care the committed amounts hold for, once accepted.' })
  validUntil!: string | null

  @Field(() => [CoverageAgreementLine], { description: 'The quote\'s lines; amounts committed are null until accepted.' })
  lines!: CoverageAgreementLine[]
}

@ObjectType({ description: 'For an « Affiliation » démarche: the change of option to decide. Products and options only: no contract number nor schedule.' })
export class AdvisorOptionChange {
  @Field(() => String, { description: 'The contract\'s product.' })
  productLabel!: string

  @Field(() => String, { description: 'The option in force, which the household leaves.' })
  fromOption!: string

  @Field(() => String, { description: 'The option chosen.' })
  toOption!: string

  @Field(() => DateScalar, { description: 'First day of the new option (the 1st of a month).' })
  startDate!: string

  @Field(() => Int, { description: 'Monthly contribution of the household before, in euro cents.' })
  monthlyBeforeCents!: number

  @Field(() => Int, { description: 'Monthly contribution of the household under the new option, in euro cents.' })
  monthlyAfterCents!: number

  @Field(() => Int, { description: 'How many people the contract covers.' })
  coveredCount!: number
}
