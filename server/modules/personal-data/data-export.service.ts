import type { Context } from '../../context.ts'
import type { Db, Queryable } from '../../db/client.ts'
import type { MemberViewer } from '../../core/viewer.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { ProcedureResult } from '../procedures/reimbursement-request.service.ts'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { and, asc, count, eq, gte, inArray } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { requireMember } from '../../core/viewer.ts'
import * as s from '../../db/schema/index.ts'
import { nextProcedureReference } from '../procedures/reimbursement-request.service.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { maskIban } from '../bank-accounts/mask-iban.ts'
import { maskNir } from '../members/member.service.ts'
import { renderDataExportPdf } from './data-export.pdf.ts'
import { buildZip } from './zip.ts'

/** Building an archive reads the whole household: a few a day is plenty for a person. */
export const MAX_EXPORTS_PER_DAY = 3
export const EXPORT_JSON_NAME = 'mes-donnees.json'
export const EXPORT_PDF_NAME = 'synthese-de-mes-donnees.pdf'

/** What a DATA_EXPORT démarche keeps in `procedures.details`: where its archive is, under DATA_DIR. */
export interface DataExportDetails { archive: string, fileName: string, sizeBytes: number, sha256: string }

/**
 * Everything the portal holds on a household, as plain rows. The NIR and IBANs stay masked — an
 * export is downloadable from a session, and a stolen session must not yield them whole — and
 * secrets (password and token hashes, storage paths) are left out.
 */
export function collectHouseholdData(db: Queryable, memberId: string, generatedAt: string) {
  const member = db.select().from(s.membersTable).where(eq(s.membersTable.id, memberId)).get()!
  const accounts = db.select().from(s.accountsTable).where(eq(s.accountsTable.memberId, memberId)).all()
  const accountIds = accounts.map(a => a.id)
  const inAccounts = <T>(rows: () => T[]) => (accountIds.length ? rows() : [])
  const beneficiaries = db.select().from(s.beneficiariesTable).where(eq(s.beneficiariesTable.memberId, memberId)).orderBy(asc(s.beneficiariesTable.rank)).all()
  const contracts = db.select().from(s.contractsTable).where(eq(s.contractsTable.memberId, memberId)).orderBy(asc(s.contractsTable.startDate)).all()
  const contractIds = contracts.map(c => c.id)
  const inContracts = <T>(rows: () => T[]) => (contractIds.length ? rows() : [])
  const cards = inContracts(() => db.select().from(s.insuranceCardsTable).where(inArray(s.insuranceCardsTable.contractId, contractIds)).all())
  const procedures = db.select().from(s.proceduresTable).where(eq(s.proceduresTable.memberId, memberId)).orderBy(asc(s.proceduresTable.submittedAt)).all()
  const procedureIds = procedures.map(p => p.id)
  const inProcedures = <T>(rows: () => T[]) => (procedureIds.length ? rows() : [])
  const threads = db.select().from(s.messageThreadsTable).where(eq(s.messageThreadsTable.memberId, memberId)).orderBy(asc(s.messageThreadsTable.createdAt)).all()
  const threadIds = threads.map(t => t.id)
  const bankAccounts = db.select().from(s.bankAccountsTable).where(eq(s.bankAccountsTable.memberId, memberId)).all()
  const audit = db.select().from(s.auditEventsTable).where(eq(s.auditEventsTable.memberId, memberId)).orderBy(asc(s.auditEventsTable.at)).all()

  const { nir, ...identity } = member
  const maskDetails = (details: Record<string, unknown> | null) => {
    if (!details)
      return null
    const { archive: _archive, nir: detailNir, iban: _iban, ...rest } = details
    return typeof detailNir === 'string' ? { ...rest, nirMasked: maskNir(detailNir) } : rest
  }
  return {
    format: 'espace-adherent/data-export',
    version: 1,
    generatedAt,
    notice: 'Copie des données personnelles que l\'Espace adhérent détient sur votre foyer (RGPD, articles 15 et 20). Le numéro de sécurité sociale et les IBAN sont masqués\u00a0; votre conseiller peut vous les confirmer.',
    member: { ...identity, nirMasked: maskNir(nir) },
    accounts: accounts.map(({ passwordHash: _hash, ...a }) => a),
    sessions: inAccounts(() => db.select().from(s.sessionsTable).where(inArray(s.sessionsTable.accountId, accountIds)).all().map(({ tokenHash: _t, ...x }) => x)),
    trustedDevices: inAccounts(() => db.select({ accountId: s.trustedDevicesTable.accountId, createdAt: s.trustedDevicesTable.createdAt, lastUsedAt: s.trustedDevicesTable.lastUsedAt }).from(s.trustedDevicesTable).where(inArray(s.trustedDevicesTable.accountId, accountIds)).all()),
    emailChangeRequests: db.select().from(s.emailChangeRequestsTable).where(eq(s.emailChangeRequestsTable.memberId, memberId)).all().map(({ tokenHash: _t, ...x }) => x),
    passwordResetRequests: inAccounts(() => db.select().from(s.passwordResetRequestsTable).where(inArray(s.passwordResetRequestsTable.accountId, accountIds)).all().map(({ tokenHash: _t, emailHash: _e, ...x }) => x)),
    consents: db.select().from(s.consentsTable).where(eq(s.consentsTable.memberId, memberId)).orderBy(asc(s.consentsTable.grantedAt)).all(),
    beneficiaries: beneficiaries.map(({ nir: bNir, ...b }) => ({ ...b, nirMasked: bNir ? maskNir(bNir) : null })),
    contracts,
    contractBeneficiaries: inContracts(() => db.select().from(s.contractBeneficiariesTable).where(inArray(s.contractBeneficiariesTable.contractId, contractIds)).all()),
    guarantees: inContracts(() => db.select().from(s.guaranteesTable).where(inArray(s.guaranteesTable.contractId, contractIds)).all()),
    contributionInstalments: inContracts(() => db.select().from(s.contributionInstalmentsTable).where(inArray(s.contributionInstalmentsTable.contractId, contractIds)).orderBy(asc(s.contributionInstalmentsTable.dueDate)).all()),
    insuranceCards: cards,
    cardRights: cards.length ? db.select().from(s.cardRightsTable).where(inArray(s.cardRightsTable.cardId, cards.map(c => c.id))).all() : [],
    bankAccounts: bankAccounts.map(({ iban, ...a }) => ({ ...a, ibanMasked: maskIban(iban) })),
    beneficiaryBankAccounts: bankAccounts.length ? db.select().from(s.beneficiaryBankAccountsTable).where(inArray(s.beneficiaryBankAccountsTable.bankAccountId, bankAccounts.map(a => a.id))).all() : [],
    sepaMandates: db.select().from(s.sepaMandatesTable).where(eq(s.sepaMandatesTable.memberId, memberId)).all(),
    bankAccountChanges: db.select().from(s.bankAccountChangesTable).where(eq(s.bankAccountChangesTable.memberId, memberId)).all().map(({ iban, ...c }) => ({ ...c, ibanMasked: maskIban(iban) })),
    reimbursements: db.select().from(s.reimbursementsTable).where(eq(s.reimbursementsTable.memberId, memberId)).orderBy(asc(s.reimbursementsTable.careDate)).all(),
    // what each contract paid of a care, when several did
    reimbursementShares: db.select({ share: s.reimbursementSharesTable }).from(s.reimbursementSharesTable)
      .innerJoin(s.reimbursementsTable, eq(s.reimbursementsTable.id, s.reimbursementSharesTable.reimbursementId))
      .where(eq(s.reimbursementsTable.memberId, memberId)).all().map(r => r.share),
    procedures: procedures.map(p => ({ ...p, details: maskDetails(p.details) })),
    procedureEvents: inProcedures(() => db.select().from(s.procedureEventsTable).where(inArray(s.procedureEventsTable.procedureId, procedureIds)).orderBy(asc(s.procedureEventsTable.at)).all()),
    procedureAttachments: inProcedures(() => db.select().from(s.procedureAttachmentsTable).where(inArray(s.procedureAttachmentsTable.procedureId, procedureIds)).all()),
    documents: db.select().from(s.documentsTable).where(eq(s.documentsTable.memberId, memberId)).orderBy(asc(s.documentsTable.issuedAt)).all(),
    files: inAccounts(() => db.select().from(s.filesTable).where(inArray(s.filesTable.ownerAccountId, accountIds)).all().map(({ storagePath: _p, ...f }) => f)),
    messageThreads: threads,
    messages: threadIds.length
      ? db.select({ id: s.messagesTable.id, threadId: s.messagesTable.threadId, authorKind: s.messagesTable.authorKind, body: s.messagesTable.body, sentAt: s.messagesTable.sentAt })
          .from(s.messagesTable).where(inArray(s.messagesTable.threadId, threadIds)).orderBy(asc(s.messagesTable.sentAt)).all()
      : [],
    messageAttachments: threadIds.length
      ? db.select({ messageId: s.messageAttachmentsTable.messageId, fileId: s.messageAttachmentsTable.fileId })
          .from(s.messageAttachmentsTable).innerJoin(s.messagesTable, eq(s.messagesTable.id, s.messageAttachmentsTable.messageId))
          .where(inArray(s.messagesTable.threadId, threadIds)).all()
      : [],
    notifications: db.select().from(s.notificationsTable).where(eq(s.notificationsTable.memberId, memberId)).orderBy(asc(s.notificationsTable.createdAt)).all(),
    // the member's own actions keep their address and browser; an advisor's stay the advisor's
    auditEvents: audit.map(({ ip, userAgent, actorAccountId, ...e }) => accountIds.includes(actorAccountId ?? '') ? { ...e, ip, userAgent } : e),
  }
}

export type HouseholdData = ReturnType<typeof collectHouseholdData>

/**
 * « Télécharger mes données »: builds at once a ZIP of the household's data (JSON, and a readable
 * PDF summary), records it as an accepted DATA_EXPORT démarche and an audit event. The archive is
 * downloadable by its owner only, at GET /api/data-exports/{procedureId}.
 */
export async function requestDataExport(ctx: Context): Promise<ProcedureResult> {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  const dayStart = new Date(`${today}T00:00:00Z`).toISOString()
  const madeToday = ctx.db.select({ n: count() }).from(s.proceduresTable)
    .where(and(eq(s.proceduresTable.memberId, viewer.memberId), eq(s.proceduresTable.kind, 'DATA_EXPORT'), gte(s.proceduresTable.submittedAt, dayStart))).get()!.n
  if (madeToday >= MAX_EXPORTS_PER_DAY)
    return { procedure: null, errors: [userError(null, 'TOO_MANY', `Vous avez déjà demandé ${MAX_EXPORTS_PER_DAY} copies de vos données aujourd'hui\u00a0: téléchargez la dernière, ou réessayez demain.`)] }

  const data = collectHouseholdData(ctx.db, viewer.memberId, now)
  const json = Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8')
  const pdf = await renderDataExportPdf(data, today)
  const zip = buildZip([{ name: EXPORT_JSON_NAME, content: json }, { name: EXPORT_PDF_NAME, content: pdf }], ctx.clock.now())

  const archive = join('exports', `${randomUUID()}.zip`)
  const path = join(ctx.config.dataDir, archive)
  mkdirSync(join(ctx.config.dataDir, 'exports'), { recursive: true })
  writeFileSync(path, zip, { mode: 0o600 })
  const details: DataExportDetails = { archive, fileName: `mes-donnees-${today}.zip`, sizeBytes: zip.length, sha256: createHash('sha256').update(zip).digest('hex') }
  try {
    return ctx.db.transaction((tx) => {
      const procedure = tx.insert(s.proceduresTable).values({
        memberId: viewer.memberId,
        kind: 'DATA_EXPORT',
        status: 'ACCEPTED',
        reference: nextProcedureReference(tx, today.slice(0, 4)),
        submittedAt: now,
        updatedAt: now,
        decidedAt: now,
        estimatedDecisionDate: today,
        decisionNote: 'La copie de vos données est prête\u00a0: téléchargez-la depuis «\u00a0Mes données personnelles\u00a0».',
        details: { ...details },
      }).returning().get()
      tx.insert(s.procedureEventsTable).values([
        { procedureId: procedure.id, status: 'SUBMITTED', at: now, actorAccountId: viewer.accountId },
        { procedureId: procedure.id, status: 'ACCEPTED', at: now, note: procedure.decisionNote },
      ]).run()
      recordAudit(tx, { at: now, action: 'DATA_EXPORT', actorAccountId: viewer.accountId, actorRole: 'MEMBER', memberId: viewer.memberId, outcome: 'SUCCESS', ...requestMeta(ctx), details: { procedureId: procedure.id, sizeBytes: zip.length, sha256: details.sha256 } })
      return { procedure, errors: [] }
    }, { behavior: 'immediate' })
  }
  catch (error) {
    rmSync(path, { force: true })
    throw error
  }
}

/** The archive of one of the member's exports, or null: another member's reads as missing. */
export function getOwnDataExport(db: Db, dataDir: string, viewer: MemberViewer, procedureId: string): { path: string, fileName: string } | null {
  const row = db.select().from(s.proceduresTable)
    .where(and(eq(s.proceduresTable.id, procedureId), eq(s.proceduresTable.memberId, viewer.memberId), eq(s.proceduresTable.kind, 'DATA_EXPORT'))).get()
  const details = row?.details as Partial<DataExportDetails> | null | undefined
  if (!details?.archive || !details.fileName)
    return null
  const root = resolve(dataDir)
  const path = resolve(root, details.archive)
  // a stored path may never lead outside the data directory
  if (!path.startsWith(root + sep) || !existsSync(path))
    return null
  return { path, fileName: details.fileName }
}

export function dataExportArchive(row: ProcedureRow): { downloadUrl: string, fileName: string, sizeBytes: number } | null {
  const d = row.details as Partial<DataExportDetails> | null
  if (row.kind !== 'DATA_EXPORT' || !d?.archive || !d.fileName)
    return null
  return { downloadUrl: `/api/data-exports/${row.id}`, fileName: d.fileName, sizeBytes: d.sizeBytes ?? 0 }
}
