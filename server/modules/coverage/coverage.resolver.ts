import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import type { CareType } from '../../db/schema/index.ts'
import { DateScalar } from '../../core/scalars.ts'
import { CareTypeEnum } from '../contracts/contract.enums.ts'
import { CoverageCheck } from './coverage.type.ts'
import { checkCoverage } from './coverage.service.ts'

@Resolver()
export class CoverageResolver {
  // partners only: a member or an advisor has no business checking other people's rights
  @Authorized('coverage:read')
  @Query(() => CoverageCheck, { description: 'Tiers-payant check for health professionals (partner token with scope coverage:read): may the holder of this card, born on this day, use tiers payant for this care on this day?' })
  coverageCheck(
    @Arg('cardNumber', () => String, { description: 'Number printed on the tiers-payant card.' }) cardNumber: string,
    @Arg('birthDate', () => DateScalar, { description: 'Birth date of the beneficiary in front of the professional.' }) birthDate: string,
    @Arg('careType', () => CareTypeEnum, { description: 'Care to be billed.' }) careType: CareType,
    @Arg('date', () => DateScalar, { description: 'Day of the care.' }) date: string,
    @Ctx() ctx: Context,
  ): CoverageCheck {
    return checkCoverage(ctx, { cardNumber, birthDate, careType, date })
  }
}
