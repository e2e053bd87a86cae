import { Field, ID, Int, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { UserError } from '../../core/errors.ts'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import type { AgreementDomain } from '../../db/schema/index.ts'
import { AGREEMENT_DOMAINS } from '../../db/schema/index.ts'

export const CoverageAgreementDomainEnum = enumFrom(AGREEMENT_DOMAINS, 'CoverageAgreementDomain', 'Care domain of a prise en charge, which decides the codes its quote lines may use.', {
  OPTICS: 'Optique: frames, lenses, contact lenses (codes OPT-…).',
  DENTAL: 'Dentaire: crowns, bridges, implants (codes DEN-…).',
  AUDIOLOGY: 'Audiologie: hearing aids (codes AUD-…).',
  HOSPITAL: 'Hospitalisation: stay, fees, private room (codes HOS-…); always studied by an advisor.',
})

export const COVERAGE_AGREEMENT_STATUSES = ['ACCEPTED', 'UNDER_REVIEW', 'REJECTED'] as const
export type CoverageAgreementStatus = typeof COVERAGE_AGREEMENT_STATUSES[number]
export const CoverageAgreementStatusEnum = enumFrom(COVERAGE_AGREEMENT_STATUSES, 'CoverageAgreementStatus', 'Where a prise en charge stands.', {
  ACCEPTED: 'Accordée: the mutuelle commits to pay the amounts given, line by line, for care done by `validUntil`.',
  UNDER_REVIEW: 'À l\'étude: an advisor decides (hospitalisation, a total above the automatic ceiling, or a care the contract does not list); ask again with coverageAgreement(id).',
  REJECTED: 'Refusée by an advisor: the mutuelle commits to nothing beyond the usual reimbursement.',
})

@ObjectType({ description: 'One line of the professional\'s quote, with what the mutuelle commits to pay for it once accepted (amounts in euro cents).' })
export class CoverageAgreementLine {
  @Field(() => String, { description: 'Code of the line, as sent (see requestCoverageAgreement for the list).' })
  code!: string

  @Field(() => String, { description: 'What the code stands for, in French.' })
  label!: string

  @Field(() => Int, { description: 'Amount of the line on the quote.' })
  amountCents!: number

  @Field(() => Int, { description: 'Social Security base (BRSS) of the line.' })
  socialSecurityBaseCents!: number

  @Field(() => Int, { nullable: true, description: 'Expected Social Security share; null until accepted.' })
  socialSecurityCents!: number | null

  @Field(() => Int, { nullable: true, description: 'What the mutuelle commits to pay for this line; null until accepted.' })
  mutuelleCents!: number | null

  @Field(() => Int, { nullable: true, description: 'What is left to the patient for this line; null until accepted.' })
  outOfPocketCents!: number | null
}

@ObjectType({ description: 'A prise en charge (PEC) as the professional who asked for it sees it: the answer and the committed amounts, nothing else of the patient\'s file (no name, no contract, no other beneficiary).' })
export class CoverageAgreement {
  @Field(() => ID, { description: 'Identifier to ask for the state again with coverageAgreement(id); only the token that asked can read it.' })
  id!: string

  @Field(() => CoverageAgreementStatusEnum, { description: 'Accordée, à l\'étude or refusée.' })
  status!: CoverageAgreementStatus

  @Field(() => String, { description: 'The answer in one French sentence, ready to show to the patient.' })
  message!: string

  @Field(() => CoverageAgreementDomainEnum, { description: 'Care domain asked for.' })
  careDomain!: string

  @Field(() => DateScalar, { description: 'Planned day of the care.' })
  plannedDate!: string

  @Field(() => DateTimeScalar, { description: 'When the professional asked.' })
  requestedAt!: string

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was accepted or refused; null while under review.' })
  decidedAt!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Last day of care the committed amounts hold for; null unless accepted.' })
  validUntil!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Day by which an advisor is expected to decide, while under review.' })
  expectedDecisionDate!: string | null

  @Field(() => Int, { description: 'Total of the quote, in euro cents.' })
  amountCents!: number

  @Field(() => Int, { nullable: true, description: 'Expected Social Security share of the whole quote; null until accepted.' })
  socialSecurityCents!: number | null

  @Field(() => Int, { nullable: true, description: 'What the mutuelle commits to pay for the whole quote (tiers payant); null until accepted.' })
  mutuelleCents!: number | null

  @Field(() => Int, { nullable: true, description: 'What is left to the patient; null until accepted.' })
  outOfPocketCents!: number | null

  @Field(() => [CoverageAgreementLine], { description: 'The quote\'s lines, in the order sent.' })
  lines!: CoverageAgreementLine[]
}

@ObjectType({ description: 'Answer to requestCoverageAgreement: the prise en charge, or the errors that prevented it (nothing is saved then).' })
export class CoverageAgreementPayload {
  @Field(() => CoverageAgreement, { nullable: true, description: 'The prise en charge, accepted at once or under review; null when errors is not empty.' })
  agreement!: CoverageAgreement | null

  @Field(() => [UserError], { description: 'Validation failures, each tied to its input field (e.g. "lines.0.code", "provider.rpps"). A card number and a birth date that do not match answer NOT_FOUND on "cardNumber", whichever is wrong.' })
  errors!: UserError[]
}

@ObjectType({ description: 'The prise en charge a reimbursement was paid under: what the mutuelle had committed to, beside what it paid.' })
export class ReimbursementAgreement {
  @Field(() => String, { description: 'Reference of the prise en charge démarche (DEM-…), as in Mes démarches.' })
  reference!: string

  @Field(() => CoverageAgreementDomainEnum, { description: 'Care domain of the prise en charge.' })
  careDomain!: AgreementDomain

  @Field(() => DateScalar, { description: 'Day of care the professional planned.' })
  plannedDate!: string

  @Field(() => DateScalar, { description: 'Last day of care the commitment held for.' })
  validUntil!: string

  @Field(() => Int, { description: 'What the mutuelle committed to pay for the quote, in euro cents (every line).' })
  committedCents!: number

  @Field(() => String, { description: 'Committed and paid side by side, in words: why they differ when they do.' })
  explanation!: string
}
