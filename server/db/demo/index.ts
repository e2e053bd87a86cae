import type { Clock } from '../../core/clock.ts'
import type { Db } from '../client.ts'
import { count } from 'drizzle-orm'
import { addDays, today as todayOf } from '../../core/clock.ts'
import { yearOf } from '../../core/calendar.ts'
import { hashPassword } from '../../core/passwords.ts'
import { hashToken } from '../../core/tokens.ts'
import { membersTable } from '../schema/index.ts'
import { daysBefore, instant } from './calendar.ts'
import { BENOIT_MEMBER_NUMBER, benoitHouseholdBirthDates, buildBenoitHousehold } from './household-benoit.ts'
import { buildCamilleHousehold } from './household-camille.ts'
import { assignProcedureReferences } from './household.ts'
import { createRandom, demoId } from './random.ts'
import { buildReferenceData } from './reference-data.ts'
import type { DemoRows } from './rows.ts'
import { emptyRows, insertRows } from './rows.ts'

/**
 * The demo data loaded on an empty database: Benoit's household (the seed's), Camille's, an
 * advisor, a partner token and the shared help and messaging content. Same clock, same rows.
 */

/** Public on purpose (in the README and GraphiQL), so partners can try coverageCheck and prises en charge; it exists only with the demo data. */
export const DEMO_PARTNER_TOKEN = 'ptk_demo_t_KIDr1hFRcsIMOR70pkhZ2VqmhB40_fvF-U3s6o'

/**
 * What GraphiQL's partner examples send, so that they answer with the demo household: Léa's card
 * (the main card carries the member number) and birth date, a care today, a quote planned in two weeks.
 */
export function demoPartnerExample(today: string) {
  return {
    cardNumber: BENOIT_MEMBER_NUMBER,
    birthDate: benoitHouseholdBirthDates(yearOf(today)).lea,
    careDate: today,
    plannedDate: addDays(today, 14),
  }
}

export const DEMO_ACCOUNTS = {
  benoit: { email: 'benoit@example.org', password: 'demo-benoit-2026' },
  camille: { email: 'camille@example.org', password: 'demo-camille-2026' },
  advisor: { email: 'conseiller@example.org', password: 'demo-conseiller-2026' },
} as const

export function isDatabaseEmpty(db: Db): boolean {
  const row = db.select({ members: count() }).from(membersTable).get()
  return (row?.members ?? 0) === 0
}

/** The demo rows for a French calendar day, with the given password hashes: deterministic, no database. */
export function buildDemoRows(today: string, hashes: Record<keyof typeof DEMO_ACCOUNTS, string>): DemoRows {
  const random = createRandom(20_289_777)
  const rows = emptyRows()

  const advisorAccountId = demoId('advisor', 'account')
  rows.accounts.push({
    id: advisorAccountId,
    email: DEMO_ACCOUNTS.advisor.email,
    passwordHash: hashes.advisor,
    role: 'ADVISOR',
    memberId: null,
    displayName: 'Claire Moreau, conseillère',
    passwordChangedAt: instant(daysBefore(today, 500), '08:30'),
    createdAt: instant(daysBefore(today, 500), '08:30'),
  })
  rows.partnerTokens.push({
    id: demoId('partner-token', 'pharmacy'),
    name: 'Pharmacie partenaire (démo)',
    tokenHash: hashToken(DEMO_PARTNER_TOKEN),
    scopes: ['coverage:read', 'pec:write'],
    createdAt: instant(daysBefore(today, 30), '08:00'),
  })

  buildReferenceData(rows, today)
  buildBenoitHousehold({ rows, today, random, advisorAccountId, passwordHash: hashes.benoit, email: DEMO_ACCOUNTS.benoit.email })
  buildCamilleHousehold({ rows, today, random, advisorAccountId, passwordHash: hashes.camille, email: DEMO_ACCOUNTS.camille.email })
  assignProcedureReferences(rows, random)
  return rows
}

/** Call on an empty database (see isDatabaseEmpty): everything is inserted in one transaction, or nothing. */
export async function loadDemoData(db: Db, clock: Clock): Promise<void> {
  // argon2 is asynchronous and a better-sqlite3 transaction may not await: hash first
  const [benoit, camille, advisor] = await Promise.all([
    hashPassword(DEMO_ACCOUNTS.benoit.password),
    hashPassword(DEMO_ACCOUNTS.camille.password),
    hashPassword(DEMO_ACCOUNTS.advisor.password),
  ])
  const rows = buildDemoRows(todayOf(clock), { benoit, camille, advisor })
  db.transaction((tx) => {
    insertRows(tx, rows)
  })
}
