import { Field, ID, InputType, Int } from 'type-graphql'
import { DateScalar } from '../../core/scalars.ts'
import { CareTypeEnum } from '../contracts/contract.enums.ts'
import type { CareType } from '../../db/schema/index.ts'

@InputType({ description: 'What a reimbursement can be estimated from, before documents are attached.' })
export class ReimbursementEstimateInput {
  @Field(() => ID, { description: 'Beneficiary who received the care (of the member\'s household).' })
  beneficiaryId!: string

  @Field(() => CareTypeEnum, { description: 'Care category.' })
  careType!: CareType

  @Field(() => DateScalar, { description: 'Day of the care: not in the future, at most 2 years ago.' })
  careDate!: string

  @Field(() => Boolean, { description: 'Care received abroad: then country and currency are required.' })
  abroad!: boolean

  @Field(() => String, { nullable: true, description: 'Country of care, abroad (French name, e.g. "Canada").' })
  country?: string | null

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the amount (see `exchangeRates`); EUR, or null, in France.' })
  currency?: string | null

  @Field(() => Int, { description: 'Amount paid, in cents of `currency` (euro cents in France).' })
  amountCents!: number

  @Field(() => Int, { nullable: true, description: 'Social Security base (BRSS) from the décompte, in euro cents, when the member has one.' })
  socialSecurityBaseCents?: number | null

  @Field(() => Int, { nullable: true, description: 'Amount Social Security paid, from the décompte, in euro cents, when the member has one.' })
  socialSecurityPaidCents?: number | null
}

@InputType({ description: 'A reimbursement request (demande de remboursement) with its supporting documents.' })
export class ReimbursementRequestInput extends ReimbursementEstimateInput {
  @Field(() => [ID], { description: 'Ids returned by POST /api/uploads: 1 to 5 supporting documents (invoice, décompte…), not attached elsewhere.' })
  attachmentIds!: string[]

  @Field(() => String, { nullable: true, description: 'Health professional or establishment, as on the invoice (optional, 120 characters at most).' })
  providerName?: string | null
}
