import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { id, isoDateTime } from './columns.ts'
import { accountsTable, membersTable } from './members.ts'

/**
 * « Mot de passe oublié ? » requests. Every request is kept, known address or not, so the
 * throttles per address and per IP count the same for both (nothing tells which accounts exist).
 * The link's token is stored only as its SHA-256; requests for unknown addresses have none.
 */
export const passwordResetRequestsTable = sqliteTable('password_reset_requests', {
  id: id(),
  /** SHA-256 of the normalised address asked for: the throttle's key, without keeping the address. */
  emailHash: text('email_hash').notNull(),
  ip: text('ip'),
  requestedAt: isoDateTime('requested_at').notNull(),
  accountId: text('account_id').references(() => accountsTable.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash'),
  expiresAt: isoDateTime('expires_at'),
  /** Set when the link was followed, or when a newer link or a password change made it void. */
  usedAt: isoDateTime('used_at'),
}, t => [
  uniqueIndex('password_reset_requests_token_uq').on(t.tokenHash),
  index('password_reset_requests_email_idx').on(t.emailHash, t.requestedAt),
  index('password_reset_requests_ip_idx').on(t.ip, t.requestedAt),
])

/** A new contact e-mail waits here until the link sent to it is followed (single use, 24 hours). */
export const emailChangeRequestsTable = sqliteTable('email_change_requests', {
  id: id(),
  accountId: text('account_id').notNull().references(() => accountsTable.id, { onDelete: 'cascade' }),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  newEmail: text('new_email').notNull(),
  tokenHash: text('token_hash').notNull(),
  requestedAt: isoDateTime('requested_at').notNull(),
  expiresAt: isoDateTime('expires_at').notNull(),
  confirmedAt: isoDateTime('confirmed_at'),
  /** Replaced by a newer request before being confirmed. */
  cancelledAt: isoDateTime('cancelled_at'),
}, t => [
  uniqueIndex('email_change_requests_token_uq').on(t.tokenHash),
  index('email_change_requests_account_idx').on(t.accountId, t.requestedAt),
])
