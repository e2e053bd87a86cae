import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { cents, id, isoDate, isoDateTime } from './columns.ts'
import { contractsTable } from './contracts.ts'
import { membersTable } from './members.ts'
import { proceduresTable } from './procedures.ts'

export const JOURNEY_STATUSES = ['IN_PROGRESS', 'FINALISED', 'ABANDONED'] as const
export type JourneyStatus = typeof JOURNEY_STATUSES[number]

/**
 * A démarche commerciale (Offre & devis): a change of option the member started and has not
 * finished. Finalising files an AFFILIATION démarche that an advisor decides.
 */
export const commercialJourneysTable = sqliteTable('commercial_journeys', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  contractId: text('contract_id').notNull().references(() => contractsTable.id, { onDelete: 'cascade' }),
  /** Code of the chosen option in the offer catalogue (e.g. B). */
  optionCode: text('option_code').notNull(),
  /** Chosen start: always the 1st of a month. */
  startDate: isoDate('start_date').notNull(),
  status: text('status', { enum: JOURNEY_STATUSES }).notNull(),
  /** The AFFILIATION démarche filed when the member finalised. */
  procedureId: text('procedure_id').references(() => proceduresTable.id),
  createdAt: isoDateTime('created_at').notNull(),
  updatedAt: isoDateTime('updated_at').notNull(),
}, t => [
  index('commercial_journeys_member_idx').on(t.memberId, t.status),
  index('commercial_journeys_contract_idx').on(t.contractId),
  index('commercial_journeys_procedure_idx').on(t.procedureId),
])

/** A change of option of a contract (avenant), in force from its effective date. */
export const contractAmendmentsTable = sqliteTable('contract_amendments', {
  id: id(),
  contractId: text('contract_id').notNull().references(() => contractsTable.id, { onDelete: 'cascade' }),
  procedureId: text('procedure_id').references(() => proceduresTable.id),
  effectiveDate: isoDate('effective_date').notNull(),
  optionLabel: text('option_label').notNull(),
  monthlyContributionCents: cents('monthly_contribution_cents'),
  createdAt: isoDateTime('created_at').notNull(),
}, t => [index('contract_amendments_contract_idx').on(t.contractId, t.effectiveDate)])
