import type { ReimbursementRow } from '../../db/schema/index.ts'
import type { BeneficiaryRow } from '../../core/loaders.ts'
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { DateScalar } from '../../core/scalars.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { CareTypeEnum } from '../contracts/contract.enums.ts'
import { Reimbursement, ReimbursementConnection } from './reimbursement.type.ts'
import { getOwnReimbursement, listReimbursements } from './reimbursement.service.ts'

@ArgsType()
class ReimbursementsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this beneficiary\'s reimbursements.' })
  beneficiaryId?: string | null

  @Field(() => CareTypeEnum, { nullable: true, description: 'Only this care type.' })
  careType?: keyof typeof CareTypeEnum | null

  @Field(() => DateScalar, { nullable: true, description: 'Paid on or after this day.' })
  from?: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Paid on or before this day.' })
  to?: string | null

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null
}

@Authorized()
@Resolver(() => Reimbursement)
export class ReimbursementResolver {
  @Query(() => ReimbursementConnection, { description: 'The household\'s reimbursements, newest payment first, filtered; with totals of the filtered set.' })
  reimbursements(@Args(() => ReimbursementsArgs) args: ReimbursementsArgs, @Ctx() ctx: Context) {
    const { first, after, ...filter } = args
    return listReimbursements(ctx, filter, first, after)
  }

  @Query(() => Reimbursement, { nullable: true, description: 'One reimbursement of the household. Another household\'s id is NOT_FOUND.' })
  reimbursement(@Arg('id', () => ID, { description: 'Reimbursement id.' }) id: string, @Ctx() ctx: Context): ReimbursementRow {
    return getOwnReimbursement(ctx, id)
  }

  @FieldResolver(() => Beneficiary)
  async beneficiary(@Root() row: ReimbursementRow, @Ctx() ctx: Context): Promise<BeneficiaryRow> {
    return (await ctx.loaders.beneficiary.load(row.beneficiaryId))!
  }

  @FieldResolver(() => Int, { description: 'Reimbursed in all (Social Security + mutuelle), in euro cents.' })
  reimbursedCents(@Root() row: ReimbursementRow): number {
    return row.socialSecurityCents + row.mutuelleCents
  }
}
