import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { getNewsItem, listNews } from './news.service.ts'
import { NewsItem, NewsItemConnection } from './news.type.ts'

@Authorized()
@Resolver()
export class NewsResolver {
  @Query(() => NewsItemConnection, { description: 'News and offers, newest first.' })
  news(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return listNews(ctx, args.first, args.after)
  }

  @Query(() => NewsItem, { nullable: true, description: 'One news item or offer, for its page; null when unknown.' })
  newsItem(@Arg('id', () => ID, { description: 'The item.' }) id: string, @Ctx() ctx: Context) {
    return getNewsItem(ctx, id)
  }
}
