import type { Db } from '../db/client.ts'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import DataLoader from 'dataloader'
import { inArray } from 'drizzle-orm'
import * as s from '../db/schema/index.ts'

/** One `WHERE key IN (…)` query per batch; results returned in key order (undefined when absent). */
export function byKey<Row extends Record<string, unknown>>(db: Db, table: SQLiteTable, column: SQLiteColumn, keyOf: (row: Row) => string) {
  return new DataLoader<string, Row | undefined>(async (keys) => {
    const rows = db.select().from(table).where(inArray(column, keys as string[])).all() as Row[]
    const map = new Map(rows.map(r => [keyOf(r), r]))
    return keys.map(k => map.get(k))
  })
}

/** Groups rows by a foreign key: one query for all parents of a list. */
export function groupedBy<Row extends Record<string, unknown>>(db: Db, table: SQLiteTable, column: SQLiteColumn, keyOf: (row: Row) => string, order?: (a: Row, b: Row) => number) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const rows = db.select().from(table).where(inArray(column, keys as string[])).all() as Row[]
    const map = new Map<string, Row[]>(keys.map(k => [k, []]))
    for (const r of rows) map.get(keyOf(r))?.push(r)
    if (order)
      for (const list of map.values()) list.sort(order)
    return keys.map(k => map.get(k)!)
  })
}

export type BeneficiaryRow = typeof s.beneficiariesTable.$inferSelect
export type ContractRow = typeof s.contractsTable.$inferSelect
export type MemberRow = typeof s.membersTable.$inferSelect

/**
 * Per-request loaders. They do not scope by household: only use them for objects reached
 * through a parent that a service already scoped to the viewer.
 */
export function createLoaders(db: Db) {
  return {
    member: byKey<MemberRow>(db, s.membersTable, s.membersTable.id, r => r.id),
    beneficiary: byKey<BeneficiaryRow>(db, s.beneficiariesTable, s.beneficiariesTable.id, r => r.id),
    contract: byKey<ContractRow>(db, s.contractsTable, s.contractsTable.id, r => r.id),
    contractBeneficiaries: groupedBy<typeof s.contractBeneficiariesTable.$inferSelect>(db, s.contractBeneficiariesTable, s.contractBeneficiariesTable.contractId, r => r.contractId),
    guaranteesByContract: groupedBy<typeof s.guaranteesTable.$inferSelect>(db, s.guaranteesTable, s.guaranteesTable.contractId, r => r.contractId, (a, b) => a.sortOrder - b.sortOrder),
    instalmentsByContract: groupedBy<typeof s.contributionInstalmentsTable.$inferSelect>(db, s.contributionInstalmentsTable, s.contributionInstalmentsTable.contractId, r => r.contractId, (a, b) => a.dueDate.localeCompare(b.dueDate)),
    procedureEvents: groupedBy<typeof s.procedureEventsTable.$inferSelect>(db, s.procedureEventsTable, s.procedureEventsTable.procedureId, r => r.procedureId, (a, b) => a.at.localeCompare(b.at)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
