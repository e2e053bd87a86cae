import { Field, ID, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../../core/scalars.ts'
import { Contract } from '../contracts/contract.type.ts'

@ObjectType({ description: 'An Inter-AMC care domain code and its French legend, as printed on the back of the card.' })
export class CareDomain {
  @Field(() => String, { description: 'Code, e.g. PHAR.' })
  code!: string

  @Field(() => String, { description: 'Legend in French, e.g. "Pharmacie".' })
  label!: string
}

@ObjectType({ description: 'A beneficiary as printed on the tiers-payant card, with the care domains they can use without advancing costs.' })
export class CardBeneficiary {
  @Field(() => ID, { description: 'Beneficiary id.' })
  id!: string

  @Field(() => String, { description: 'First name.' })
  firstName!: string

  @Field(() => String, { description: 'Last name.' })
  lastName!: string

  @Field(() => DateScalar, { description: 'Birth date (identifies the beneficiary at the pharmacy).' })
  birthDate!: string

  @Field(() => Int, { description: 'Rank: the member 1, others 2–19.' })
  rank!: number

  @Field(() => [String], { description: 'Inter-AMC care domain codes under tiers payant: PHAR, MED, LABO, RADL, HOSP, OPTI, DENT, AUDI, AUXM, SAGE, TRSP.' })
  domains!: string[]

  @Field(() => [CareDomain], { description: 'The same domains with their French legends, in printed order.' })
  careDomains!: CareDomain[]
}

@ObjectType({ description: 'Carte de tiers payant (harmonised Inter-AMC format) of a contract for the current year.' })
export class InsuranceCard {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'Card number.' })
  cardNumber!: string

  @Field(() => DateScalar, { description: 'First day of validity.' })
  validFrom!: string

  @Field(() => DateScalar, { description: 'Last day of validity.' })
  validTo!: string

  @Field(() => String, { description: 'Numéro AMC: identifies the mutuelle to health professionals.' })
  amcNumber!: string

  @Field(() => String, { description: 'Type de convention (tiers-payant agreement).' })
  conventionType!: string

  @Field(() => String, { description: 'Critère secondaire de routage.' })
  routingCriterion!: string

  @Field(() => String, { description: 'Numéro d\'adhérent.' })
  memberNumber!: string

  @Field(() => Contract, { description: 'The contract the card belongs to.' })
  contract!: unknown

  @Field(() => [CardBeneficiary], { description: 'Beneficiaries on the card, by rank.' })
  beneficiaries!: CardBeneficiary[]

  @Field(() => [CareDomain], { description: 'Legend of every domain code used on the card, in printed order.' })
  legend!: CareDomain[]

  @Field(() => String, { description: 'Text encoded in the card\'s DataMatrix: `IAMC1|AMC=<numéro AMC>|CONV=<type de convention>|CSR=<critère secondaire de routage>|ADH=<numéro d\'adhérent>|DEB=<YYYYMMDD>|FIN=<YYYYMMDD>|CARTE=<numéro de carte>` — labelled fields separated by "|", no personal data beyond the member number.' })
  dataMatrixText!: string

  @Field(() => String, { description: 'The DataMatrix as SVG markup (black modules on white), to draw the card.' })
  dataMatrixSvg!: string
}
