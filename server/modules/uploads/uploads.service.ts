import type { Clock } from '../../core/clock.ts'
import type { Db } from '../../db/client.ts'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { FileRow } from '../../core/loaders.ts'
import type { AdvisorViewer, Viewer } from '../../core/viewer.ts'
import { and, count, eq, lt, notExists, sql, sum } from 'drizzle-orm'
import { nowIso } from '../../core/clock.ts'
import { filesTable, messageAttachmentsTable, messagesTable, messageThreadsTable, procedureAttachmentsTable, proceduresTable } from '../../db/schema/index.ts'
import { normaliseLineText } from '../../core/text.ts'
import { recordAudit } from '../audit/audit.service.ts'

/**
 * 10 Mo (10 × 1024 × 1024 bytes) per file, this size included: a scanned invoice or a photo of a
 * décompte fits many times over. The SPA checks the same bound before sending.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** Uploads not yet sent with a démarche or a message: a request takes 5, so several drafts fit. */
export const MAX_PENDING_UPLOADS = 20
/** Everything a member has stored: a bound on the disk one account can fill. */
export const MAX_STORED_BYTES = 200 * 1024 * 1024
/** Uploads never sent are deleted after this: a draft lives in the browser tab, not for weeks. */
export const ABANDONED_UPLOAD_DAYS = 7

/** What members may send, by detected type, and the extensions each may carry. */
export const ACCEPTED_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
}

/** file-type needs at most this many leading bytes to recognise PDF, JPEG and PNG. */
export const SNIFF_BYTES = 4100

const MAX_NAME_LENGTH = 120

/**
 * The name shown for an upload: the client's base name without any path, control or reserved
 * characters, at most 120 characters with its extension kept. Never used to build a path.
 */
export function sanitiseFileName(raw: string | undefined, fallbackExtension: string): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? ''
  // the same cleaning as every free text, then what file systems reserve
  let name = normaliseLineText(base).replace(/[<>:"|?*]/g, '').trim().replace(/^\.+/, '')
  if (!name)
    name = `document.${fallbackExtension}`
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : ''
    name = name.slice(0, MAX_NAME_LENGTH - ext.length) + ext
  }
  return name
}

/** The extension of a name, lower-case, or null when it has none. */
export function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name)
  return match ? match[1]!.toLowerCase() : null
}

/** A file uploaded by this account, or undefined: other people's files do not exist for the caller. */
export function getOwnFile(db: Db, accountId: string, id: string): FileRow | undefined {
  return db.select().from(filesTable).where(and(eq(filesTable.id, id), eq(filesTable.ownerAccountId, accountId))).get()
}

/** A document as an advisor reaches it: through the démarche or the message it is attached to. */
type AttachedFile =
  | { file: FileRow, procedureId: string, reference: string, memberId: string, threadId?: undefined }
  | { file: FileRow, threadId: string, memberId: string, procedureId?: undefined }

/** A file sent in a message, with the thread and member it belongs to. */
function getMessageFile(db: Db, id: string) {
  return db.select({ file: filesTable, threadId: messageThreadsTable.id, memberId: messageThreadsTable.memberId })
    .from(messageAttachmentsTable)
    .innerJoin(filesTable, eq(filesTable.id, messageAttachmentsTable.fileId))
    .innerJoin(messagesTable, eq(messagesTable.id, messageAttachmentsTable.messageId))
    .innerJoin(messageThreadsTable, eq(messageThreadsTable.id, messagesTable.threadId))
    .where(eq(messageAttachmentsTable.fileId, id))
    .get()
}

/**
 * A file an advisor may open: one attached to a démarche or sent in a message. Anything else a
 * member uploaded (a draft, a file never sent) stays theirs alone, and reads as missing.
 */
function getAttachedFileForAdvisor(db: Db, id: string): AttachedFile | undefined {
  const a = procedureAttachmentsTable
  const p = proceduresTable
  return db.select({ file: filesTable, procedureId: p.id, reference: p.reference, memberId: p.memberId })
    .from(a)
    .innerJoin(filesTable, eq(filesTable.id, a.fileId))
    .innerJoin(p, eq(p.id, a.procedureId))
    .where(eq(a.fileId, id))
    .get() ?? getMessageFile(db, id)
}

interface AuditMeta { at: string, ip: string | null, userAgent: string | null }

/** Every advisor download of a member's document is an access to their file (GDPR art. 9): recorded. */
function recordAdvisorFileAccess(db: Db, advisor: AdvisorViewer, attached: AttachedFile, meta: AuditMeta): void {
  recordAudit(db, {
    ...meta,
    action: 'ADVISOR_VIEW_FILE',
    actorAccountId: advisor.accountId,
    actorRole: 'ADVISOR',
    memberId: attached.memberId,
    outcome: 'SUCCESS',
    // ids and the démarche's reference: the file name may describe the care, health data kept out of the log
    details: attached.procedureId === undefined
      ? { fileId: attached.file.id, threadId: attached.threadId }
      : { fileId: attached.file.id, procedureId: attached.procedureId, reference: attached.reference },
  })
}

export interface Download {
  file: FileRow
  /** Call once the file is found on disk, just before its bytes go out. */
  sending: () => void
}

/**
 * What GET /api/files/:id may send to this viewer: a member their own uploads and the files an
 * advisor sent in their threads; an advisor the documents of démarches and messages, each download
 * audited; a partner nothing. Whatever is refused reads as missing.
 */
export function findDownload(db: Db, viewer: Viewer, id: string, meta: () => AuditMeta): Download | undefined {
  if (viewer.role === 'MEMBER') {
    const own = getOwnFile(db, viewer.accountId, id)
    if (own)
      return { file: own, sending: () => {} }
    const sent = getMessageFile(db, id)
    return sent && sent.memberId === viewer.memberId ? { file: sent.file, sending: () => {} } : undefined
  }
  if (viewer.role === 'ADVISOR') {
    const attached = getAttachedFileForAdvisor(db, id)
    return attached && { file: attached.file, sending: () => recordAdvisorFileAccess(db, viewer, attached, meta()) }
  }
  return undefined
}

/** Files of the account that no démarche or message refers to. */
function unattached(db: Db, accountId?: string) {
  return and(
    accountId ? eq(filesTable.ownerAccountId, accountId) : undefined,
    notExists(db.select({ one: sql`1` }).from(procedureAttachmentsTable).where(eq(procedureAttachmentsTable.fileId, filesTable.id))),
    notExists(db.select({ one: sql`1` }).from(messageAttachmentsTable).where(eq(messageAttachmentsTable.fileId, filesTable.id))),
  )
}

/** Uploads being received, per account: reserved before the first byte is read, released at the end. */
export type UploadReservations = Map<string, { count: number, bytes: number }>

export function createUploadReservations(): UploadReservations {
  return new Map()
}

export type QuotaRefusal = { refused: 'TOO_MANY_PENDING_UPLOADS' | 'STORAGE_QUOTA', message: string }
export interface Reservation { release: () => void }

/**
 * Reserves room for one more upload of at most `bytes`, counting the uploads still being received,
 * or says why not. Synchronous from the check to the reservation: parallel uploads are counted one
 * after the other and cannot together pass a quota each of them alone would respect.
 */
export function reserveUpload(db: Db, reservations: UploadReservations, accountId: string, bytes: number): Reservation | QuotaRefusal {
  const inFlight = reservations.get(accountId) ?? { count: 0, bytes: 0 }
  const pending = db.select({ n: count() }).from(filesTable).where(unattached(db, accountId)).get()!.n
  if (pending + inFlight.count >= MAX_PENDING_UPLOADS)
    return { refused: 'TOO_MANY_PENDING_UPLOADS', message: `Vous avez déjà ${MAX_PENDING_UPLOADS} documents en attente d'envoi\u00a0: envoyez ou abandonnez vos demandes en cours avant d'en ajouter.` }
  const stored = Number(db.select({ bytes: sum(filesTable.sizeBytes) }).from(filesTable).where(eq(filesTable.ownerAccountId, accountId)).get()!.bytes ?? 0)
  if (stored + inFlight.bytes + bytes > MAX_STORED_BYTES)
    return { refused: 'STORAGE_QUOTA', message: 'Votre espace de stockage de documents est plein\u00a0: contactez votre conseiller via la messagerie.' }
  reservations.set(accountId, { count: inFlight.count + 1, bytes: inFlight.bytes + bytes })
  let released = false
  return {
    release: () => {
      if (released)
        return
      released = true
      const now = reservations.get(accountId)!
      if (now.count <= 1)
        reservations.delete(accountId)
      else
        reservations.set(accountId, { count: now.count - 1, bytes: now.bytes - bytes })
    },
  }
}

/** Where uploads are written while they are received; renamed into `uploads/` once complete. */
export const INCOMING_DIR = 'uploads-incoming'
export const UPLOADS_DIR = 'uploads'
/** No upload takes this long (the server ends requests after 30 s): older temporary files are debris. */
export const INCOMING_MAX_AGE_MS = 3600_000

export interface ReceivedUpload {
  id: string
  ownerAccountId: string
  name: string
  mimeType: string
  sizeBytes: number
  sha256: string
}

/**
 * A received upload becomes a file: moved from its temporary name to its final one, then its row
 * written, in the same tick (the daily sweep cannot fall between the two). Whatever fails leaves
 * neither the file nor the row.
 */
export function storeUpload(db: Db, clock: Clock, dataDir: string, upload: ReceivedUpload): FileRow {
  const storagePath = `${UPLOADS_DIR}/${upload.id}`
  const final = join(dataDir, storagePath)
  mkdirSync(join(dataDir, UPLOADS_DIR), { recursive: true, mode: 0o700 })
  renameSync(join(dataDir, INCOMING_DIR, upload.id), final)
  try {
    return db.insert(filesTable).values({ ...upload, storagePath, createdAt: nowIso(clock) }).returning().get()
  }
  catch (error) {
    rmSync(final, { force: true })
    throw error
  }
}

/**
 * Removes what an interrupted upload left on disk: every file in `uploads/` without a row, and the
 * temporary files older than `incomingOlderThanMs` (0 at start, when nothing is being received).
 */
export function sweepOrphanUploads(db: Db, dataDir: string, incomingOlderThanMs: number): number {
  let removed = 0
  const incoming = join(dataDir, INCOMING_DIR)
  for (const name of existsSync(incoming) ? readdirSync(incoming) : []) {
    const path = join(incoming, name)
    // the age of a file on this disk, in the machine's time (not the business clock)
    if (Date.now() - statSync(path).mtimeMs >= incomingOlderThanMs) {
      rmSync(path, { force: true, recursive: true })
      removed++
    }
  }
  const uploads = join(dataDir, UPLOADS_DIR)
  const known = db.select({ id: filesTable.id }).from(filesTable).where(eq(filesTable.id, sql.placeholder('id'))).prepare()
  for (const name of existsSync(uploads) ? readdirSync(uploads) : []) {
    if (!known.get({ id: name })) {
      rmSync(join(uploads, name), { force: true, recursive: true })
      removed++
    }
  }
  return removed
}

/** Deletes uploads older than ABANDONED_UPLOAD_DAYS that were never sent, rows and files. */
export function purgeAbandonedUploads(db: Db, dataDir: string, now: Date): number {
  const before = new Date(now.getTime() - ABANDONED_UPLOAD_DAYS * 86_400_000).toISOString()
  const rows = db.delete(filesTable).where(and(unattached(db), lt(filesTable.createdAt, before))).returning({ storagePath: filesTable.storagePath }).all()
  for (const row of rows)
    rmSync(join(dataDir, row.storagePath), { force: true })
  return rows.length
}
