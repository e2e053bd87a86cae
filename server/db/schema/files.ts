import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { id, isoDateTime } from './columns.ts'
import { accountsTable } from './members.ts'

/** An uploaded file, stored on disk under DATA_DIR by a generated name. */
export const filesTable = sqliteTable('files', {
  id: id(),
  ownerAccountId: text('owner_account_id').notNull().references(() => accountsTable.id, { onDelete: 'cascade' }),
  /** Original file name, sanitised; shown to people, never used as a path. */
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storagePath: text('storage_path').notNull(),
  createdAt: isoDateTime('created_at').notNull(),
}, t => [index('files_owner_idx').on(t.ownerAccountId)])
