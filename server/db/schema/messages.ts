import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { flag, id, isoDateTime } from './columns.ts'
import { filesTable } from './files.ts'
import { accountsTable, membersTable } from './members.ts'

export const THREAD_STATUSES = ['OPEN', 'ANSWERED'] as const
export type ThreadStatus = typeof THREAD_STATUSES[number]
export const MESSAGE_AUTHOR_KINDS = ['MEMBER', 'ADVISOR', 'SYSTEM'] as const
export type MessageAuthorKind = typeof MESSAGE_AUTHOR_KINDS[number]

export const messageCategoriesTable = sqliteTable('message_categories', {
  id: id(),
  label: text('label').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
})

/** Objet de la demande; it may point to an online service offered before writing. */
export const messageSubjectsTable = sqliteTable('message_subjects', {
  id: id(),
  categoryId: text('category_id').notNull().references(() => messageCategoriesTable.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  onlineServiceLabel: text('online_service_label'),
  onlineServicePath: text('online_service_path'),
  sortOrder: integer('sort_order').notNull().default(0),
}, t => [index('message_subjects_category_idx').on(t.categoryId)])

export const messageThreadsTable = sqliteTable('message_threads', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  categoryId: text('category_id').notNull().references(() => messageCategoriesTable.id),
  subjectId: text('subject_id').notNull().references(() => messageSubjectsTable.id),
  /** OPEN ("En cours"): the advisor has not answered yet; ANSWERED ("Traité"). */
  status: text('status', { enum: THREAD_STATUSES }).notNull(),
  unreadByMember: flag('unread_by_member'),
  unreadByAdvisor: flag('unread_by_advisor'),
  createdAt: isoDateTime('created_at').notNull(),
  updatedAt: isoDateTime('updated_at').notNull(),
}, t => [
  index('message_threads_member_updated_idx').on(t.memberId, t.updatedAt, t.id),
  index('message_threads_member_category_idx').on(t.memberId, t.categoryId),
  index('message_threads_member_status_idx').on(t.memberId, t.status),
  index('message_threads_status_updated_idx').on(t.status, t.updatedAt, t.id),
  index('message_threads_subject_idx').on(t.subjectId),
])

export const messagesTable = sqliteTable('messages', {
  id: id(),
  threadId: text('thread_id').notNull().references(() => messageThreadsTable.id, { onDelete: 'cascade' }),
  authorKind: text('author_kind', { enum: MESSAGE_AUTHOR_KINDS }).notNull(),
  authorAccountId: text('author_account_id').references(() => accountsTable.id),
  body: text('body').notNull(),
  sentAt: isoDateTime('sent_at').notNull(),
}, t => [
  index('messages_thread_sent_idx').on(t.threadId, t.sentAt),
  index('messages_author_idx').on(t.authorAccountId),
])

export const messageAttachmentsTable = sqliteTable('message_attachments', {
  messageId: text('message_id').notNull().references(() => messagesTable.id, { onDelete: 'cascade' }),
  fileId: text('file_id').notNull().references(() => filesTable.id),
}, t => [
  primaryKey({ columns: [t.messageId, t.fileId] }),
  index('message_attachments_file_idx').on(t.fileId),
])
