import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { id, isoDate, isoDateTime } from './columns.ts'
import { contractsTable } from './contracts.ts'
import { filesTable } from './files.ts'
import { membersTable } from './members.ts'

export const DOCUMENT_KINDS = ['NOTICE', 'GUARANTEE_TABLE', 'GUARANTEE_GUIDE', 'BENEFITS_STATEMENT', 'CONTRIBUTION_SCHEDULE', 'CERTIFICATE', 'INSURANCE_CARD', 'LETTER'] as const
export type DocumentKind = typeof DOCUMENT_KINDS[number]

/**
 * A document of the member's space. Generated kinds (statements, schedules, certificates, card)
 * have no file: their PDF is built from the data on download, so it is never stale.
 */
export const documentsTable = sqliteTable('documents', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  contractId: text('contract_id').references(() => contractsTable.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  /** Period covered, for statements: first and last day. */
  periodStart: isoDate('period_start'),
  periodEnd: isoDate('period_end'),
  issuedAt: isoDateTime('issued_at').notNull(),
  fileId: text('file_id').references(() => filesTable.id),
}, t => [
  index('documents_member_issued_idx').on(t.memberId, t.issuedAt, t.id),
  index('documents_member_kind_idx').on(t.memberId, t.kind, t.year),
  index('documents_contract_idx').on(t.contractId),
  index('documents_file_idx').on(t.fileId),
])
