import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { flag, id, isoDate } from './columns.ts'
import { membersTable } from './members.ts'

export const RELATIONSHIPS = ['SELF', 'SPOUSE', 'CHILD', 'OTHER'] as const
export const NOEMIE_STATUSES = ['ACTIVE', 'PENDING', 'INACTIVE', 'HELD_BY_PREVIOUS_INSURER'] as const

/** A person covered by the member's contracts (ayant droit), the member included (SELF). */
export const beneficiariesTable = sqliteTable('beneficiaries', {
  id: id(),
  memberId: text('member_id').notNull().references(() => membersTable.id, { onDelete: 'cascade' }),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  birthDate: isoDate('birth_date').notNull(),
  relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
  /** CPAM rank: the member 01, others 02–19. */
  rank: integer('rank').notNull(),
  nir: text('nir'),
  coverageStart: isoDate('coverage_start').notNull(),
  coverageEnd: isoDate('coverage_end'),
  /** Social Security fund the beneficiary is attached to, e.g. "CPAM de la Gironde". */
  socialSecurityFund: text('social_security_fund'),
  noemieStatus: text('noemie_status', { enum: NOEMIE_STATUSES }).notNull().default('ACTIVE'),
  hasOwnLogin: flag('has_own_login'),
}, t => [
  index('beneficiaries_member_idx').on(t.memberId),
  uniqueIndex('beneficiaries_member_rank_uq').on(t.memberId, t.rank),
])
