import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { DateScalar } from '../../core/scalars.ts'
import { partnerUsageOf } from './partner-token.service.ts'
import { PartnerUsage } from './partner-usage.type.ts'

@Resolver()
export class PartnerUsageResolver {
  // any partner token, whatever its scopes: it reads only its own counters
  @Authorized('PARTNER')
  @Query(() => PartnerUsage, { description: 'The calling partner token\'s calls per day (partner token, any scope). Defaults to the last 30 days; at most 92 days at once.' })
  partnerUsage(
    @Arg('from', () => DateScalar, { nullable: true, description: 'First day (default: 29 days before `to`).' }) from: string | null | undefined,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last day (default: today).' }) to: string | null | undefined,
    @Ctx() ctx: Context,
  ): PartnerUsage {
    return partnerUsageOf(ctx, from, to)
  }
}
