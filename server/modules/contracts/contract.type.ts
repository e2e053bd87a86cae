import { Field, ID, Int, ObjectType } from 'type-graphql'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { CareTypeEnum, ContractStatusEnum, InstalmentStatusEnum } from './contract.enums.ts'

@ObjectType({ description: 'One line of the guarantee table (tableau de garanties).' })
export class Guarantee {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => CareTypeEnum, { description: 'Care category the line applies to.' })
  careType!: string

  @Field(() => String, { description: 'Label in French, e.g. "Consultations et visites de généralistes".' })
  label!: string

  @Field(() => Int, { nullable: true, description: 'Reimbursement as a percentage of the Social Security base (BRSS), Social Security included; null for a forfait only.' })
  brssPercent!: number | null

  @Field(() => Int, { nullable: true, description: 'Yearly forfait per beneficiary, in euro cents, on top of the percentage.' })
  yearlyForfaitCents!: number | null

  @Field(() => Int, { nullable: true, description: 'Most the mutuelle pays for one act, in euro cents.' })
  perActCeilingCents!: number | null

  @Field(() => Boolean, { description: '100 % Santé basket: no out-of-pocket on the reference equipment.' })
  hundredPercentSante!: boolean
}

@ObjectType({ description: 'One instalment of the contribution schedule (échéancier de cotisations).' })
export class ContributionInstalment {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => DateScalar, { description: 'Due date of the debit.' })
  dueDate!: string

  @Field(() => Int, { description: 'Amount debited from the member, in euro cents.' })
  amountCents!: number

  @Field(() => Int, { description: 'Share paid by the employer for the same month, in euro cents.' })
  employerShareCents!: number

  @Field(() => InstalmentStatusEnum, { description: 'Paid, scheduled or rejected.' })
  status!: string

  @Field(() => String, { description: 'Payment method: SEPA_DIRECT_DEBIT, PAYROLL or TRANSFER.' })
  method!: string

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was paid.' })
  paidAt!: string | null
}

@ObjectType({ description: 'A contract of the member (product and option). A member can hold several.' })
export class Contract {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'Contract number.' })
  number!: string

  @Field(() => String, { description: 'Product, e.g. "Garanties sociale interministériel".' })
  label!: string

  @Field(() => String, { description: 'Option, e.g. "Option A".' })
  option!: string

  @Field(() => ContractStatusEnum, { description: 'In force, suspended or terminated.' })
  status!: string

  @Field(() => DateScalar, { description: 'Start date.' })
  startDate!: string

  @Field(() => DateScalar, { nullable: true, description: 'End date, when terminated.' })
  endDate!: string | null

  @Field(() => Boolean, { description: 'The main contract, shown first.' })
  main!: boolean

  @Field(() => Boolean, { description: 'Collective contract, subscribed through the employer.' })
  collective!: boolean

  @Field(() => Boolean, { description: 'Contrat responsable (never reimburses participations forfaitaires and franchises).' })
  responsible!: boolean

  @Field(() => Int, { description: 'Monthly contribution paid by the member, in euro cents.' })
  monthlyContributionCents!: number

  @Field(() => Int, { description: 'Monthly employer participation, in euro cents.' })
  employerParticipationCents!: number
}
