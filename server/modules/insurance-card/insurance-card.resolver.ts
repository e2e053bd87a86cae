import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { InsuranceCard } from './insurance-card.type.ts'
import { getOwnInsuranceCard } from './insurance-card.service.ts'

@Authorized()
@Resolver(() => InsuranceCard)
export class InsuranceCardResolver {
  @Query(() => InsuranceCard, { description: 'The tiers-payant card of a contract (the main one by default) for the current year.' })
  insuranceCard(@Arg('contractId', () => ID, { nullable: true, description: 'Contract id; the main contract when omitted.' }) contractId: string | null, @Ctx() ctx: Context) {
    return getOwnInsuranceCard(ctx, contractId)
  }
}
