import type { BeneficiaryRow } from '../../core/loaders.ts'
import type { ProcedureRow } from './procedure.service.ts'
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import type { ProcedureKind, ProcedureStatus } from '../../db/schema/index.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { Procedure, ProcedureConnection, ProcedureEvent, ProcedureKindEnum, ProcedureStatusEnum } from './procedure.type.ts'
import { listProcedures } from './procedure.service.ts'

@ArgsType()
class ProceduresArgs {
  @Field(() => ProcedureStatusEnum, { nullable: true, description: 'Only this status.' })
  status?: ProcedureStatus | null

  @Field(() => ProcedureKindEnum, { nullable: true, description: 'Only this kind.' })
  kind?: ProcedureKind | null

  @Field(() => ID, { nullable: true, description: 'Only this beneficiary.' })
  beneficiaryId?: string | null

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null
}

@Authorized()
@Resolver(() => Procedure)
export class ProcedureResolver {
  @Query(() => ProcedureConnection, { description: 'The household\'s démarches, most recently sent first.' })
  procedures(@Args(() => ProceduresArgs) args: ProceduresArgs, @Ctx() ctx: Context) {
    const { first, after, ...filter } = args
    return listProcedures(ctx, filter, first, after)
  }

  @FieldResolver(() => Beneficiary, { nullable: true })
  async beneficiary(@Root() row: ProcedureRow, @Ctx() ctx: Context): Promise<BeneficiaryRow | null> {
    return row.beneficiaryId ? (await ctx.loaders.beneficiary.load(row.beneficiaryId)) ?? null : null
  }

  @FieldResolver(() => [ProcedureEvent], { description: 'Status timeline, oldest first.' })
  history(@Root() row: ProcedureRow, @Ctx() ctx: Context) {
    return ctx.loaders.procedureEvents.load(row.id)
  }
}
