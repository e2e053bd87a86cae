import type { JourneyResult, JourneyView } from './commercial-journey.service.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { Procedure } from '../procedures/procedure.type.ts'
import { CommercialJourney, CommercialJourneyPayload, ResumeCommercialJourneyInput } from './commercial-journey.type.ts'
import { abandonCommercialJourney, finaliseCommercialJourney, listCommercialJourneys, resumeCommercialJourney } from './commercial-journey.service.ts'

@Authorized()
@Resolver(() => CommercialJourney)
export class CommercialJourneyResolver {
  @Query(() => [CommercialJourney], { description: 'Members only. The household\'s démarches commerciales (Offre & devis): those in progress first, then the newest.' })
  commercialJourneys(@Ctx() ctx: Context): JourneyView[] {
    return listCommercialJourneys(ctx)
  }

  @FieldResolver(() => Procedure, { nullable: true, description: 'The « Affiliation » démarche filed when the member finalised; null before.' })
  async procedure(@Root() journey: JourneyView, @Ctx() ctx: Context): Promise<ProcedureRow | null> {
    return journey.procedureId ? (await ctx.loaders.procedure.load(journey.procedureId)) ?? null : null
  }

  @Mutation(() => CommercialJourneyPayload, { description: 'Members only. « Reprendre »: changes the option or the start date of a démarche commerciale in progress. Errors: NOT_FOUND, JOURNEY_CLOSED, UNKNOWN_OPTION, SAME_OPTION, PAST_DATE, INVALID_START_DATE.' })
  resumeCommercialJourney(@Arg('input', () => ResumeCommercialJourneyInput, { description: 'The new choice.' }) input: ResumeCommercialJourneyInput, @Ctx() ctx: Context): JourneyResult {
    return resumeCommercialJourney(ctx, input)
  }

  @Mutation(() => CommercialJourneyPayload, { description: 'Members only. « Finaliser »: sends the change to the mutuelle as an « Affiliation » démarche (AFFILIATION, En cours) that an advisor accepts or refuses; once accepted, the contract changes option on the start date. Errors: NOT_FOUND, JOURNEY_CLOSED, UNKNOWN_OPTION, SAME_OPTION, PAST_DATE.' })
  finaliseCommercialJourney(@Arg('journeyId', () => ID, { description: 'The démarche commerciale.' }) journeyId: string, @Ctx() ctx: Context): JourneyResult {
    return finaliseCommercialJourney(ctx, journeyId)
  }

  @Mutation(() => CommercialJourneyPayload, { description: 'Members only. « Abandonner »: closes a démarche commerciale in progress; the contract stays as it is. Errors: NOT_FOUND, JOURNEY_CLOSED.' })
  abandonCommercialJourney(@Arg('journeyId', () => ID, { description: 'The démarche commerciale.' }) journeyId: string, @Ctx() ctx: Context): JourneyResult {
    return abandonCommercialJourney(ctx, journeyId)
  }
}
