import { Field, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { DateScalar } from '../../core/scalars.ts'

export const COVERAGE_REASONS = ['COVERED', 'NOT_FOUND', 'OUTSIDE_VALIDITY', 'NOT_COVERED_ON_DATE', 'DOMAIN_NOT_COVERED'] as const
export type CoverageReason = typeof COVERAGE_REASONS[number]

export const CoverageReasonEnum = enumFrom(COVERAGE_REASONS, 'CoverageReason', 'Why a tiers-payant check answered as it did.', {
  COVERED: 'The beneficiary may use tiers payant for this care on this day.',
  NOT_FOUND: 'No card with this number carries a beneficiary born on this day (the same answer whichever part is wrong).',
  OUTSIDE_VALIDITY: 'The card is not valid on this day.',
  NOT_COVERED_ON_DATE: 'The beneficiary or the contract was not covered on this day.',
  DOMAIN_NOT_COVERED: 'The beneficiary has no tiers payant for this care domain.',
})

@ObjectType({ description: 'Answer to a health professional\'s tiers-payant check. It carries the least data needed to bill the mutuelle: no name, no address, no health history.' })
export class CoverageCheck {
  @Field(() => Boolean, { description: 'True when the professional can apply tiers payant for this care.' })
  covered!: boolean

  @Field(() => CoverageReasonEnum, { description: 'Why.' })
  reason!: CoverageReason

  @Field(() => String, { nullable: true, description: 'Inter-AMC care domain code the care type falls under (PHAR, MED, LABO, RADL, HOSP, OPTI, DENT, AUDI, AUXM); null for care no card domain covers.' })
  domain!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the card\'s validity, when the card and birth date matched.' })
  validTo!: string | null

  @Field(() => String, { nullable: true, description: 'Numéro AMC to bill, when covered.' })
  amcNumber!: string | null

  @Field(() => String, { nullable: true, description: 'Type de convention, when covered.' })
  conventionType!: string | null

  @Field(() => String, { nullable: true, description: 'Critère secondaire de routage, when covered.' })
  routingCriterion!: string | null
}
