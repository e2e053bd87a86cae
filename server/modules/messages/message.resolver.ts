import { and, count, eq } from 'drizzle-orm'
import { Authorized, Ctx, Int, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { requireMember } from '../../core/viewer.ts'
import { messageThreadsTable as t } from '../../db/schema/index.ts'

@Authorized()
@Resolver()
export class MessageResolver {
  @Query(() => Int, { description: 'Number of the member\'s threads with an advisor message not read yet (the badge of "Messagerie").' })
  unreadMessageCount(@Ctx() ctx: Context): number {
    const { memberId } = requireMember(ctx.viewer)
    return ctx.db.select({ n: count() }).from(t).where(and(eq(t.memberId, memberId), eq(t.unreadByMember, true))).get()!.n
  }
}
