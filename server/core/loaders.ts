import type { Db } from '../db/client.ts'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import DataLoader from 'dataloader'
import type { Placeholder } from 'drizzle-orm'
import { and, eq, getTableName, gte, inArray, lte, sql, sum } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import * as s from '../db/schema/index.ts'
import { contributionMandates } from '../modules/bank-accounts/mandate.service.ts'

// a page holds at most a few distinct parents: one prepared statement per key count up to this
const MAX_PREPARED_KEYS = 20

/** What `allIn` builds: a drizzle select that can run as it is or be prepared. */
interface InQuery { all: () => unknown[], prepare: () => { all: (values: Record<string, unknown>) => unknown } }

/**
 * A `… WHERE column IN (…keys)` query prepared once per number of keys: `query` receives the list
 * to put in the IN (placeholders, or the keys themselves beyond MAX_PREPARED_KEYS).
 */
function allIn<Row>(db: Db, name: string, keys: readonly string[], query: (list: (string | Placeholder)[]) => InQuery): Row[] {
  if (keys.length > MAX_PREPARED_KEYS)
    return query([...keys]).all() as Row[]
  const statement = prepared(db, `in:${name}:${keys.length}`, () => query(keys.map((_, i) => sql.placeholder(`k${i}`))).prepare())
  const values: Record<string, string> = {}
  keys.forEach((key, i) => { values[`k${i}`] = key })
  return statement.all(values) as Row[]
}

/** `SELECT * FROM table WHERE column IN (…keys)`, prepared once per number of keys. */
function selectIn<Row>(db: Db, table: SQLiteTable, column: SQLiteColumn, keys: readonly string[]): Row[] {
  return allIn<Row>(db, `${getTableName(table)}.${column.name}`, keys, list => db.select().from(table).where(inArray(column, list)))
}

/** One `WHERE key IN (…)` query per batch; results returned in key order (undefined when absent). */
export function byKey<Row extends Record<string, unknown>>(db: Db, table: SQLiteTable, column: SQLiteColumn, keyOf: (row: Row) => string) {
  return new DataLoader<string, Row | undefined>(async (keys) => {
    const rows = selectIn<Row>(db, table, column, keys)
    const map = new Map(rows.map(r => [keyOf(r), r]))
    return keys.map(k => map.get(k))
  })
}

/** Groups rows by a foreign key: one query for all parents of a list. */
export function groupedBy<Row extends Record<string, unknown>>(db: Db, table: SQLiteTable, column: SQLiteColumn, keyOf: (row: Row) => string, order?: (a: Row, b: Row) => number) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const rows = selectIn<Row>(db, table, column, keys)
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
export type SepaMandateRow = typeof s.sepaMandatesTable.$inferSelect & { iban: string }

/**
 * Forfait consumed per beneficiary and guarantee, keyed "contractId|year" (calendar year of the
 * care, as the engine counts it): one grouped SUM per year asked, whatever the number of contracts.
 */
function forfaitUsage(db: Db) {
  return new DataLoader<string, Map<string, number>>(async (keys) => {
    const byYear = new Map<string, string[]>()
    for (const key of keys) {
      const [contractId, year] = key.split('|') as [string, string]
      byYear.set(year, [...(byYear.get(year) ?? []), contractId])
    }
    const result = new Map<string, Map<string, number>>(keys.map(k => [k, new Map()]))
    const r = s.reimbursementsTable
    const sh = s.reimbursementSharesTable
    // each contract's part of a care, so a top-up's counters move as much as the main contract's
    for (const [year, contractIds] of byYear) {
      const rows = db.select({ contractId: sh.contractId, beneficiaryId: r.beneficiaryId, guaranteeId: sh.guaranteeId, used: sum(sh.forfaitUsedCents) })
        .from(sh)
        .innerJoin(r, eq(r.id, sh.reimbursementId))
        .where(and(inArray(sh.contractId, contractIds), gte(r.careDate, `${year}-01-01`), lte(r.careDate, `${year}-12-31`)))
        .groupBy(sh.contractId, r.beneficiaryId, sh.guaranteeId)
        .all()
      for (const row of rows)
        result.get(`${row.contractId}|${year}`)?.set(`${row.beneficiaryId}|${row.guaranteeId}`, Number(row.used ?? 0))
    }
    return keys.map(k => result.get(k)!)
  })
}

/** The mandate in force on each member's contributions account (the one debits are taken under). */
function contributionMandate(db: Db) {
  return new DataLoader<string, SepaMandateRow | undefined>(async (memberIds) => {
    const map = contributionMandates(db, memberIds)
    return memberIds.map(id => map.get(id))
  })
}

/** What an advisor's work queue shows of a member: identity only, never NIR, contact details or IBAN. */
export interface MemberSummaryRow { id: string, memberNumber: string, firstName: string, lastName: string }

/** Member summaries for a page of tasks: one query selecting only the columns an advisor sees. */
function memberSummary(db: Db) {
  return new DataLoader<string, MemberSummaryRow | undefined>(async (keys) => {
    const m = s.membersTable
    const rows = allIn<MemberSummaryRow>(db, 'memberSummary', keys, list => db.select({ id: m.id, memberNumber: m.memberNumber, firstName: m.firstName, lastName: m.lastName })
      .from(m).where(inArray(m.id, list)))
    const map = new Map(rows.map(r => [r.id, r]))
    return keys.map(k => map.get(k))
  })
}

/** What an advisor sees of a beneficiary: who the care was for, never the NIR nor the birth date. */
export interface AdvisorBeneficiaryRow { id: string, firstName: string, lastName: string, relationship: string }

function advisorBeneficiary(db: Db) {
  return new DataLoader<string, AdvisorBeneficiaryRow | undefined>(async (keys) => {
    const b = s.beneficiariesTable
    const rows = allIn<AdvisorBeneficiaryRow>(db, 'advisorBeneficiary', keys, list => db.select({ id: b.id, firstName: b.firstName, lastName: b.lastName, relationship: b.relationship })
      .from(b).where(inArray(b.id, list)))
    const map = new Map(rows.map(r => [r.id, r]))
    return keys.map(k => map.get(k))
  })
}

/**
 * Who acted in a member's file, as the member's access log names them: the advisor account's
 * display name or the partner token's name, one query per batch, never hashes or e-mails.
 */
function accountDisplayName(db: Db) {
  return new DataLoader<string, string | undefined>(async (keys) => {
    const a = s.accountsTable
    const rows = allIn<{ id: string, displayName: string }>(db, 'accountDisplayName', keys, list => db.select({ id: a.id, displayName: a.displayName }).from(a).where(inArray(a.id, list)))
    const map = new Map(rows.map(r => [r.id, r.displayName]))
    return keys.map(k => map.get(k))
  })
}

function partnerName(db: Db) {
  return new DataLoader<string, string | undefined>(async (keys) => {
    const t = s.partnerTokensTable
    const rows = allIn<{ id: string, name: string }>(db, 'partnerName', keys, list => db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, list)))
    const map = new Map(rows.map(r => [r.id, r.name]))
    return keys.map(k => map.get(k))
  })
}

export type FileRow = typeof s.filesTable.$inferSelect
export type AttachedFileRow = FileRow & { procedureId: string, addedAt: string }

/** The files attached to each procedure, oldest first: one join for all procedures of a page. */
function procedureAttachments(db: Db) {
  return new DataLoader<string, AttachedFileRow[]>(async (keys) => {
    const rows = allIn<{ file: FileRow, procedureId: string, addedAt: string }>(db, 'procedureAttachments', keys, list => db.select({ file: s.filesTable, procedureId: s.procedureAttachmentsTable.procedureId, addedAt: s.procedureAttachmentsTable.addedAt })
      .from(s.procedureAttachmentsTable)
      .innerJoin(s.filesTable, eq(s.filesTable.id, s.procedureAttachmentsTable.fileId))
      .where(inArray(s.procedureAttachmentsTable.procedureId, list)))
    const map = new Map<string, AttachedFileRow[]>(keys.map(k => [k, []]))
    for (const r of rows) map.get(r.procedureId)?.push({ ...r.file, procedureId: r.procedureId, addedAt: r.addedAt })
    for (const list of map.values()) list.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.createdAt.localeCompare(b.createdAt))
    return keys.map(k => map.get(k)!)
  })
}

export type MessageFileRow = FileRow & { messageId: string }

/** The files of each message: one join for all messages of a thread (or of a page of threads). */
function messageAttachments(db: Db) {
  return new DataLoader<string, MessageFileRow[]>(async (keys) => {
    const rows = allIn<{ file: FileRow, messageId: string }>(db, 'messageAttachments', keys, list => db.select({ file: s.filesTable, messageId: s.messageAttachmentsTable.messageId })
      .from(s.messageAttachmentsTable)
      .innerJoin(s.filesTable, eq(s.filesTable.id, s.messageAttachmentsTable.fileId))
      .where(inArray(s.messageAttachmentsTable.messageId, list)))
    const map = new Map<string, MessageFileRow[]>(keys.map(k => [k, []]))
    for (const r of rows) map.get(r.messageId)?.push({ ...r.file, messageId: r.messageId })
    for (const list of map.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    return keys.map(k => map.get(k)!)
  })
}

export interface ShareWithContract {
  contract: ContractRow
  guarantee: typeof s.guaranteesTable.$inferSelect
  amountCents: number
  forfaitUsedCents: number
}

/** What each contract paid of each reimbursement, in paying order: one join for a page. */
function reimbursementShares(db: Db) {
  return new DataLoader<string, ShareWithContract[]>(async (keys) => {
    const sh = s.reimbursementSharesTable
    const rows = allIn<{ share: typeof sh.$inferSelect, contract: ContractRow, guarantee: typeof s.guaranteesTable.$inferSelect }>(db, 'reimbursementShares', keys, list => db.select({ share: sh, contract: s.contractsTable, guarantee: s.guaranteesTable })
      .from(sh)
      .innerJoin(s.contractsTable, eq(s.contractsTable.id, sh.contractId))
      .innerJoin(s.guaranteesTable, eq(s.guaranteesTable.id, sh.guaranteeId))
      .where(inArray(sh.reimbursementId, list)))
    const map = new Map<string, (ShareWithContract & { rank: number })[]>(keys.map(k => [k, []]))
    for (const row of rows)
      map.get(row.share.reimbursementId)?.push({ contract: row.contract, guarantee: row.guarantee, amountCents: row.share.amountCents, forfaitUsedCents: row.share.forfaitUsedCents, rank: row.share.rank })
    return keys.map(k => map.get(k)!.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...share }) => share))
  })
}

/** The explanation of reimbursements listed without it (one column, one query for a page). */
function reimbursementExplanation(db: Db) {
  return new DataLoader<string, string[]>(async (keys) => {
    const r = s.reimbursementsTable
    const rows = allIn<{ id: string, explanation: string[] }>(db, 'reimbursementExplanation', keys, list => db.select({ id: r.id, explanation: r.explanation }).from(r).where(inArray(r.id, list)))
    const map = new Map(rows.map(row => [row.id, row.explanation]))
    return keys.map(k => map.get(k) ?? [])
  })
}

/**
 * Per-request loaders. They do not scope by household: only use them for objects reached
 * through a parent that a service already scoped to the viewer.
 */
export function createLoaders(db: Db) {
  return {
    member: byKey<MemberRow>(db, s.membersTable, s.membersTable.id, r => r.id),
    memberSummary: memberSummary(db),
    advisorBeneficiary: advisorBeneficiary(db),
    accountDisplayName: accountDisplayName(db),
    partnerName: partnerName(db),
    beneficiary: byKey<BeneficiaryRow>(db, s.beneficiariesTable, s.beneficiariesTable.id, r => r.id),
    contract: byKey<ContractRow>(db, s.contractsTable, s.contractsTable.id, r => r.id),
    contractBeneficiaries: groupedBy<typeof s.contractBeneficiariesTable.$inferSelect>(db, s.contractBeneficiariesTable, s.contractBeneficiariesTable.contractId, r => r.contractId),
    guaranteesByContract: groupedBy<typeof s.guaranteesTable.$inferSelect>(db, s.guaranteesTable, s.guaranteesTable.contractId, r => r.contractId, (a, b) => a.sortOrder - b.sortOrder),
    amendmentsByContract: groupedBy<typeof s.contractAmendmentsTable.$inferSelect>(db, s.contractAmendmentsTable, s.contractAmendmentsTable.contractId, r => r.contractId, (a, b) => a.effectiveDate.localeCompare(b.effectiveDate)),
    instalmentsByContract: groupedBy<typeof s.contributionInstalmentsTable.$inferSelect>(db, s.contributionInstalmentsTable, s.contributionInstalmentsTable.contractId, r => r.contractId, (a, b) => a.dueDate.localeCompare(b.dueDate)),
    guarantee: byKey<typeof s.guaranteesTable.$inferSelect>(db, s.guaranteesTable, s.guaranteesTable.id, r => r.id),
    bankAccount: byKey<typeof s.bankAccountsTable.$inferSelect>(db, s.bankAccountsTable, s.bankAccountsTable.id, r => r.id),
    procedure: byKey<typeof s.proceduresTable.$inferSelect>(db, s.proceduresTable, s.proceduresTable.id, r => r.id),
    procedureAttachments: procedureAttachments(db),
    coverageAgreementByProcedure: byKey<typeof s.coverageAgreementsTable.$inferSelect>(db, s.coverageAgreementsTable, s.coverageAgreementsTable.procedureId, r => r.procedureId),
    reimbursementsByProcedure: groupedBy<typeof s.reimbursementsTable.$inferSelect>(db, s.reimbursementsTable, s.reimbursementsTable.procedureId, r => r.procedureId ?? '', (a, b) => a.paymentDate.localeCompare(b.paymentDate)),
    forfaitUsage: forfaitUsage(db),
    reimbursementShares: reimbursementShares(db),
    reimbursementExplanation: reimbursementExplanation(db),
    contributionMandate: contributionMandate(db),
    messageCategory: byKey<typeof s.messageCategoriesTable.$inferSelect>(db, s.messageCategoriesTable, s.messageCategoriesTable.id, r => r.id),
    messageSubject: byKey<typeof s.messageSubjectsTable.$inferSelect>(db, s.messageSubjectsTable, s.messageSubjectsTable.id, r => r.id),
    subjectsByCategory: groupedBy<typeof s.messageSubjectsTable.$inferSelect>(db, s.messageSubjectsTable, s.messageSubjectsTable.categoryId, r => r.categoryId, (a, b) => a.sortOrder - b.sortOrder),
    // a stable sort: messages of the same instant keep the order they were written in (rowid order)
    messagesByThread: groupedBy<typeof s.messagesTable.$inferSelect>(db, s.messagesTable, s.messagesTable.threadId, r => r.threadId, (a, b) => a.sentAt.localeCompare(b.sentAt)),
    messageAttachments: messageAttachments(db),
    helpCategory: byKey<typeof s.helpCategoriesTable.$inferSelect>(db, s.helpCategoriesTable, s.helpCategoriesTable.id, r => r.id),
    procedureEvents: groupedBy<typeof s.procedureEventsTable.$inferSelect>(db, s.procedureEventsTable, s.procedureEventsTable.procedureId, r => r.procedureId, (a, b) => a.at.localeCompare(b.at)),
  }
}

export type Loaders = ReturnType<typeof createLoaders>
