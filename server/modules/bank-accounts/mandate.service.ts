import type { SepaMandateRow } from '../../core/loaders.ts'
import type { Queryable } from '../../db/client.ts'
import { and, eq, inArray } from 'drizzle-orm'
import { bankAccountsTable as a, sepaMandatesTable as m } from '../../db/schema/index.ts'

/** For each member, the active mandate on the active contributions account: the one debits are taken under. */
export function contributionMandates(db: Queryable, memberIds: readonly string[]): Map<string, SepaMandateRow> {
  const rows = db.select({ mandate: m, iban: a.iban }).from(m)
    .innerJoin(a, eq(a.id, m.bankAccountId))
    .where(and(inArray(m.memberId, memberIds as string[]), eq(m.status, 'ACTIVE'), eq(a.forContributions, true), eq(a.status, 'ACTIVE')))
    .all()
  const map = new Map<string, SepaMandateRow>()
  // should two ever be active at once, the latest signed is the one in force
  for (const row of rows.sort((x, y) => x.mandate.signedAt.localeCompare(y.mandate.signedAt)))
    map.set(row.mandate.memberId, { ...row.mandate, iban: row.iban })
  return map
}
