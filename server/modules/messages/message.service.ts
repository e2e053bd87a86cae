import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { Page } from '../../core/pagination.ts'
import type { Db, Queryable } from '../../db/client.ts'
import type { ThreadStatus } from '../../db/schema/index.ts'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm'
import { nowIso } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { keysetPage } from '../../core/pagination.ts'
import { normaliseMultilineText } from '../../core/text.ts'
import { requireMember } from '../../core/viewer.ts'
import {
  filesTable,
  messageAttachmentsTable,
  messageCategoriesTable,
  messagesTable,
  messageSubjectsTable,
  messageThreadsTable as t,
} from '../../db/schema/index.ts'
import { checkAttachments } from '../procedures/reimbursement-request.rules.ts'
import { RETENTION_YEARS } from './message-retention.ts'

export type ThreadRow = typeof t.$inferSelect
export type MessageCategoryRow = typeof messageCategoriesTable.$inferSelect
export type MessageSubjectRow = typeof messageSubjectsTable.$inferSelect

export { RETENTION_YEARS }
export const MAX_MESSAGE_LENGTH = 5000
export const MAX_MESSAGE_ATTACHMENTS = 5

export interface ThreadResult {
  thread: ThreadRow | null
  errors: UserError[]
}

/** The instant before which a thread's last activity makes it expired. */
export function retentionCutoff(now: Date): string {
  const cutoff = new Date(now)
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - RETENTION_YEARS)
  return cutoff.toISOString()
}

export function availableUntil(updatedAt: string): string {
  const until = new Date(updatedAt)
  until.setUTCFullYear(until.getUTCFullYear() + RETENTION_YEARS)
  return until.toISOString()
}

/** Threads still available: the purge job deletes the others, this hides them until it runs. */
export function stillAvailable(ctx: Pick<Context, 'clock'>) {
  return gte(t.updatedAt, retentionCutoff(ctx.clock.now()))
}

export function listMessageCategories(ctx: Context): MessageCategoryRow[] {
  return ctx.db.select().from(messageCategoriesTable).orderBy(asc(messageCategoriesTable.sortOrder)).all()
}

export interface ThreadFilter {
  categoryId?: string | null
  status?: ThreadStatus | null
}

/** The member's inbox, latest activity first, without threads past their year. */
export function listThreads(ctx: Context, filter: ThreadFilter, first?: number | null, after?: string | null): Page<ThreadRow> {
  const { memberId } = requireMember(ctx.viewer)
  const where = and(
    eq(t.memberId, memberId),
    stillAvailable(ctx),
    filter.categoryId ? eq(t.categoryId, filter.categoryId) : undefined,
    filter.status ? eq(t.status, filter.status) : undefined,
  )
  return keysetPage<ThreadRow>({
    first,
    after,
    sortColumn: t.updatedAt,
    idColumn: t.id,
    direction: 'desc',
    where,
    fetch: (w, limit) => ctx.db.select().from(t).where(w).orderBy(desc(t.updatedAt), desc(t.id)).limit(limit).all(),
    count: () => ctx.db.select({ n: count() }).from(t).where(where).get()!.n,
    key: row => [row.updatedAt, row.id],
  })
}

/** One thread of the member's household still available; another household's reads as missing. */
function ownThread(db: Queryable, ctx: Context, memberId: string, id: string): ThreadRow | undefined {
  return db.select().from(t).where(and(eq(t.id, id), eq(t.memberId, memberId), stillAvailable(ctx))).get()
}

export function getThread(ctx: Context, id: string): ThreadRow | null {
  const { memberId } = requireMember(ctx.viewer)
  return ownThread(ctx.db, ctx, memberId, id) ?? null
}

/** The badge of « Messagerie »: threads with an advisor message the member has not opened. */
export function countUnreadThreads(ctx: Context): number {
  const { memberId } = requireMember(ctx.viewer)
  return ctx.db.select({ n: count() }).from(t).where(and(eq(t.memberId, memberId), eq(t.unreadByMember, true), stillAvailable(ctx))).get()!.n
}

/** 1 to 5,000 characters once normalised (white space alone is empty). */
export function checkBody(raw: string, field = 'body'): { errors: UserError[], body: string } {
  const body = normaliseMultilineText(raw)
  if (!body)
    return { errors: [userError(field, 'REQUIRED', 'Écrivez votre message.')], body }
  if (body.length > MAX_MESSAGE_LENGTH)
    return { errors: [userError(field, 'TOO_LONG', `Votre message ne doit pas dépasser ${MAX_MESSAGE_LENGTH.toLocaleString('fr-FR')} caractères (il en compte ${body.length.toLocaleString('fr-FR')}).`)], body }
  return { errors: [], body }
}

/** Files are optional in a message: none is fine, otherwise the rules of every attachment. */
export function checkMessageAttachments(db: Queryable, accountId: string, ids: readonly string[] | null | undefined) {
  if (!ids?.length)
    return { errors: [] as UserError[], fileIds: [] as string[] }
  return checkAttachments(db, accountId, ids, MAX_MESSAGE_ATTACHMENTS)
}

/** Writes one message and its files; the caller updates the thread. */
export function insertMessage(tx: Queryable, m: { threadId: string, authorKind: 'MEMBER' | 'ADVISOR', authorAccountId: string, body: string, sentAt: string, fileIds: string[] }): void {
  const message = tx.insert(messagesTable).values({ threadId: m.threadId, authorKind: m.authorKind, authorAccountId: m.authorAccountId, body: m.body, sentAt: m.sentAt }).returning({ id: messagesTable.id }).get()
  if (m.fileIds.length)
    tx.insert(messageAttachmentsTable).values(m.fileIds.map(fileId => ({ messageId: message.id, fileId }))).run()
}

export interface SendMessageValues {
  categoryId: string
  subjectId: string
  body: string
  attachmentIds?: string[] | null
}

/** A new thread « En cours » with the member's first message, or French field errors and nothing saved. */
export function sendMessage(ctx: Context, input: SendMessageValues): ThreadResult {
  const viewer = requireMember(ctx.viewer)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const errors: UserError[] = []
    const category = tx.select().from(messageCategoriesTable).where(eq(messageCategoriesTable.id, input.categoryId)).get()
    const subject = tx.select().from(messageSubjectsTable).where(eq(messageSubjectsTable.id, input.subjectId)).get()
    if (!category)
      errors.push(userError('categoryId', 'NOT_FOUND', 'Choisissez une catégorie de la liste.'))
    if (!subject)
      errors.push(userError('subjectId', 'NOT_FOUND', 'Choisissez l\'objet de votre demande dans la liste.'))
    else if (category && subject.categoryId !== category.id)
      errors.push(userError('subjectId', 'WRONG_CATEGORY', `Cet objet n'appartient pas à la catégorie «\u00a0${category.label}\u00a0»\u00a0: choisissez-en un de la liste.`))
    const body = checkBody(input.body)
    const files = checkMessageAttachments(tx, viewer.accountId, input.attachmentIds)
    errors.push(...body.errors, ...files.errors)
    if (errors.length || !category || !subject)
      return { thread: null, errors }

    const thread = tx.insert(t).values({
      memberId: viewer.memberId,
      categoryId: category.id,
      subjectId: subject.id,
      status: 'OPEN',
      unreadByMember: false,
      unreadByAdvisor: true,
      createdAt: now,
      updatedAt: now,
    }).returning().get()
    insertMessage(tx, { threadId: thread.id, authorKind: 'MEMBER', authorAccountId: viewer.accountId, body: body.body, sentAt: now, fileIds: files.fileIds })
    return { thread, errors: [] }
  }, { behavior: 'immediate' })
}

export const THREAD_NOT_FOUND = 'Cette conversation est introuvable\u00a0: elle a peut-être dépassé sa durée de conservation d\'un an.'

/** The member answers in a thread: it goes back to « En cours » for the advisor. */
export function replyToThread(ctx: Context, threadId: string, rawBody: string, attachmentIds?: string[] | null): ThreadResult {
  const viewer = requireMember(ctx.viewer)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const thread = ownThread(tx, ctx, viewer.memberId, threadId)
    if (!thread)
      return { thread: null, errors: [userError('threadId', 'NOT_FOUND', THREAD_NOT_FOUND)] }
    const body = checkBody(rawBody)
    const files = checkMessageAttachments(tx, viewer.accountId, attachmentIds)
    const errors = [...body.errors, ...files.errors]
    if (errors.length)
      return { thread: null, errors }
    insertMessage(tx, { threadId, authorKind: 'MEMBER', authorAccountId: viewer.accountId, body: body.body, sentAt: now, fileIds: files.fileIds })
    const updated = tx.update(t).set({ status: 'OPEN', unreadByAdvisor: true, updatedAt: now }).where(eq(t.id, threadId)).returning().get()
    return { thread: updated, errors: [] }
  }, { behavior: 'immediate' })
}

/** Opening a thread reads it: no longer bold, no longer in the header's count. */
export function markThreadRead(ctx: Context, threadId: string): ThreadRow | null {
  const { memberId } = requireMember(ctx.viewer)
  return ctx.db.transaction((tx) => {
    const thread = ownThread(tx, ctx, memberId, threadId)
    if (!thread)
      return null
    if (!thread.unreadByMember)
      return thread
    return tx.update(t).set({ unreadByMember: false }).where(eq(t.id, threadId)).returning().get()
  }, { behavior: 'immediate' })
}

/**
 * Retention: threads whose last message is more than a year old are deleted with their messages
 * and their files (rows and bytes on disk). Runs at start and daily (main.ts).
 */
export function purgeExpiredThreads(db: Db, dataDir: string, now: Date): number {
  const cutoff = retentionCutoff(now)
  const { threads, paths } = db.transaction((tx) => {
    const expired = tx.select({ id: t.id }).from(t).where(lt(t.updatedAt, cutoff)).all().map(r => r.id)
    if (!expired.length)
      return { threads: 0, paths: [] as string[] }
    const files = tx.select({ id: filesTable.id, storagePath: filesTable.storagePath })
      .from(messageAttachmentsTable)
      .innerJoin(messagesTable, eq(messagesTable.id, messageAttachmentsTable.messageId))
      .innerJoin(filesTable, eq(filesTable.id, messageAttachmentsTable.fileId))
      .where(inArray(messagesTable.threadId, expired))
      .all()
    // messages and their attachment links go with the thread (ON DELETE CASCADE)
    tx.delete(t).where(inArray(t.id, expired)).run()
    if (files.length)
      tx.delete(filesTable).where(inArray(filesTable.id, files.map(f => f.id))).run()
    return { threads: expired.length, paths: files.map(f => f.storagePath) }
  }, { behavior: 'immediate' })
  // bytes go once the rows are gone: a crash here leaves orphan bytes, never a row without its file
  for (const path of paths)
    rmSync(join(dataDir, path), { force: true })
  return threads
}
