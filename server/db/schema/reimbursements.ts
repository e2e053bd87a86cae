import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { bankAccountsTable } from './bank-accounts.ts'
import { beneficiariesTable } from './beneficiaries.ts'
import { cents, flag, id, isoDate, isoDateTime } from './columns.ts'
import { CARE_TYPES, contractsTable, guaranteesTable } from './contracts.ts'
import { membersTable } from './members.ts'
import { proceduresTable } from './procedures.ts'

export const PAYEES = ['MEMBER', 'PROVIDER'] as const
export const ORIGINS = ['TELETRANSMISSION', 'REQUEST', 'TIERS_PAYANT'] as const
export const WITHHOLDING_KINDS = ['NONE', 'PARTICIPATION_FORFAITAIRE', 'FRANCHISE_MEDICINE', 'FRANCHISE_PARAMEDICAL', 'FRANCHISE_TRANSPORT'] as const

/**
 * A paid reimbursement (prestation). Amounts are in cents and always add up:
 * expense = socialSecurity + mutuelle + outOfPocket, with the withheld amount inside outOfPocket.
 * mutuelle is the sum of the contracts' parts (reimbursement_shares); contractId and guaranteeId
 * name the first contract that paid.
 */
export const reimbursementsTable = sqliteTable('reimbursements', {
  id: id(),
  /** Denormalised household key: every member query filters on it first. */
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  contractId: text('contract_id').notNull().references(() => contractsTable.id),
  beneficiaryId: text('beneficiary_id').notNull().references(() => beneficiariesTable.id),
  careType: text('care_type', { enum: CARE_TYPES }).notNull(),
  careLabel: text('care_label').notNull(),
  careDate: isoDate('care_date').notNull(),
  paymentDate: isoDate('payment_date').notNull(),
  providerName: text('provider_name').notNull(),
  decompteNumber: text('decompte_number').notNull(),
  expenseCents: cents('expense_cents'),
  socialSecurityBaseCents: cents('social_security_base_cents'),
  socialSecurityRatePercent: integer('social_security_rate_percent').notNull(),
  socialSecurityCents: cents('social_security_cents'),
  /** Participation forfaitaire or franchise kept by Social Security; the mutuelle may not pay it back. */
  withheldCents: cents('withheld_cents'),
  withholdingKind: text('withholding_kind', { enum: WITHHOLDING_KINDS }).notNull().default('NONE'),
  mutuelleCents: cents('mutuelle_cents'),
  outOfPocketCents: cents('out_of_pocket_cents'),
  /** Part of mutuelleCents taken from the contracts' yearly forfaits (each contract's in reimbursement_shares). */
  forfaitUsedCents: integer('forfait_used_cents').notNull().default(0),
  guaranteeId: text('guarantee_id').references(() => guaranteesTable.id),
  hundredPercentSante: flag('hundred_percent_sante'),
  payee: text('payee', { enum: PAYEES }).notNull(),
  origin: text('origin', { enum: ORIGINS }).notNull(),
  bankAccountId: text('bank_account_id').references(() => bankAccountsTable.id),
  /** The first payment to a new bank account is held 72 hours (fraud cooling-off): paid no earlier than this. */
  heldUntil: isoDateTime('held_until'),
  procedureId: text('procedure_id').references(() => proceduresTable.id),
  /** Per-line explanation ("Pourquoi ce montant ?") as computed by the engine at payment time. */
  explanation: text('explanation', { mode: 'json' }).$type<string[]>().notNull(),
}, t => [
  index('reimbursements_member_payment_idx').on(t.memberId, t.paymentDate, t.id),
  index('reimbursements_member_beneficiary_idx').on(t.memberId, t.beneficiaryId, t.paymentDate),
  index('reimbursements_member_care_idx').on(t.memberId, t.careType, t.paymentDate),
  index('reimbursements_beneficiary_care_date_idx').on(t.beneficiaryId, t.careType, t.careDate),
  index('reimbursements_contract_idx').on(t.contractId),
  index('reimbursements_guarantee_idx').on(t.guaranteeId),
  index('reimbursements_bank_account_idx').on(t.bankAccountId),
  index('reimbursements_procedure_idx').on(t.procedureId),
])
export type ReimbursementRow = typeof reimbursementsTable.$inferSelect
/** A reimbursement as lists read it: the explanation, a JSON array, is read only when asked for. */
export type ReimbursementSummaryRow = Omit<ReimbursementRow, 'explanation'>
/** A reimbursement as the list pages show it (the reimbursements page, the home page): eleven columns. */
export type ReimbursementListRow = Pick<ReimbursementRow, 'id' | 'beneficiaryId' | 'careType' | 'careLabel' | 'careDate' | 'paymentDate' | 'expenseCents' | 'socialSecurityCents' | 'mutuelleCents' | 'outOfPocketCents' | 'payee'>

/**
 * What each contract paid of a reimbursement, in paying order: the main contract first, then each
 * top-up (surcomplémentaire) on what was left. Their amounts add up to reimbursements.mutuelle_cents;
 * the forfait counters of every contract read forfait_used_cents here.
 */
export const reimbursementSharesTable = sqliteTable('reimbursement_shares', {
  reimbursementId: text('reimbursement_id').notNull().references(() => reimbursementsTable.id, { onDelete: 'cascade' }),
  /** 1 for the first contract to pay, then 2, 3… */
  rank: integer('rank').notNull(),
  contractId: text('contract_id').notNull().references(() => contractsTable.id),
  guaranteeId: text('guarantee_id').notNull().references(() => guaranteesTable.id),
  amountCents: cents('amount_cents'),
  forfaitUsedCents: cents('forfait_used_cents'),
}, t => [
  primaryKey({ columns: [t.reimbursementId, t.rank] }),
  index('reimbursement_shares_guarantee_idx').on(t.guaranteeId),
  index('reimbursement_shares_contract_idx').on(t.contractId),
])
export type ReimbursementShareRow = typeof reimbursementSharesTable.$inferSelect
