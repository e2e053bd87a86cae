import type { Context } from '../../context.ts'
import type { Clock } from '../../core/clock.ts'
import type { ContractRow } from '../../core/loaders.ts'
import type { Page } from '../../core/pagination.ts'
import type { MemberViewer } from '../../core/viewer.ts'
import type { Db } from '../../db/client.ts'
import type { DocumentKind } from '../../db/schema/index.ts'
import { existsSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import { and, asc, count, desc, eq, lte } from 'drizzle-orm'
import { today } from '../../core/clock.ts'
import { keysetPage } from '../../core/pagination.ts'
import { requireMember } from '../../core/viewer.ts'
import { beneficiariesTable, contractBeneficiariesTable, contributionInstalmentsTable, documentsTable, filesTable, guaranteesTable, insuranceCardsTable, membersTable, sepaMandatesTable, bankAccountsTable } from '../../db/schema/index.ts'
import { maskIban } from '../bank-accounts/mask-iban.ts'
import { getOwnContract, guaranteeInForce, summariseInstalments } from '../contracts/contract.service.ts'
import { buildSchedule } from '../contracts/contribution-schedule.ts'

/**
 * What the generated documents are built from. Every read starts from a contract or document of
 * the viewer's household (getOwnContract, getOwnDocument), so a foreign id is simply not found.
 */
export interface DocumentContext { db: Db, clock: Clock, viewer: MemberViewer }

export type DocumentRow = typeof documentsTable.$inferSelect

/** A document of the household, or null: missing and foreign read the same. */
export function getOwnDocument(ctx: DocumentContext, id: string): DocumentRow | null {
  return ctx.db.select().from(documentsTable)
    .where(and(eq(documentsTable.id, id), eq(documentsTable.memberId, ctx.viewer.memberId))).get() ?? null
}

/** A stored document's file on disk, or null when its row or file is gone or its path leads outside the data directory. */
export function storedFileOf(db: Db, dataDir: string, fileId: string): { path: string, name: string, mimeType: string } | null {
  const file = db.select().from(filesTable).where(eq(filesTable.id, fileId)).get()
  if (!file)
    return null
  const root = resolve(dataDir)
  const path = resolve(root, file.storagePath)
  return path.startsWith(root + sep) && existsSync(path) ? { path, name: file.name, mimeType: file.mimeType } : null
}

export function memberOfContract(db: Db, contract: ContractRow) {
  return db.select().from(membersTable).where(eq(membersTable.id, contract.memberId)).get()!
}

export function holderName(member: { civility: string, firstName: string, lastName: string }): string {
  return `${member.civility === 'MME' ? 'Mme' : 'M.'} ${member.firstName} ${member.lastName}`
}

export interface AttestationData {
  contract: ContractRow
  member: typeof membersTable.$inferSelect
  validFrom: string
  validTo: string
  issuedOn: string
  people: { firstName: string, lastName: string, birthDate: string, relationship: string, rank: number, startDate: string, endDate: string | null }[]
}

/** The attestation de droits of a contract (the main one by default): who is covered, from when, for which period. */
export function attestationData(ctx: DocumentContext, contractId?: string | null): AttestationData {
  const contract = getOwnContract(ctx, contractId)
  const day = today(ctx.clock)
  const card = ctx.db.select().from(insuranceCardsTable)
    .where(and(eq(insuranceCardsTable.contractId, contract.id), lte(insuranceCardsTable.validFrom, day)))
    .orderBy(desc(insuranceCardsTable.validTo)).get()
  const year = day.slice(0, 4)
  // the attestation is valid as long as the card is: the calendar year, unless the contract ends first
  let validTo = card?.validTo ?? `${year}-12-31`
  if (contract.endDate && contract.endDate < validTo)
    validTo = contract.endDate
  const people = ctx.db.select({
    firstName: beneficiariesTable.firstName,
    lastName: beneficiariesTable.lastName,
    birthDate: beneficiariesTable.birthDate,
    relationship: beneficiariesTable.relationship,
    rank: beneficiariesTable.rank,
    startDate: contractBeneficiariesTable.startDate,
    endDate: contractBeneficiariesTable.endDate,
  }).from(contractBeneficiariesTable)
    .innerJoin(beneficiariesTable, eq(beneficiariesTable.id, contractBeneficiariesTable.beneficiaryId))
    .where(eq(contractBeneficiariesTable.contractId, contract.id))
    .orderBy(asc(beneficiariesTable.rank)).all()
  return { contract, member: memberOfContract(ctx.db, contract), validFrom: card?.validFrom ?? `${year}-01-01`, validTo, issuedOn: day, people }
}

export function scheduleData(ctx: DocumentContext, contractId?: string | null) {
  const contract = getOwnContract(ctx, contractId)
  const instalments = ctx.db.select().from(contributionInstalmentsTable)
    .where(eq(contributionInstalmentsTable.contractId, contract.id))
    .orderBy(asc(contributionInstalmentsTable.dueDate)).all()
  const mandate = ctx.db.select({ reference: sepaMandatesTable.reference, creditorIdentifier: sepaMandatesTable.creditorIdentifier, signedAt: sepaMandatesTable.signedAt, iban: bankAccountsTable.iban })
    .from(sepaMandatesTable)
    .innerJoin(bankAccountsTable, eq(bankAccountsTable.id, sepaMandatesTable.bankAccountId))
    .where(and(eq(sepaMandatesTable.memberId, contract.memberId), eq(sepaMandatesTable.status, 'ACTIVE'), eq(bankAccountsTable.forContributions, true), eq(bankAccountsTable.status, 'ACTIVE')))
    .orderBy(desc(sepaMandatesTable.signedAt)).get()
  return {
    contract,
    member: memberOfContract(ctx.db, contract),
    instalments: buildSchedule(instalments).lines,
    summary: summariseInstalments(instalments),
    mandate: mandate ? { reference: mandate.reference, creditorIdentifier: mandate.creditorIdentifier, signedAt: mandate.signedAt, accountIbanMasked: maskIban(mandate.iban) } : null,
    issuedOn: today(ctx.clock),
  }
}

export function guaranteeTableData(ctx: DocumentContext, contractId?: string | null) {
  const contract = getOwnContract(ctx, contractId)
  const guarantees = ctx.db.select().from(guaranteesTable).where(eq(guaranteesTable.contractId, contract.id)).orderBy(asc(guaranteesTable.sortOrder)).all().filter(g => guaranteeInForce(g, today(ctx.clock)))
  return { contract, member: memberOfContract(ctx.db, contract), guarantees, issuedOn: today(ctx.clock) }
}

export interface DocumentFilter { kind?: DocumentKind | null, contractId?: string | null, year?: number | null }

/** The household's documents, newest first; a foreign contractId simply matches nothing. */
export function listDocuments(ctx: Context, f: DocumentFilter, first?: number | null, after?: string | null): Page<DocumentRow> {
  const { memberId } = requireMember(ctx.viewer)
  const d = documentsTable
  const where = and(
    eq(d.memberId, memberId),
    f.kind ? eq(d.kind, f.kind) : undefined,
    f.contractId ? eq(d.contractId, f.contractId) : undefined,
    f.year != null ? eq(d.year, f.year) : undefined,
  )
  return keysetPage<DocumentRow>({
    first,
    after,
    sortColumn: d.issuedAt,
    idColumn: d.id,
    direction: 'desc',
    where,
    fetch: (w, limit) => ctx.db.select().from(d).where(w).orderBy(desc(d.issuedAt), desc(d.id)).limit(limit).all(),
    count: () => ctx.db.select({ n: count() }).from(d).where(where).get()?.n ?? 0,
    key: row => [row.issuedAt, row.id],
  })
}
