import type { MemberSummaryRow } from '../../core/loaders.ts'
import type { ProcedureKind } from '../../db/schema/index.ts'
import type { ThreadResult } from '../messages/message.service.ts'
import type { AdvisorTaskKind, ProcedureTaskValue, ThreadTaskValue } from './advisor-task.type.ts'
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { ProcedureKindEnum } from '../procedures/procedure.type.ts'
import { MessageThreadPayload } from '../messages/message.payload.ts'
import { answerThread, getAdvisorThread } from '../messages/thread-answer.service.ts'
import { AdvisorMemberSummary, AdvisorTaskConnection, AdvisorTaskKindEnum, ProcedureTask, ThreadTask } from './advisor-task.type.ts'
import { getAdvisorProcedure, listAdvisorQueue } from './advisor.service.ts'

@ArgsType()
class AdvisorQueueArgs extends PageArgs {
  @Field(() => ProcedureKindEnum, { nullable: true, description: 'Only démarches of this kind (message threads are then left out).' })
  kind?: ProcedureKind | null

  @Field(() => AdvisorTaskKindEnum, { nullable: true, description: 'Only démarches (PROCEDURE) or only message threads (THREAD).' })
  taskKind?: AdvisorTaskKind | null
}

// advisors only: members and partners are FORBIDDEN, anonymous callers UNAUTHENTICATED
@Authorized('ADVISOR')
@Resolver(() => ProcedureTask)
export class AdvisorResolver {
  @Query(() => AdvisorTaskConnection, { description: 'Advisor only. The work queue, longest wait first: démarches waiting for a decision of the mutuelle (status SUBMITTED, since sent) and message threads waiting for an answer (OPEN, since the member\'s last message). Filter by taskKind, or by a démarche kind. A démarche commerciale appears once the member finalised it (AFFILIATION). Each page is recorded in the access log of every member whose démarches it lists (ADVISOR_LIST_QUEUE).' })
  advisorQueue(@Args(() => AdvisorQueueArgs) args: AdvisorQueueArgs, @Ctx() ctx: Context) {
    return listAdvisorQueue(ctx, { kind: args.kind, taskKind: args.taskKind }, args.first, args.after)
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

@Authorized('ADVISOR')
@Resolver(() => ThreadTask)
export class AdvisorThreadResolver {
  @Query(() => ThreadTask, { nullable: true, description: 'Advisor only. One message thread of any member, answered or not, with its messages. Each call is recorded in the member\'s audit trail (ADVISOR_VIEW_THREAD). An unknown or expired id is NOT_FOUND.' })
  advisorThread(@Arg('id', () => ID, { description: 'The thread\'s id.' }) id: string, @Ctx() ctx: Context): ThreadTaskValue {
    return getAdvisorThread(ctx, id)
  }

  @Mutation(() => MessageThreadPayload, { description: 'Advisor only. Answers a thread: it becomes « Traité » (ANSWERED) and unread for the member, who is told by e-mail that a message waits (without its content). An unknown or expired thread is a NOT_FOUND error on threadId.' })
  answerThread(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Arg('body', () => String, { description: 'The answer: 1 to 5,000 characters of plain text once trimmed.' }) body: string,
    @Arg('attachmentIds', () => [ID], { nullable: true, description: 'Up to 5 ids returned by POST /api/uploads by this advisor (optional).' }) attachmentIds: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<ThreadResult> {
    return answerThread(ctx, threadId, body, attachmentIds)
  }

  @FieldResolver(() => AdvisorMemberSummary)
  async member(@Root() task: ThreadTaskValue, @Ctx() ctx: Context): Promise<MemberSummaryRow> {
    // message_threads.member_id is NOT NULL with a foreign key: the member exists
    return (await ctx.loaders.memberSummary.load(task.memberId))!
  }
}
