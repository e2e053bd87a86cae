import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { id, isoDate, isoDateTime } from './columns.ts'
import { partnerTokensTable } from './members.ts'
import { proceduresTable } from './procedures.ts'

/**
 * Calls of a partner token, one row per token and Paris day, bumped by one upsert per request:
 * the partner reads it back (partnerUsage) and the CLI shows the last use from it.
 */
export const partnerTokenUsageTable = sqliteTable('partner_token_usage', {
  tokenId: text('token_id').notNull().references(() => partnerTokensTable.id, { onDelete: 'cascade' }),
  day: isoDate('day').notNull(),
  calls: integer('calls').notNull(),
  lastCallAt: isoDateTime('last_call_at').notNull(),
}, t => [primaryKey({ columns: [t.tokenId, t.day] })])

export const AGREEMENT_DOMAINS = ['OPTICS', 'DENTAL', 'AUDIOLOGY', 'HOSPITAL'] as const
export type AgreementDomain = typeof AGREEMENT_DOMAINS[number]

/** One line of the professional's quote, with what the engine committed for it once decided. */
export interface AgreementLine {
  code: string
  amountCents: number
  socialSecurityBaseCents: number
  /** Set when the agreement is accepted (by the rules or an advisor). */
  socialSecurityCents?: number
  mutuelleCents?: number
  outOfPocketCents?: number
  /** Part of the guarantee's yearly forfait this line is promised: no other agreement may promise it again. */
  forfaitCents?: number
  /** The same promise per guarantee id, since several contracts may pay one care, each from its own forfait. */
  forfaits?: Record<string, number>
}

/**
 * A prise en charge asked by a partner before the care. The member's side of it (status,
 * timeline, advisor's decision) is the COVERAGE_AGREEMENT démarche it points to; this row keeps
 * what only the partner and the advisor need: the token that asked, the provider, the lines.
 */
export const coverageAgreementsTable = sqliteTable('coverage_agreements', {
  id: id(),
  procedureId: text('procedure_id').notNull().references(() => proceduresTable.id, { onDelete: 'cascade' }),
  tokenId: text('token_id').notNull().references(() => partnerTokensTable.id),
  careDomain: text('care_domain', { enum: AGREEMENT_DOMAINS }).notNull(),
  plannedDate: isoDate('planned_date').notNull(),
  /** FINESS of the establishment (9 digits), when given. */
  finess: text('finess'),
  /** RPPS (11 digits) or ADELI (9 digits) of the professional, when given. */
  rpps: text('rpps'),
  adeli: text('adeli'),
  lines: text('lines', { mode: 'json' }).$type<AgreementLine[]>().notNull(),
  /** Last day of care the committed amounts hold for; set when accepted. */
  validUntil: isoDate('valid_until'),
  createdAt: isoDateTime('created_at').notNull(),
}, t => [
  index('coverage_agreements_token_idx').on(t.tokenId, t.createdAt),
  index('coverage_agreements_procedure_idx').on(t.procedureId),
])
