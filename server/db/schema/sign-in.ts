import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { isoDateTime } from './columns.ts'
import { accountsTable } from './members.ts'

/**
 * Sign-in throttling, one row per key: an e-mail as typed (known or not, stored hashed), a client
 * address, or a trusted browser. Each attempt counts as a failure before the password is checked,
 * so parallel attempts cannot slip past the count; a success takes it back.
 */
export const signInThrottlesTable = sqliteTable('sign_in_throttles', {
  /** `email:<sha256>`, `ip:<address>` or `device:<sha256 of the device token>`. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: isoDateTime('last_failure_at').notNull(),
  /** Attempts before this instant are answered without checking the password. */
  nextAttemptAt: isoDateTime('next_attempt_at').notNull(),
  /** Failed or refused attempts not yet in the audit trail (it gets one event per window). */
  unaudited: integer('unaudited').notNull().default(0),
  lastAuditAt: isoDateTime('last_audit_at'),
}, t => [index('sign_in_throttles_last_failure_idx').on(t.lastFailureAt)])

/**
 * Browsers that have signed in to an account before (a long-lived HttpOnly cookie holds the
 * token, this table its SHA-256): their owner keeps signing in while strangers are slowed down.
 */
export const trustedDevicesTable = sqliteTable('trusted_devices', {
  tokenHash: text('token_hash').primaryKey(),
  accountId: text('account_id').notNull().references(() => accountsTable.id, { onDelete: 'cascade' }),
  createdAt: isoDateTime('created_at').notNull(),
  lastUsedAt: isoDateTime('last_used_at').notNull(),
}, t => [index('trusted_devices_account_idx').on(t.accountId)])
