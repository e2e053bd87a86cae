import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { beneficiariesTable } from './beneficiaries.ts'
import { flag, id, isoDate, isoDateTime } from './columns.ts'
import { CARE_TYPES } from './contracts.ts'
import { filesTable } from './files.ts'
import { accountsTable, membersTable } from './members.ts'

export const PROCEDURE_KINDS = ['REIMBURSEMENT', 'QUOTE', 'BENEFICIARY_ADDITION', 'BENEFICIARY_REMOVAL', 'BANK_DETAILS_CHANGE', 'DATA_EXPORT', 'DATA_RIGHTS', 'AFFILIATION', 'COVERAGE_AGREEMENT'] as const
export type ProcedureKind = typeof PROCEDURE_KINDS[number]
export const PROCEDURE_STATUSES = ['SUBMITTED', 'ACCEPTED', 'REJECTED', 'MISSING_DOCUMENTS'] as const
export type ProcedureStatus = typeof PROCEDURE_STATUSES[number]

/** A démarche: anything the member asked for, with the fields of each kind (null when not relevant). */
export const proceduresTable = sqliteTable('procedures', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: PROCEDURE_KINDS }).notNull(),
  status: text('status', { enum: PROCEDURE_STATUSES }).notNull(),
  beneficiaryId: text('beneficiary_id').references(() => beneficiariesTable.id),
  reference: text('reference').notNull(),
  submittedAt: isoDateTime('submitted_at').notNull(),
  updatedAt: isoDateTime('updated_at').notNull(),
  estimatedDecisionDate: isoDate('estimated_decision_date'),
  decidedAt: isoDateTime('decided_at'),
  decisionNote: text('decision_note'),
  // reimbursement requests and quotes
  careType: text('care_type', { enum: CARE_TYPES }),
  careDate: isoDate('care_date'),
  abroad: flag('abroad'),
  country: text('country'),
  currency: text('currency'),
  /** Amount in the currency paid, in its minor unit. */
  amountCents: integer('amount_cents'),
  /** Euro amount after conversion (equal to amountCents in France). */
  amountEurCents: integer('amount_eur_cents'),
  exchangeRate: real('exchange_rate'),
  socialSecurityBaseCents: integer('social_security_base_cents'),
  socialSecurityPaidCents: integer('social_security_paid_cents'),
  /** Kind-specific details (beneficiary addition, unfinished commercial journey…). */
  details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
}, t => [
  index('procedures_member_submitted_idx').on(t.memberId, t.submittedAt, t.id),
  // a member's démarches of one status, newest first (the home page's « pièces manquantes »): read in
  // order from the member's entries, never from every démarche of that status in the mutuelle
  index('procedures_member_status_submitted_idx').on(t.memberId, t.status, t.submittedAt, t.id),
  index('procedures_member_kind_idx').on(t.memberId, t.kind),
  index('procedures_beneficiary_idx').on(t.beneficiaryId),
  index('procedures_status_submitted_idx').on(t.status, t.submittedAt, t.id),
])

/** The status timeline of a procedure, oldest first. */
export const procedureEventsTable = sqliteTable('procedure_events', {
  id: id(),
  procedureId: text('procedure_id').notNull().references(() => proceduresTable.id, { onDelete: 'cascade' }),
  status: text('status', { enum: PROCEDURE_STATUSES }).notNull(),
  at: isoDateTime('at').notNull(),
  note: text('note'),
  actorAccountId: text('actor_account_id').references(() => accountsTable.id),
}, t => [index('procedure_events_procedure_idx').on(t.procedureId, t.at)])

export const procedureAttachmentsTable = sqliteTable('procedure_attachments', {
  procedureId: text('procedure_id').notNull().references(() => proceduresTable.id, { onDelete: 'cascade' }),
  fileId: text('file_id').notNull().references(() => filesTable.id),
  addedAt: isoDateTime('added_at').notNull(),
}, t => [
  primaryKey({ columns: [t.procedureId, t.fileId] }),
  index('procedure_attachments_file_idx').on(t.fileId),
])
