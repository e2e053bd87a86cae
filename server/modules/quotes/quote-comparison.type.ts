import { Field, Int, ObjectType } from 'type-graphql'
import { DateScalar } from '../../core/scalars.ts'
import { Procedure } from '../procedures/procedure.type.ts'

@ObjectType({ description: 'A sent quote (devis) beside the reimbursement of the care it announced: the estimate the member was shown, what was actually paid, and why they differ. Amounts in euro cents.' })
export class QuoteComparison {
  @Field(() => Procedure, { description: 'The « Devis » démarche whose estimate is compared.' })
  quote!: unknown

  @Field(() => DateScalar, { description: 'Day the quote was sent.' })
  quotedOn!: string

  @Field(() => Int, { description: 'Amount of the quote.' })
  estimatedExpenseCents!: number

  @Field(() => Int, { description: 'Social Security share estimated when the quote was sent.' })
  estimatedSocialSecurityCents!: number

  @Field(() => Int, { description: 'Mutuelle share estimated when the quote was sent.' })
  estimatedMutuelleCents!: number

  @Field(() => Int, { description: 'Out-of-pocket estimated when the quote was sent.' })
  estimatedOutOfPocketCents!: number

  @Field(() => Int, { description: 'Amount actually billed (dépense).' })
  actualExpenseCents!: number

  @Field(() => Int, { description: 'Social Security share actually paid.' })
  actualSocialSecurityCents!: number

  @Field(() => Int, { description: 'Mutuelle share actually paid.' })
  actualMutuelleCents!: number

  @Field(() => Int, { description: 'Out-of-pocket actually left.' })
  actualOutOfPocketCents!: number

  @Field(() => [String], { description: 'Why the amounts differ, in French, one reason per line; the last line compares the out-of-pocket.' })
  explanation!: string[]
}
