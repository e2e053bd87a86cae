import type { CareType } from '../../db/schema/index.ts'
import { Field, ID, InputType, Int } from 'type-graphql'
import { CareTypeEnum } from '../contracts/contract.enums.ts'

@InputType({ description: 'A quote (devis) from a health professional, before the care: what the member pays and, when the quote gives it, the Social Security base.' })
export class QuoteInput {
  @Field(() => ID, { description: 'Beneficiary the care is for (of the member\'s household).' })
  beneficiaryId!: string

  @Field(() => CareTypeEnum, { description: 'Care category: OPTICS, DENTAL, AUDIOLOGY and HOSPITAL are the usual quotes.' })
  careType!: CareType

  @Field(() => Int, { description: 'Total of the quote, in euro cents (more than 0, at most 200,000 €).' })
  amountCents!: number

  @Field(() => Int, { nullable: true, description: 'Social Security base (BRSS) written on the quote, in euro cents; without it the reference base of the care type is used.' })
  socialSecurityBaseCents?: number | null

  @Field(() => Boolean, { nullable: true, description: 'The quote is for a « 100 % Santé » equipment or care (optics class A, dental basket, audiology class I).' })
  hundredPercentSante?: boolean | null

  @Field(() => [ID], { nullable: true, description: 'Ids from POST /api/uploads: the quote itself (1 to 5 files); required by submitQuote, ignored by analyseQuote.' })
  attachmentIds?: string[] | null
}
