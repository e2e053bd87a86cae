import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { JOURNEY_STATUSES } from '../../db/schema/index.ts'
import { Procedure } from '../procedures/procedure.type.ts'

export const JourneyStatusEnum = Object.fromEntries(JOURNEY_STATUSES.map(s => [s, s])) as { [K in typeof JOURNEY_STATUSES[number]]: K }
registerEnumType(JourneyStatusEnum, {
  name: 'CommercialJourneyStatus',
  description: 'Where a démarche commerciale stands.',
  valuesConfig: {
    IN_PROGRESS: { description: 'Started and not finished: the member can resume, finalise or abandon it.' },
    FINALISED: { description: 'Finalised: filed as an « Affiliation » démarche that an advisor decides.' },
    ABANDONED: { description: 'Abandoned by the member: nothing changed.' },
  },
})

@ObjectType({ description: 'An option of the contract\'s product, priced for the household (the people the contract covers).' })
export class OfferOptionQuote {
  @Field(() => String, { description: 'Code of the option in the price list, e.g. "B"; what resumeCommercialJourney takes.' })
  code!: string

  @Field(() => String, { description: 'Name, e.g. "Option B".' })
  label!: string

  @Field(() => String, { description: 'What the option offers, in one French sentence.' })
  summary!: string

  @Field(() => Int, { description: 'Whole monthly contribution of the household under this option, employer participation included, in euro cents.' })
  monthlyContributionCents!: number
}

@ObjectType({ description: 'A démarche commerciale (Offre & devis): a change of option the member started, with what was chosen. Resume it to change the choice, finalise it to send it to the mutuelle, or abandon it.' })
export class CommercialJourney {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => JourneyStatusEnum, { description: 'In progress, finalised or abandoned.' })
  status!: string

  @Field(() => String, { description: 'The contract\'s product, e.g. "Garanties sociale interministériel".' })
  productLabel!: string

  @Field(() => [String], { description: 'First names of the people the contract covers, whom the change concerns.' })
  coveredFirstNames!: string[]

  @Field(() => OfferOptionQuote, { description: 'The option the household leaves (in force on the start date), at its price.' })
  currentOption!: OfferOptionQuote

  @Field(() => OfferOptionQuote, { nullable: true, description: 'The option chosen, at its price; null if the price list no longer offers it.' })
  chosenOption!: OfferOptionQuote | null

  @Field(() => DateScalar, { description: 'Chosen start of the new option (the 1st of a month).' })
  startDate!: string

  @Field(() => [DateScalar], { description: 'Start dates the member may choose today: the 1st of each of the coming 12 months.' })
  startDates!: string[]

  @Field(() => [OfferOptionQuote], { description: 'Every option of the product, priced for the household, the current one included.' })
  options!: OfferOptionQuote[]

  @Field(() => DateTimeScalar, { description: 'When the member started it.' })
  createdAt!: string

  @Field(() => DateTimeScalar, { description: 'Last change (choice, finalisation or abandon).' })
  updatedAt!: string
}

@InputType({ description: 'The member\'s new choice for a démarche commerciale in progress.' })
export class ResumeCommercialJourneyInput {
  @Field(() => ID, { description: 'The démarche commerciale (of the member\'s household).' })
  journeyId!: string

  @Field(() => String, { description: 'Code of an option of the contract\'s product, other than the one in force on the start date.' })
  optionCode!: string

  @Field(() => DateScalar, { description: 'Start of the new option: the 1st of one of the coming 12 months (see startDates).' })
  startDate!: string
}

@ObjectType({ description: 'Result of a change to a démarche commerciale: the démarche, or the errors that prevented the change (nothing is saved then).' })
export class CommercialJourneyPayload {
  @Field(() => CommercialJourney, { nullable: true, description: 'The démarche commerciale as it is now; null when errors is not empty.' })
  journey!: CommercialJourney | null

  @Field(() => Procedure, { nullable: true, description: 'finaliseCommercialJourney only: the « Affiliation » démarche filed for the advisor.' })
  procedure!: unknown

  @Field(() => [UserError], { description: 'Validation failures, in French, each tied to its input field.' })
  errors!: UserError[]
}
