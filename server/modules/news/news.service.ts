import type { Context } from '../../context.ts'
import type { Page } from '../../core/pagination.ts'
import { count, desc, eq, sql } from 'drizzle-orm'
import { afterPlaceholders, preparedKeysetPage } from '../../core/pagination.ts'
import { prepared } from '../../db/prepared.ts'
import { newsItemsTable as n } from '../../db/schema/index.ts'

export type NewsRow = typeof n.$inferSelect

/** News and offers, newest first; the same for every signed-in member. */
export function listNews(ctx: Pick<Context, 'db'>, first?: number | null, after?: string | null): Page<NewsRow> {
  // on every home page: prepared once
  return preparedKeysetPage<NewsRow>({
    first,
    after,
    fetch: (cursor, limit) => prepared(ctx.db, `news.page:${cursor !== null}`, () => ctx.db.select().from(n)
      .where(cursor ? afterPlaceholders(n.publishedAt, n.id, 'desc') : undefined)
      .orderBy(desc(n.publishedAt), desc(n.id))
      .limit(sql.placeholder('limit'))
      .prepare()).all({ ...cursor, limit }),
    count: () => prepared(ctx.db, 'news.count', () => ctx.db.select({ n: count() }).from(n).prepare()).get()!.n,
    key: row => [row.publishedAt, row.id],
  })
}

/** One news item or offer; null when it does not exist (or no longer does). */
export function getNewsItem(ctx: Pick<Context, 'db'>, id: string): NewsRow | null {
  return ctx.db.select().from(n).where(eq(n.id, id)).get() ?? null
}
