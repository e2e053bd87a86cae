import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { id, isoDateTime } from './columns.ts'

export const helpCategoriesTable = sqliteTable('help_categories', {
  id: id(),
  slug: text('slug').notNull(),
  label: text('label').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
}, t => [uniqueIndex('help_categories_slug_uq').on(t.slug)])

export const guidesTable = sqliteTable('guides', {
  id: id(),
  categoryId: text('category_id').references(() => helpCategoriesTable.id),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
}, t => [index('guides_category_idx').on(t.categoryId)])

export const faqEntriesTable = sqliteTable('faq_entries', {
  id: id(),
  categoryId: text('category_id').notNull().references(() => helpCategoriesTable.id),
  question: text('question').notNull(),
  answer: text('answer').notNull(),
  /** The portal page that does what the answer explains (the card, the request wizard), if any. */
  linkLabel: text('link_label'),
  linkPath: text('link_path'),
  sortOrder: integer('sort_order').notNull().default(0),
}, t => [index('faq_entries_category_idx').on(t.categoryId, t.sortOrder)])

/** Actualités and offers ("Vos offres et services"). */
export const newsItemsTable = sqliteTable('news_items', {
  id: id(),
  kind: text('kind', { enum: ['NEWS', 'OFFER'] }).notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  /** Illustration served by the SPA (a path under /actualites/), with its text alternative. */
  imagePath: text('image_path'),
  imageAlt: text('image_alt'),
  publishedAt: isoDateTime('published_at').notNull(),
}, t => [index('news_items_published_idx').on(t.publishedAt, t.id)])
