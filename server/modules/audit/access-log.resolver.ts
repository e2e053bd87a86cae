import type { Page } from '../../core/pagination.ts'
import type { AccessLogEntryValue } from './access-log.service.ts'
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { listAccessLog } from './access-log.service.ts'
import { AccessLogEntry, AccessLogEntryConnection } from './access-log.type.ts'

// signed-in people only; the service then admits members alone (an advisor is FORBIDDEN)
@Authorized()
@Resolver(() => AccessLogEntry)
export class AccessLogResolver {
  @Query(() => AccessLogEntryConnection, { description: 'Members only. Who accessed the signed-in member\'s file, newest first: advisors opening a démarche or one of its documents or deciding it, partners checking tiers-payant rights. The member\'s own actions are not listed.' })
  accessLog(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<AccessLogEntryValue>> {
    return listAccessLog(ctx, args.first, args.after)
  }
}
