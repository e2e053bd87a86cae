import { Field, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../../core/scalars.ts'
import { NirOwnerEnum, SupportingDocumentKindEnum } from './beneficiary-request.input.ts'
import { RelationshipEnum } from './beneficiary.type.ts'

@ObjectType({ description: 'What an « Ajout de bénéficiaire » (BENEFICIARY_ADDITION) or « Retrait de bénéficiaire » (BENEFICIARY_REMOVAL) démarche asks for.' })
export class BeneficiaryRequestDetails {
  @Field(() => String, { nullable: true, description: 'First name of the person to add (additions).' })
  firstName!: string | null

  @Field(() => String, { nullable: true, description: 'Last name of the person to add (additions).' })
  lastName!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Birth date of the person to add (additions).' })
  birthDate!: string | null

  @Field(() => RelationshipEnum, { nullable: true, description: 'Link to the member (additions).' })
  relationship!: string | null

  @Field(() => Int, { nullable: true, description: 'Rank asked for, 2–19 (additions).' })
  rank!: number | null

  @Field(() => String, { nullable: true, description: 'Social Security number given, masked (additions).' })
  nirMasked!: string | null

  @Field(() => NirOwnerEnum, { nullable: true, description: 'Whose number it is (additions).' })
  nirOwner!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'First day of coverage asked for (additions).' })
  coverageStart!: string | null

  @Field(() => SupportingDocumentKindEnum, { nullable: true, description: 'What the attached supporting document is (additions).' })
  documentKind!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Last day of coverage asked for (removals).' })
  coverageEnd!: string | null

  @Field(() => String, { nullable: true, description: 'Reason given by the member (removals).' })
  reason!: string | null
}
