import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sepaMandatesTable } from './bank-accounts.ts'
import { beneficiariesTable } from './beneficiaries.ts'
import { cents, flag, id, isoDate, isoDateTime } from './columns.ts'
import { membersTable } from './members.ts'

export const CARE_TYPES = ['CONSULTATION', 'PHARMACY', 'LABORATORY', 'RADIOLOGY', 'HOSPITAL', 'DENTAL', 'OPTICS', 'AUDIOLOGY', 'PARAMEDICAL', 'ALTERNATIVE_MEDICINE'] as const
export type CareType = typeof CARE_TYPES[number]
export const CONTRACT_STATUSES = ['ACTIVE', 'SUSPENDED', 'TERMINATED'] as const
export const INSTALMENT_STATUSES = ['PAID', 'SCHEDULED', 'REJECTED'] as const
/** Inter-AMC care domain codes printed on the tiers-payant card. */
export const CARE_DOMAINS = ['PHAR', 'MED', 'LABO', 'RADL', 'HOSP', 'OPTI', 'DENT', 'AUDI', 'AUXM', 'SAGE', 'TRSP'] as const

/** A subscription of the member to a product and option (several per member). */
export const contractsTable = sqliteTable('contracts', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  number: text('number').notNull(),
  productLabel: text('product_label').notNull(),
  optionLabel: text('option_label').notNull(),
  /** Collective (employer) or individual subscription. */
  collective: flag('collective'),
  /** Contrat responsable: may not reimburse participations forfaitaires and franchises. */
  responsible: flag('responsible'),
  status: text('status', { enum: CONTRACT_STATUSES }).notNull(),
  startDate: isoDate('start_date').notNull(),
  endDate: isoDate('end_date'),
  /** The contract shown first (home page, card). */
  main: flag('main'),
  monthlyContributionCents: cents('monthly_contribution_cents'),
  employerParticipationCents: cents('employer_participation_cents'),
  /** What the mutuelle charges when the bank rejects a debit (frais de rejet), in cents; 0 when none. */
  rejectionFeeCents: integer('rejection_fee_cents').notNull().default(0),
  /** Harmonised card fields (Association Inter-AMC). */
  amcNumber: text('amc_number').notNull(),
  conventionType: text('convention_type').notNull(),
  routingCriterion: text('routing_criterion').notNull(),
}, t => [
  uniqueIndex('contracts_number_uq').on(t.number),
  index('contracts_member_idx').on(t.memberId),
])

/** Which beneficiaries a contract covers, and since when. */
export const contractBeneficiariesTable = sqliteTable('contract_beneficiaries', {
  contractId: text('contract_id').notNull().references(() => contractsTable.id, { onDelete: 'cascade' }),
  beneficiaryId: text('beneficiary_id').notNull().references(() => beneficiariesTable.id, { onDelete: 'cascade' }),
  startDate: isoDate('start_date').notNull(),
  endDate: isoDate('end_date'),
}, t => [
  primaryKey({ columns: [t.contractId, t.beneficiaryId] }),
  index('contract_beneficiaries_beneficiary_idx').on(t.beneficiaryId),
])

/** One line of the tableau de garanties: % of the Social Security base, a yearly forfait, or both. */
export const guaranteesTable = sqliteTable('guarantees', {
  id: id(),
  contractId: text('contract_id').notNull().references(() => contractsTable.id, { onDelete: 'cascade' }),
  careType: text('care_type', { enum: CARE_TYPES }).notNull(),
  label: text('label').notNull(),
  /** "% BRSS, Sécurité sociale incluse", e.g. 150; null when the guarantee is a forfait only. */
  brssPercent: integer('brss_percent'),
  /** Yearly amount per beneficiary on top of the % BRSS, in cents. */
  yearlyForfaitCents: integer('yearly_forfait_cents'),
  /** Most the mutuelle pays for one act, in cents. */
  perActCeilingCents: integer('per_act_ceiling_cents'),
  /** 100 % Santé basket: no out-of-pocket on the reference basket. */
  hundredPercentSante: flag('hundred_percent_sante'),
  sortOrder: integer('sort_order').notNull().default(0),
  /** First day the line applies (a change of option); null: since the contract started. */
  validFrom: isoDate('valid_from'),
  /** Last day the line applies (replaced by a change of option); null: still in force. */
  validTo: isoDate('valid_to'),
}, t => [index('guarantees_contract_idx').on(t.contractId, t.careType)])

/** Échéancier de cotisations: one instalment per month. */
export const contributionInstalmentsTable = sqliteTable('contribution_instalments', {
  id: id(),
  contractId: text('contract_id').notNull().references(() => contractsTable.id, { onDelete: 'cascade' }),
  dueDate: isoDate('due_date').notNull(),
  amountCents: cents('amount_cents'),
  employerShareCents: cents('employer_share_cents'),
  status: text('status', { enum: INSTALMENT_STATUSES }).notNull(),
  method: text('method', { enum: ['SEPA_DIRECT_DEBIT', 'PAYROLL', 'TRANSFER'] }).notNull(),
  paidAt: isoDateTime('paid_at'),
  mandateId: text('mandate_id').references(() => sepaMandatesTable.id),
  /** A rejected instalment: the later instalment whose debit presented it again; null while it stays to settle. */
  representedById: text('represented_by_id').references((): AnySQLiteColumn => contributionInstalmentsTable.id),
  /** A rejected instalment: the rejection fee the contract charged for it, settled with it. */
  rejectionFeeCents: integer('rejection_fee_cents').notNull().default(0),
}, t => [
  index('instalments_contract_due_idx').on(t.contractId, t.dueDate),
  index('instalments_mandate_idx').on(t.mandateId),
])

/** Carte de tiers payant, one per contract and calendar year. */
export const insuranceCardsTable = sqliteTable('insurance_cards', {
  id: id(),
  contractId: text('contract_id').notNull().references(() => contractsTable.id, { onDelete: 'cascade' }),
  cardNumber: text('card_number').notNull(),
  validFrom: isoDate('valid_from').notNull(),
  validTo: isoDate('valid_to').notNull(),
  issuedAt: isoDateTime('issued_at').notNull(),
}, t => [
  uniqueIndex('insurance_cards_number_uq').on(t.cardNumber),
  index('insurance_cards_contract_idx').on(t.contractId, t.validTo),
])

/** Care domains each beneficiary may use under tiers payant with a card. */
export const cardRightsTable = sqliteTable('card_rights', {
  cardId: text('card_id').notNull().references(() => insuranceCardsTable.id, { onDelete: 'cascade' }),
  beneficiaryId: text('beneficiary_id').notNull().references(() => beneficiariesTable.id, { onDelete: 'cascade' }),
  domains: text('domains', { mode: 'json' }).$type<string[]>().notNull(),
}, t => [
  primaryKey({ columns: [t.cardId, t.beneficiaryId] }),
  index('card_rights_beneficiary_idx').on(t.beneficiaryId),
])
