import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { flag, id, isoDate, isoDateTime } from './columns.ts'

/** The account holder (adhérent) and their postal and contact details. */
export const membersTable = sqliteTable('members', {
  id: id(),
  memberNumber: text('member_number').notNull(),
  civility: text('civility', { enum: ['M', 'MME'] }).notNull(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  birthDate: isoDate('birth_date').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  addressLine1: text('address_line1').notNull(),
  addressLine2: text('address_line2'),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  country: text('country').notNull().default('France'),
  /** Numéro de sécurité sociale: stored whole, never sent unmasked. */
  nir: text('nir').notNull(),
  paperless: flag('paperless'),
  createdAt: isoDateTime('created_at').notNull(),
}, t => [
  uniqueIndex('members_member_number_uq').on(t.memberNumber),
  index('members_email_idx').on(t.email),
])

/** Sign-in credentials, for members and advisors alike. */
export const accountsTable = sqliteTable('accounts', {
  id: id(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['MEMBER', 'ADVISOR'] }).notNull(),
  memberId: text('member_id').references(() => membersTable.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull(),
  passwordChangedAt: isoDateTime('password_changed_at').notNull(),
  createdAt: isoDateTime('created_at').notNull(),
}, t => [
  uniqueIndex('accounts_email_uq').on(t.email),
  index('accounts_member_idx').on(t.memberId),
])

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessionsTable = sqliteTable('sessions', {
  id: id(),
  tokenHash: text('token_hash').notNull(),
  accountId: text('account_id').notNull().references(() => accountsTable.id, { onDelete: 'cascade' }),
  createdAt: isoDateTime('created_at').notNull(),
  lastSeenAt: isoDateTime('last_seen_at').notNull(),
  /** Absolute end, whatever the activity. */
  expiresAt: isoDateTime('expires_at').notNull(),
  /** Last password re-entry, for sensitive changes (step-up). */
  reauthenticatedAt: isoDateTime('reauthenticated_at'),
  revokedAt: isoDateTime('revoked_at'),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, t => [
  uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
  index('sessions_account_idx').on(t.accountId),
])

/** Bearer tokens for partners (pharmacies, opticians…), stored hashed, scoped, revocable. */
export const partnerTokensTable = sqliteTable('partner_tokens', {
  id: id(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  /** JSON array of scopes, e.g. ["coverage:read"]. */
  scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: isoDateTime('created_at').notNull(),
  expiresAt: isoDateTime('expires_at'),
  revokedAt: isoDateTime('revoked_at'),
}, t => [uniqueIndex('partner_tokens_hash_uq').on(t.tokenHash)])
