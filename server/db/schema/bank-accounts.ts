import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { beneficiariesTable } from './beneficiaries.ts'
import { flag, id, isoDateTime } from './columns.ts'
import { accountsTable, membersTable } from './members.ts'

/** A RIB. The IBAN is stored whole (needed to pay) and only ever shown masked. */
export const bankAccountsTable = sqliteTable('bank_accounts', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  holderName: text('holder_name').notNull(),
  iban: text('iban').notNull(),
  /** Optional on a RIB the member typed: SEPA payments route on the IBAN alone. */
  bic: text('bic'),
  bankName: text('bank_name'),
  forContributions: flag('for_contributions'),
  forReimbursements: flag('for_reimbursements'),
  status: text('status', { enum: ['ACTIVE', 'REPLACED'] }).notNull(),
  createdAt: isoDateTime('created_at').notNull(),
  replacedAt: isoDateTime('replaced_at'),
}, t => [index('bank_accounts_member_idx').on(t.memberId, t.status)])

/** The account each beneficiary's reimbursements are paid to. */
export const beneficiaryBankAccountsTable = sqliteTable('beneficiary_bank_accounts', {
  beneficiaryId: text('beneficiary_id').notNull().references(() => beneficiariesTable.id, { onDelete: 'cascade' }),
  bankAccountId: text('bank_account_id').notNull().references(() => bankAccountsTable.id),
}, t => [
  primaryKey({ columns: [t.beneficiaryId] }),
  index('beneficiary_bank_accounts_account_idx').on(t.bankAccountId),
])

/** SEPA direct-debit mandate for contributions; a new one for each new contributions account. */
export const sepaMandatesTable = sqliteTable('sepa_mandates', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  bankAccountId: text('bank_account_id').notNull().references(() => bankAccountsTable.id),
  /** Référence unique de mandat (RUM): ≤ 35 characters, nothing sensitive in it. */
  reference: text('reference').notNull(),
  /** Identifiant créancier SEPA (ICS) of the mutuelle. */
  creditorIdentifier: text('creditor_identifier').notNull(),
  signedAt: isoDateTime('signed_at').notNull(),
  status: text('status', { enum: ['ACTIVE', 'REVOKED', 'LAPSED'] }).notNull(),
  lastDebitAt: isoDateTime('last_debit_at'),
  revokedAt: isoDateTime('revoked_at'),
}, t => [
  uniqueIndex('sepa_mandates_reference_uq').on(t.reference),
  index('sepa_mandates_member_idx').on(t.memberId, t.status),
  index('sepa_mandates_account_idx').on(t.bankAccountId),
])

/** A bank-details change waiting for the member's password (step-up) before it takes effect. */
export const BANK_ACCOUNT_CHANGE_STATUSES = ['PENDING', 'CONFIRMED', 'IN_REVIEW', 'REJECTED', 'EXPIRED', 'CANCELLED'] as const
export type BankAccountChangeStatus = typeof BANK_ACCOUNT_CHANGE_STATUSES[number]

export const bankAccountChangesTable = sqliteTable('bank_account_changes', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  requestedByAccountId: text('requested_by_account_id').notNull().references(() => accountsTable.id),
  iban: text('iban').notNull(),
  bic: text('bic'),
  holderName: text('holder_name').notNull(),
  forContributions: flag('for_contributions'),
  forReimbursements: flag('for_reimbursements'),
  beneficiaryIds: text('beneficiary_ids', { mode: 'json' }).$type<string[]>().notNull(),
  /** PENDING until the password; then CONFIRMED (applied), or IN_REVIEW until an advisor ACCEPTs (CONFIRMED) or REJECTs it. */
  status: text('status', { enum: BANK_ACCOUNT_CHANGE_STATUSES }).notNull(),
  createdAt: isoDateTime('created_at').notNull(),
  expiresAt: isoDateTime('expires_at').notNull(),
  confirmedAt: isoDateTime('confirmed_at'),
  /** First payment to a new account is held until then (fraud cooling-off). */
  holdPaymentsUntil: isoDateTime('hold_payments_until'),
  reviewFlag: text('review_flag'),
  /** The member accepted the SEPA mandate text (needed when contributions move). */
  mandateAccepted: flag('mandate_accepted'),
  /** Wrong passwords typed for this change; the change is cancelled at the third. */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  /** The « Modification de RIB » démarche, once confirmed (no FK: procedures.ts imports this file's neighbours). */
  procedureId: text('procedure_id'),
}, t => [
  index('bank_account_changes_member_idx').on(t.memberId, t.createdAt),
  index('bank_account_changes_procedure_idx').on(t.procedureId),
])
