import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { listNews } from './news.service.ts'
import { NewsItemConnection } from './news.type.ts'

@Authorized()
@Resolver()
export class NewsResolver {
  @Query(() => NewsItemConnection, { description: 'News and offers, newest first.' })
  news(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listNews(ctx, args.first, args.after)
  }
}
