import { Field, Int, ObjectType } from 'type-graphql'

@ObjectType({ description: 'The estimated split of a quote, computed by the engine that pays reimbursements, with the guarantee as it stands today (forfaits already used this year included). Amounts in euro cents; socialSecurityCents + mutuelleCents + outOfPocketCents = the quote\'s amount.' })
export class QuoteAnalysis {
  @Field(() => Int, { description: 'The quote\'s amount (Dépense), in euro cents.' })
  expenseCents!: number

  @Field(() => Int, { description: 'Base de remboursement used (from the quote, or the care type\'s reference base).' })
  socialSecurityBaseCents!: number

  @Field(() => Boolean, { description: 'True when the base or the Social Security rate comes from the care type\'s references rather than the quote (the rate always does: a quote gives none).' })
  usedReferenceBase!: boolean

  @Field(() => Int, { description: 'Remboursé par la Sécurité sociale (estimate), withheld amounts already deducted.' })
  socialSecurityCents!: number

  @Field(() => Int, { description: 'Dont participation forfaitaire / franchise: withheld by Social Security, never reimbursed by the mutuelle.' })
  withheldCents!: number

  @Field(() => Int, { description: 'Remboursé par votre mutuelle (estimate).' })
  mutuelleCents!: number

  @Field(() => Int, { description: 'Reste à votre charge (estimate).' })
  outOfPocketCents!: number

  @Field(() => String, { nullable: true, description: 'The guarantee applied, as in the guarantee table; null when no contract covers this care.' })
  guaranteeLabel!: string | null

  @Field(() => String, { nullable: true, description: 'The contract whose guarantee applies.' })
  contractLabel!: string | null

  @Field(() => Int, { nullable: true, description: 'What is left of the guarantee\'s yearly forfait for this beneficiary before this care, in euro cents; null without a forfait.' })
  forfaitRemainingCents!: number | null

  @Field(() => Int, { nullable: true, description: 'What a « 100 % Santé » equipment or care of the same kind would leave to pay, in euro cents (0 with a contrat responsable); null for care types without a 100 % Santé basket.' })
  hundredPercentSanteOutOfPocketCents!: number | null

  @Field(() => [String], { description: 'How the amounts are computed, line by line, in French (« Pourquoi ce montant ? »).' })
  explanation!: string[]
}
