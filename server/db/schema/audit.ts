import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { id, isoDateTime } from './columns.ts'
import { membersTable } from './members.ts'

/**
 * Append-only record of sensitive actions (sign-in, bank-details change, advisor access…).
 * A trigger in the migrations refuses UPDATE and DELETE. Never holds a full IBAN, password or token.
 */
export const auditEventsTable = sqliteTable('audit_events', {
  id: id(),
  at: isoDateTime('at').notNull(),
  action: text('action').notNull(),
  actorAccountId: text('actor_account_id'),
  actorRole: text('actor_role', { enum: ['MEMBER', 'ADVISOR', 'PARTNER', 'ANONYMOUS', 'SYSTEM'] }).notNull(),
  memberId: text('member_id').references(() => membersTable.id, { onDelete: 'set null' }),
  outcome: text('outcome', { enum: ['SUCCESS', 'FAILURE'] }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
}, t => [
  index('audit_events_member_at_idx').on(t.memberId, t.at),
  index('audit_events_actor_idx').on(t.actorAccountId, t.at),
  index('audit_events_action_idx').on(t.action, t.at),
])

/** Outbox of notifications (e-mail, SMS) sent to the member after sensitive changes. */
export const notificationsTable = sqliteTable('notifications', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  channel: text('channel', { enum: ['EMAIL', 'SMS'] }).notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: isoDateTime('created_at').notNull(),
  sentAt: isoDateTime('sent_at'),
}, t => [index('notifications_member_idx').on(t.memberId, t.createdAt)])
