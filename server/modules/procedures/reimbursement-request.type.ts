import { Field, Float, Int, ObjectType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import { DateScalar } from '../../core/scalars.ts'
import { ContractShare } from '../reimbursements/reimbursement.type.ts'

@ObjectType({ description: 'What the mutuelle would pay for a care today, computed by the reimbursement engine from the contract\'s guarantees. Indicative: the decision uses the figures of the day it is taken.' })
export class ReimbursementEstimate {
  @Field(() => Int, { description: 'Amount paid, in euro cents (converted at the reference rate when abroad).' })
  amountEurCents!: number

  @Field(() => Float, { nullable: true, description: 'Units of the currency for one euro, abroad; null in euros.' })
  exchangeRate!: number | null

  @Field(() => DateScalar, { nullable: true, description: 'Day of the reference rate, abroad.' })
  exchangeRateDate!: string | null

  @Field(() => Int, { description: 'Social Security base (BRSS), in euro cents: from the décompte, or the care type\'s reference.' })
  socialSecurityBaseCents!: number

  @Field(() => Int, { description: 'Social Security rate, in percent.' })
  socialSecurityRatePercent!: number

  @Field(() => Boolean, { description: 'True when the base or rate is the care type\'s reference rather than the member\'s décompte.' })
  usedReferenceBase!: boolean

  @Field(() => Int, { description: 'Paid by Social Security, after withholding, in euro cents.' })
  socialSecurityCents!: number

  @Field(() => Int, { description: 'Participation forfaitaire or franchise withheld by Social Security, in euro cents.' })
  withheldCents!: number

  @Field(() => Int, { description: 'Paid by the mutuelle, every contract together, in euro cents (the sum of `shares`).' })
  mutuelleCents!: number

  @Field(() => [ContractShare], { description: 'What each contract with a guarantee for this care would pay, in paying order (main contract first).' })
  shares!: unknown[]

  @Field(() => Int, { description: 'Left to pay by the member, in euro cents.' })
  outOfPocketCents!: number

  @Field(() => String, { nullable: true, description: 'Label of the guarantee of the first contract that would pay; null when no contract covers this care.' })
  guaranteeLabel!: string | null

  @Field(() => Boolean, { description: 'False when Social Security reimburses nothing of this care type (médecines douces): there is no décompte, so none is asked.' })
  socialSecurityStatementAsked!: boolean

  @Field(() => [String], { description: 'The computation explained line by line, in French.' })
  explanation!: string[]
}

@ObjectType({ description: 'An estimate, or the reasons it cannot be computed.' })
export class ReimbursementEstimatePayload {
  @Field(() => ReimbursementEstimate, { nullable: true, description: 'The estimate; null when errors is not empty.' })
  estimate!: ReimbursementEstimate | null

  @Field(() => [UserError], { description: 'Validation failures, in French, each tied to its input field.' })
  errors!: UserError[]
}
