import { Field, ID, Int, ObjectType } from 'type-graphql'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { CareTypeEnum, ContractStatusEnum, ContributionMethodEnum, InstalmentSettlementEnum, InstalmentStatusEnum, SepaMandateStatusEnum } from './contract.enums.ts'

@ObjectType({ description: 'A worked example of a guarantee, computed by the reimbursement engine that pays real claims: one typical act for an adult, forfaits not yet used this year. Amounts in euro cents add up: expense = socialSecurity + mutuelle + outOfPocket.' })
export class GuaranteeExample {
  @Field(() => String, { description: 'The act, in French, e.g. "Pour une consultation chez un spécialiste à 50,00 € (base de remboursement 30,00 €)".' })
  description!: string

  @Field(() => Int, { description: 'Price paid for the act (dépense), in euro cents.' })
  expenseCents!: number

  @Field(() => Int, { description: 'Social Security base (BRSS) of the act, in euro cents.' })
  socialSecurityBaseCents!: number

  @Field(() => Int, { description: 'Paid by Social Security, participations and franchises withheld, in euro cents.' })
  socialSecurityCents!: number

  @Field(() => Int, { description: 'Paid by the mutuelle under this guarantee alone, in euro cents.' })
  mutuelleCents!: number

  @Field(() => Int, { description: 'Left to the member (reste à charge), in euro cents.' })
  outOfPocketCents!: number

  @Field(() => [String], { description: 'The computation line by line, in French ("Pourquoi ce montant ?").' })
  explanation!: string[]
}

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

  @Field(() => String, { description: 'The rule in words, as the guarantee table prints it, e.g. "100 % BRSS (Sécurité sociale incluse) + forfait de 450,00 € par an et par bénéficiaire".' })
  summary!: string

  @Field(() => GuaranteeExample, { description: 'What this guarantee pays for a typical act of its care type (outside the 100 % Santé basket).' })
  example!: GuaranteeExample

  @Field(() => GuaranteeExample, { nullable: true, description: 'The same kind of act from the 100 % Santé basket, when the guarantee covers it: nothing left to pay. Null otherwise.' })
  hundredPercentSanteExample!: GuaranteeExample | null
}

@ObjectType({ description: 'Where a yearly forfait of a beneficiary stands (garantie consommée / restante). Forfaits are per beneficiary and calendar year of the care.' })
export class ForfaitCounter {
  @Field(() => Beneficiary, { description: 'The beneficiary the forfait belongs to.' })
  beneficiary!: unknown

  @Field(() => Guarantee, { description: 'The guarantee line carrying the forfait.' })
  guarantee!: unknown

  @Field(() => CareTypeEnum, { description: 'Care category of the guarantee.' })
  careType!: string

  @Field(() => Int, { description: 'Calendar year counted.' })
  year!: number

  @Field(() => Int, { description: 'Forfait per year, in euro cents.' })
  yearlyCents!: number

  @Field(() => Int, { description: 'Used by reimbursements of care given this year, in euro cents.' })
  usedCents!: number

  @Field(() => Int, { description: 'Still available this year, in euro cents (never negative).' })
  remainingCents!: number

  @Field(() => DateScalar, { description: 'When the forfait is available in full again: 1 January of next year.' })
  resetDate!: string
}

@ObjectType({ description: 'A beneficiary covered by a contract, with the dates of that coverage.' })
export class ContractCoverage {
  @Field(() => Beneficiary, { description: 'The person covered.' })
  beneficiary!: unknown

  @Field(() => DateScalar, { description: 'First day covered by this contract.' })
  startDate!: string

  @Field(() => DateScalar, { nullable: true, description: 'Last day covered by this contract, when it ends.' })
  endDate!: string | null
}

@ObjectType({ description: 'A SEPA direct-debit mandate under which contributions are debited.' })
export class SepaMandate {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'Référence unique de mandat (RUM), at most 35 characters; shown on the bank statement.' })
  reference!: string

  @Field(() => String, { description: 'Identifiant créancier SEPA (ICS) of the mutuelle.' })
  creditorIdentifier!: string

  @Field(() => DateTimeScalar, { description: 'When the member signed the mandate.' })
  signedAt!: string

  @Field(() => SepaMandateStatusEnum, { description: 'In force, revoked or lapsed.' })
  status!: string

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last debit taken under it (a mandate lapses after 36 months without one).' })
  lastDebitAt!: string | null

  @Field(() => String, { description: 'The debited account\'s IBAN, masked (e.g. "FR76 **** * 4859 9384").' })
  accountIbanMasked!: string
}

@ObjectType({ description: 'Totals of a contract\'s contribution schedule (échéancier), in euro cents, and the mandate it is debited under.' })
export class ContributionSummary {
  @Field(() => DateScalar, { nullable: true, description: 'First day of the month of the first instalment; null without instalments.' })
  periodStart!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the schedule (the day before the same date a year on); null without instalments.' })
  periodEnd!: string | null

  @Field(() => Int, { description: 'Number of instalments.' })
  instalmentCount!: number

  @Field(() => Int, { description: 'Paid by the member over the schedule (yearly total).' })
  memberTotalCents!: number

  @Field(() => Int, { description: 'Paid by the employer over the schedule.' })
  employerTotalCents!: number

  @Field(() => Int, { description: 'Whole contribution over the schedule: member and employer shares.' })
  totalCents!: number

  @Field(() => Int, { description: 'Rejection fees (frais de rejet) charged over the schedule, settled with the instalments they belong to.' })
  rejectionFeesCents!: number

  @Field(() => Int, { description: 'The member\'s year: memberTotalCents plus rejectionFeesCents. Always paidCents + toSettleCents + upcomingCents.' })
  yearlyTotalCents!: number

  @Field(() => Int, { description: 'Déjà payé: member share and fees debited, a rejected instalment counting once the debit that presented it again is paid.' })
  paidCents!: number

  @Field(() => Int, { description: 'À régler: rejected instalments (with their fees) that no debit presents again; the member settles them.' })
  toSettleCents!: number

  @Field(() => Int, { description: 'À venir: member share and fees in debits still to be taken, rejected instalments presented again with them included.' })
  upcomingCents!: number

  @Field(() => Int, { description: 'Member share of the instalments the bank rejected, whether presented again since or still to settle.' })
  rejectedCents!: number

  @Field(() => SepaMandate, { nullable: true, description: 'The mandate in force on the contributions account, under which debits are taken; null when none.' })
  mandate!: SepaMandate | null
}

@ObjectType({ description: 'A rejected instalment presented again with a later debit.' })
export class RepresentedInstalment {
  @Field(() => ID, { description: 'Opaque identifier of the rejected instalment.' })
  id!: string

  @Field(() => DateScalar, { description: 'Its original due date.' })
  dueDate!: string

  @Field(() => Int, { description: 'Its member share, in euro cents.' })
  amountCents!: number

  @Field(() => Int, { description: 'The rejection fee charged with it, in euro cents (0 when the contract charges none).' })
  rejectionFeeCents!: number
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

  @Field(() => ContributionMethodEnum, { description: 'Payment method.' })
  method!: string

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was paid.' })
  paidAt!: string | null

  @Field(() => InstalmentSettlementEnum, { description: 'Where this instalment (and its rejection fee) stands: a rejected one follows the debit that presented it again.' })
  settlement!: string

  @Field(() => DateScalar, { nullable: true, description: 'A rejected instalment: due date of the later debit that presented it again; null when not rejected or still to settle.' })
  representedOn!: string | null

  @Field(() => Int, { description: 'A rejected instalment: the rejection fee its contract charged, in euro cents (0 otherwise).' })
  rejectionFeeCents!: number

  @Field(() => [RepresentedInstalment], { description: 'Earlier rejected instalments this debit presented again, with their fees.' })
  represented!: RepresentedInstalment[]

  @Field(() => Int, { description: 'What this debit takes, in euro cents: amountCents plus the instalments it presented again and their fees.' })
  debitCents!: number

  @Field(() => String, { nullable: true, description: 'In French, what became of a rejected instalment or what this debit presented again (the contributions page and PDF print it); null when there is nothing to add.' })
  note!: string | null
}

@ObjectType({ description: 'A contract of the member (product and option). A member can hold several.' })
export class Contract {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'Contract number.' })
  number!: string

  @Field(() => String, { description: 'Product, e.g. "Garanties sociale interministériel".' })
  label!: string

  @Field(() => String, { description: 'Option in force today, e.g. "Option A".' })
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

  @Field(() => Int, { description: 'Whole monthly contribution (cotisation) in force today, employer participation included, in euro cents.' })
  monthlyContributionCents!: number

  @Field(() => Int, { description: 'Monthly employer participation, in euro cents.' })
  employerParticipationCents!: number

  @Field(() => Int, { description: 'What the member pays each month: the contribution less the employer participation, in euro cents.' })
  memberMonthlyContributionCents!: number

  @Field(() => Int, { description: 'Frais de rejet: what the contract charges when the bank rejects a debit, in euro cents; settled with the rejected instalment (0 when none).' })
  rejectionFeeCents!: number
}

@ObjectType({ description: 'A change of option of a contract (avenant) accepted by the mutuelle and in force from its effective date.' })
export class ContractChange {
  @Field(() => DateScalar, { description: 'First day of the new option (always the 1st of a month).' })
  effectiveDate!: string

  @Field(() => String, { description: 'The new option, e.g. "Option B".' })
  optionLabel!: string

  @Field(() => Int, { description: 'Whole monthly contribution from that day, employer participation included, in euro cents.' })
  monthlyContributionCents!: number

  @Field(() => Int, { description: 'Monthly employer participation, unchanged, in euro cents.' })
  employerParticipationCents!: number

  @Field(() => [Guarantee], { description: 'The guarantee table from that day, in display order.' })
  guarantees!: unknown[]
}
