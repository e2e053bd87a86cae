import type { MemberSummaryRow } from '../../core/loaders.ts'
import type { ProcedureKind } from '../../db/schema/index.ts'
import type { ProcedureTaskValue } from './advisor-task.type.ts'
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { ProcedureKindEnum } from '../procedures/procedure.type.ts'
import { AdvisorMemberSummary, AdvisorTaskConnection, ProcedureTask } from './advisor-task.type.ts'
import { getAdvisorProcedure, listAdvisorQueue } from './advisor.service.ts'

@ArgsType()
class AdvisorQueueArgs extends PageArgs {
  @Field(() => ProcedureKindEnum, { nullable: true, description: 'Only démarches of this kind.' })
  kind?: ProcedureKind | null
}

// advisors only: members and partners are FORBIDDEN, anonymous callers UNAUTHENTICATED
@Authorized('ADVISOR')
@Resolver(() => ProcedureTask)
export class AdvisorResolver {
  @Query(() => AdvisorTaskConnection, { description: 'Advisor only. The work queue: démarches waiting for a decision of the mutuelle (status SUBMITTED), oldest sent first, optionally of one kind. Unfinished commercial journeys (AFFILIATION) wait for the member and are not listed. Each page is recorded in the access log of every member it lists (ADVISOR_LIST_QUEUE).' })
  advisorQueue(@Args(() => AdvisorQueueArgs) args: AdvisorQueueArgs, @Ctx() ctx: Context) {
    return listAdvisorQueue(ctx, args.kind, args.first, args.after)
  }

  @Query(() => ProcedureTask, { nullable: true, description: 'Advisor only. One démarche of any member, whatever its status, to decide it. Each call is recorded in the member\'s audit trail (ADVISOR_VIEW_PROCEDURE). An unknown id is NOT_FOUND.' })
  advisorProcedure(@Arg('id', () => ID, { description: 'The démarche\'s id.' }) id: string, @Ctx() ctx: Context): ProcedureTaskValue {
    return getAdvisorProcedure(ctx, id)
  }

  @FieldResolver(() => AdvisorMemberSummary)
  async member(@Root() task: ProcedureTaskValue, @Ctx() ctx: Context): Promise<MemberSummaryRow> {
    // procedures.member_id is NOT NULL with a foreign key: the member exists
    return (await ctx.loaders.memberSummary.load(task.memberId))!
  }
}
