import type { Context } from '../../context.ts'
import type { Page } from '../../core/pagination.ts'
import { count, desc, eq } from 'drizzle-orm'
import { keysetPage } from '../../core/pagination.ts'
import { newsItemsTable as n } from '../../db/schema/index.ts'

export type NewsRow = typeof n.$inferSelect

/** News and offers, newest first; the same for every signed-in member. */
export function listNews(ctx: Pick<Context, 'db'>, first?: number | null, after?: string | null): Page<NewsRow> {
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

/** One news item or offer; null when it does not exist (or no longer does). */
export function getNewsItem(ctx: Pick<Context, 'db'>, id: string): NewsRow | null {
  return ctx.db.select().from(n).where(eq(n.id, id)).get() ?? null
}
