import { Field, ID, InputType, Int } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { DateScalar } from '../../core/scalars.ts'
import { RelationshipEnum } from './beneficiary.type.ts'

export const NIR_OWNERS = ['BENEFICIARY', 'INSURED'] as const
export type NirOwner = typeof NIR_OWNERS[number]
export const SUPPORTING_DOCUMENT_KINDS = ['FAMILY_RECORD_BOOK', 'BIRTH_CERTIFICATE', 'PACS_CERTIFICATE'] as const
export type SupportingDocumentKind = typeof SUPPORTING_DOCUMENT_KINDS[number]

export const NirOwnerEnum = enumFrom(NIR_OWNERS, 'NirOwner', 'Whose Social Security number (NIR) is given for a new beneficiary.', {
  BENEFICIARY: 'The beneficiary\'s own number.',
  INSURED: 'The number of the insured person the beneficiary is attached to (a child on a parent\'s number).',
})
export const SupportingDocumentKindEnum = enumFrom(SUPPORTING_DOCUMENT_KINDS, 'SupportingDocumentKind', 'Document proving the link to the member.', {
  FAMILY_RECORD_BOOK: 'Livret de famille.',
  BIRTH_CERTIFICATE: 'Acte de naissance.',
  PACS_CERTIFICATE: 'Attestation de PACS (pacte civil de solidarité).',
})

@InputType({ description: 'A request to cover one more person (ayant droit) by the household\'s contracts; an advisor decides it.' })
export class BeneficiaryAdditionInput {
  @Field(() => String, { description: 'First name, 60 characters at most.' })
  firstName!: string

  @Field(() => String, { description: 'Last name, 60 characters at most.' })
  lastName!: string

  @Field(() => DateScalar, { description: 'Birth date, not in the future.' })
  birthDate!: string

  @Field(() => RelationshipEnum, { description: 'Link to the member: SPOUSE, CHILD or OTHER (SELF is the member, already covered).' })
  relationship!: string

  @Field(() => [ID], { nullable: true, description: 'Ids from POST /api/uploads: 1 to 5 supporting documents (livret de famille, acte de naissance, attestation de PACS). Required.' })
  attachmentIds?: string[] | null

  @Field(() => Int, { nullable: true, description: 'Beneficiary rank 2–19, free in the household (see `freeBeneficiaryRanks`); the lowest free one when omitted.' })
  rank?: number | null

  @Field(() => String, { nullable: true, description: 'Social Security number (NIR), 15 characters with its key; spaces allowed. Required.' })
  nir?: string | null

  @Field(() => NirOwnerEnum, { nullable: true, description: 'Whose number `nir` is; BENEFICIARY when omitted.' })
  nirOwner?: string | null

  @Field(() => DateScalar, { nullable: true, description: 'First day of coverage: not before birth, at most 6 months ago (a birth, a marriage) and 3 months ahead; today when omitted.' })
  coverageStart?: string | null

  @Field(() => SupportingDocumentKindEnum, { nullable: true, description: 'What the attached document is. Required.' })
  documentKind?: string | null
}

@InputType({ description: 'A request to end a beneficiary\'s coverage; an advisor decides it.' })
export class BeneficiaryRemovalInput {
  @Field(() => ID, { description: 'The beneficiary, of the member\'s household (not the member themself).' })
  beneficiaryId!: string

  @Field(() => DateScalar, { description: 'Last day of coverage: from today to 12 months ahead, not before coverage started.' })
  coverageEnd!: string

  @Field(() => String, { nullable: true, description: 'Why, for the advisor (500 characters at most).' })
  reason?: string | null

  @Field(() => [ID], { nullable: true, description: 'Optional supporting documents (ids from POST /api/uploads), 5 at most.' })
  attachmentIds?: string[] | null
}
