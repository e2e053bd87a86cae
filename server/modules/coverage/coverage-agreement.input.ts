import type { AgreementDomain } from '../../db/schema/index.ts'
import { Field, InputType, Int } from 'type-graphql'
import { DateScalar } from '../../core/scalars.ts'
import { AGREEMENT_CODES } from './coverage-agreement.rules.ts'
import { CoverageAgreementDomainEnum } from './coverage-agreement.type.ts'

const CODE_LIST = Object.entries(AGREEMENT_CODES).map(([code, c]) => `${code} (${c.label})`).join(', ')

@InputType({ description: 'Who will give the care: an establishment\'s FINESS, or a professional\'s RPPS or ADELI (at least one).' })
export class CoverageAgreementProviderInput {
  @Field(() => String, { nullable: true, description: 'FINESS of the establishment: 9 characters (department, then 7 digits).' })
  finess?: string | null

  @Field(() => String, { nullable: true, description: 'RPPS of the professional: 11 digits, the last a Luhn check digit.' })
  rpps?: string | null

  @Field(() => String, { nullable: true, description: 'ADELI of the professional: 9 digits.' })
  adeli?: string | null
}

@InputType({ description: 'One line of the quote.' })
export class CoverageAgreementLineInput {
  @Field(() => String, { description: `Code of the line, of the care domain asked: ${CODE_LIST}.` })
  code!: string

  @Field(() => Int, { description: 'Amount of the line, in euro cents (more than 0).' })
  amountCents!: number

  @Field(() => Int, { description: 'Social Security base (BRSS) of the line, in euro cents (0 for care outside the nomenclature, at most the amount).' })
  socialSecurityBaseCents!: number
}

@InputType({ description: 'A professional\'s request for a prise en charge, before the care, on a quote.' })
export class CoverageAgreementInput {
  @Field(() => String, { description: 'Number printed on the patient\'s tiers-payant card.' })
  cardNumber!: string

  @Field(() => DateScalar, { description: 'Birth date of the patient (a beneficiary on the card).' })
  birthDate!: string

  @Field(() => CoverageAgreementProviderInput, { description: 'Who will give the care.' })
  provider!: CoverageAgreementProviderInput

  @Field(() => CoverageAgreementDomainEnum, { description: 'Care domain.' })
  careDomain!: AgreementDomain

  @Field(() => DateScalar, { description: 'Planned day of the care: from today to six months ahead.' })
  plannedDate!: string

  @Field(() => [CoverageAgreementLineInput], { description: 'The quote\'s lines (1 to 20).' })
  lines!: CoverageAgreementLineInput[]
}
