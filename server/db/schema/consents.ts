import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { id, isoDateTime } from './columns.ts'
import { membersTable } from './members.ts'

export const CONSENT_KINDS = ['PAPERLESS', 'NEWS_EMAIL'] as const
export type ConsentKind = typeof CONSENT_KINDS[number]

/**
 * One period of consent: given at `grantedAt`, withdrawn at `withdrawnAt` (null while it runs).
 * Rows are never rewritten except to close them, so the history of each choice stays provable.
 */
export const consentsTable = sqliteTable('consents', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
  grantedAt: isoDateTime('granted_at').notNull(),
  withdrawnAt: isoDateTime('withdrawn_at'),
}, t => [index('consents_member_kind_idx').on(t.memberId, t.kind, t.grantedAt)])
