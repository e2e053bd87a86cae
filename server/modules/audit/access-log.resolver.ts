import type { Page } from '../../core/pagination.ts'
import type { AccessLogEntryValue } from './access-log.service.ts'
import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { listAccessLog } from './access-log.service.ts'
import { AccessLogEntry, AccessLogEntryConnection } from './access-log.type.ts'

@ArgsType()
class AccessLogArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null
}

// signed-in people only; the service then admits members alone (an advisor is FORBIDDEN)
@Authorized()
@Resolver(() => AccessLogEntry)
export class AccessLogResolver {
  @Query(() => AccessLogEntryConnection, { description: 'Members only. Who accessed the signed-in member\'s file, newest first: advisors opening a démarche or one of its documents or deciding it, partners checking tiers-payant rights. The member\'s own actions are not listed.' })
  accessLog(@Args(() => AccessLogArgs) args: AccessLogArgs, @Ctx() ctx: Context): Promise<Page<AccessLogEntryValue>> {
    return listAccessLog(ctx, args.first, args.after)
  }
}
