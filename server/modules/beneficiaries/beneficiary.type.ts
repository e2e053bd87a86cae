import { Field, ID, Int, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { DateScalar } from '../../core/scalars.ts'
import { NOEMIE_STATUSES, RELATIONSHIPS } from '../../db/schema/index.ts'

export const RelationshipEnum = enumFrom(RELATIONSHIPS, 'Relationship', 'Link of a beneficiary to the member.', {
  SELF: 'The member themself.',
  SPOUSE: 'Spouse, civil partner or partner.',
  CHILD: 'Child.',
  OTHER: 'Other dependant.',
})
export const NoemieStatusEnum = enumFrom(NOEMIE_STATUSES, 'NoemieStatus', 'State of the télétransmission (NOEMIE) link between Social Security and the mutuelle.', {
  ACTIVE: 'Social Security forwards décomptes automatically.',
  PENDING: 'Activation requested, not effective yet.',
  INACTIVE: 'No link: the member must send décomptes.',
  HELD_BY_PREVIOUS_INSURER: 'The link still points to a previous mutuelle.',
})

@ObjectType({ simpleResolvers: true, description: 'A person covered by the household\'s contracts (ayant droit), the member included.' })
export class Beneficiary {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'First name.' })
  firstName!: string

  @Field(() => String, { description: 'Last name.' })
  lastName!: string

  @Field(() => DateScalar, { description: 'Birth date.' })
  birthDate!: string

  @Field(() => RelationshipEnum, { description: 'Link to the member.' })
  relationship!: string

  @Field(() => Int, { description: 'Rank on Social Security documents: the member 1, others 2–19 (shown as 01–19).' })
  rank!: number

  @Field(() => DateScalar, { description: 'First day of coverage.' })
  coverageStart!: string

  @Field(() => DateScalar, { nullable: true, description: 'Last day of coverage, when it ends.' })
  coverageEnd!: string | null

  @Field(() => String, { nullable: true, description: 'Social Security fund (caisse) the beneficiary belongs to.' })
  socialSecurityFund!: string | null

  @Field(() => NoemieStatusEnum, { description: 'Télétransmission link status.' })
  noemieStatus!: string
}
