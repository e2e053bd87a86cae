import { count, desc } from 'drizzle-orm'
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { keysetPage } from '../../core/pagination.ts'
import { newsItemsTable as n } from '../../db/schema/index.ts'
import { NewsItemConnection } from './news.type.ts'

type NewsRow = typeof n.$inferSelect

@Authorized()
@Resolver()
export class NewsResolver {
  @Query(() => NewsItemConnection, { description: 'News and offers, newest first.' })
  news(
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return keysetPage<NewsRow>({
      first,
      after,
      sortColumn: n.publishedAt,
      idColumn: n.id,
      direction: 'desc',
      where: undefined,
      fetch: (w, limit) => ctx.db.select().from(n).where(w).orderBy(desc(n.publishedAt), desc(n.id)).limit(limit).all(),
      count: () => ctx.db.select({ n: count() }).from(n).get()!.n,
      key: row => [row.publishedAt, row.id],
    })
  }
}
