import type { Context } from '../../context.ts'
import { GraphQLError } from 'graphql'
import { asc, eq, sql } from 'drizzle-orm'
import { slugify } from '../../core/text.ts'
import { faqEntriesTable as f, guidesTable, helpCategoriesTable } from '../../db/schema/index.ts'

export type HelpCategoryRow = typeof helpCategoriesTable.$inferSelect
export type GuideRow = typeof guidesTable.$inferSelect
export type FaqRow = typeof f.$inferSelect

export const MAX_SEARCH_LENGTH = 200

export function listHelpCategories(ctx: Context): HelpCategoryRow[] {
  return ctx.db.select().from(helpCategoriesTable).orderBy(asc(helpCategoriesTable.sortOrder)).all()
}

export function listGuides(ctx: Context): GuideRow[] {
  return ctx.db.select().from(guidesTable).orderBy(asc(guidesTable.sortOrder)).all()
}

/** A guide by the URL word of its title; null when none has it. */
export function findGuide(ctx: Context, slug: string): GuideRow | null {
  return listGuides(ctx).find(g => slugify(g.title) === slug) ?? null
}

// words that say nothing about the subject: left out so they neither match nor dilute the ranking
const STOPWORDS = new Set(('a au aux avec ce ces cet cette comment d dans de des du elle en est et il j je l la le les leur lui m ma me mes mon ne nous on ou par pas peut pour puis quand que quel quelle quels quelles qui quoi sa se ses si son sont sur ta te tes ton un une vos votre vous y')
  .split(' '))

// French endings, longest first: "remboursements", "remboursé", "rembourser" all become "rembours"
const ENDINGS = ['issements', 'issement', 'ements', 'ations', 'ement', 'ation', 'ments', 'ment', 'euses', 'euse', 'eurs', 'eur', 'ees', 'ies', 'ee', 'es', 'er', 'ez', 'e', 's', 'x']
const MIN_STEM = 4

export function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM)
      return word.slice(0, -ending.length)
  }
  return word
}

/**
 * The search as FTS5 prefix terms: folded like the index (case, accents), stop words dropped,
 * each word cut to its stem and matched as a prefix, so any ending of the word finds it.
 * Only letters and digits reach the MATCH expression: nothing of the input is FTS5 syntax.
 */
export function faqSearchTerms(search: string): string[] {
  const words = search.normalize('NFD').replace(/[\u0300-\u036F]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
  // a single letter as a prefix would match nearly everything
  return [...new Set(words.filter(w => w.length > 1 && !STOPWORDS.has(w)).map(stem))]
}

function badSearch(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'search' } })
}

/**
 * Frequently asked questions, optionally of one topic. With a search, only the entries matching
 * at least one of its words, best first (BM25, a word in the question weighing four times one in
 * the answer); without, every entry in the help centre's order.
 */
export function listFaq(ctx: Context, search: string | null | undefined, categoryId: string | null | undefined): FaqRow[] {
  const text = search?.trim() ?? ''
  if (text.length > MAX_SEARCH_LENGTH)
    throw badSearch(`Votre recherche ne doit pas dépasser ${MAX_SEARCH_LENGTH} caractères.`)
  if (!text) {
    return ctx.db.select({ entry: f }).from(f)
      .innerJoin(helpCategoriesTable, eq(helpCategoriesTable.id, f.categoryId))
      .where(categoryId ? eq(f.categoryId, categoryId) : undefined)
      .orderBy(asc(helpCategoriesTable.sortOrder), asc(f.sortOrder))
      .all()
      .map(r => r.entry)
  }
  const terms = faqSearchTerms(text)
  if (!terms.length)
    return []
  const match = terms.map(term => `"${term}"*`).join(' OR ')
  return ctx.db.all<FaqRow>(sql`
    SELECT f.id AS id, f.category_id AS categoryId, f.question AS question, f.answer AS answer,
           f.link_label AS linkLabel, f.link_path AS linkPath, f.sort_order AS sortOrder
    FROM faq_search
    JOIN faq_entries f ON f.rowid = faq_search.rowid
    WHERE faq_search MATCH ${match} ${categoryId ? sql`AND f.category_id = ${categoryId}` : sql``}
    ORDER BY bm25(faq_search, 4.0, 1.0), f.sort_order`)
}
