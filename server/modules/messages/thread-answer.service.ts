import type { Context } from '../../context.ts'
import type { ThreadTaskValue } from '../advisor/advisor-task.type.ts'
import type { ThreadResult } from './message.service.ts'
import { and, eq } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { notFound, userError } from '../../core/errors.ts'
import { requireAdvisor } from '../../core/viewer.ts'
import { membersTable, messageThreadsTable as t } from '../../db/schema/index.ts'
import { toThreadTask, viewedRecently } from '../advisor/advisor.service.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { deliverPendingNotifications, recordNotification } from '../mail/mail.service.ts'
import { checkBody, checkMessageAttachments, insertMessage, stillAvailable, THREAD_NOT_FOUND } from './message.service.ts'

/** The notice of an answer: that a message waits, never what it says nor what it is about (health data). */
export function answerNotice(firstName: string): { subject: string, text: string } {
  return {
    subject: 'Un nouveau message vous attend dans votre espace adhérent',
    text: [
      `Bonjour ${firstName},`,
      'Votre conseiller vous a répondu. Pour lire sa réponse, connectez-vous à votre espace adhérent, rubrique «\u00a0Messagerie\u00a0».',
      'Pour protéger vos données, le contenu de vos échanges n\'est jamais envoyé par e-mail.',
      'Votre mutuelle',
    ].join('\n\n'),
  }
}

/**
 * One thread of any member for an advisor, with its messages. Every read is an access to the
 * member's file: recorded in the audit trail (ADVISOR_VIEW_THREAD), once per consultation window.
 */
export function getAdvisorThread(ctx: Context, id: string): ThreadTaskValue {
  const advisor = requireAdvisor(ctx.viewer)
  const row = ctx.db.select().from(t).where(and(eq(t.id, id), stillAvailable(ctx))).get()
  if (!row)
    throw notFound()
  if (!viewedRecently(ctx, advisor.accountId, 'ADVISOR_VIEW_THREAD', 'threadId', row.id)) {
    recordAudit(ctx.db, {
      at: nowIso(ctx.clock),
      action: 'ADVISOR_VIEW_THREAD',
      actorAccountId: advisor.accountId,
      actorRole: 'ADVISOR',
      memberId: row.memberId,
      outcome: 'SUCCESS',
      ...requestMeta(ctx),
      // the id only: the objet and the messages may describe the member's health
      details: { threadId: row.id },
    })
  }
  return toThreadTask(row, todayOf(ctx.clock))
}

/**
 * An advisor's answer: the thread becomes « Traité » and unread for the member, who gets an
 * e-mail saying a message waits. Answer, audit event and notice are written together.
 */
export async function answerThread(ctx: Context, threadId: string, rawBody: string, attachmentIds?: string[] | null): Promise<ThreadResult> {
  const advisor = requireAdvisor(ctx.viewer)
  const now = nowIso(ctx.clock)
  const result = ctx.db.transaction((tx): ThreadResult => {
    const thread = tx.select().from(t).where(and(eq(t.id, threadId), stillAvailable(ctx))).get()
    if (!thread)
      return { thread: null, errors: [userError('threadId', 'NOT_FOUND', THREAD_NOT_FOUND)] }
    const body = checkBody(rawBody)
    const files = checkMessageAttachments(tx, advisor.accountId, attachmentIds)
    const errors = [...body.errors, ...files.errors]
    if (errors.length)
      return { thread: null, errors }
    insertMessage(tx, { threadId, authorKind: 'ADVISOR', authorAccountId: advisor.accountId, body: body.body, sentAt: now, fileIds: files.fileIds })
    const updated = tx.update(t).set({ status: 'ANSWERED', unreadByMember: true, unreadByAdvisor: false, updatedAt: now }).where(eq(t.id, threadId)).returning().get()
    recordAudit(tx, {
      at: now,
      action: 'ADVISOR_ANSWER_THREAD',
      actorAccountId: advisor.accountId,
      actorRole: 'ADVISOR',
      memberId: thread.memberId,
      outcome: 'SUCCESS',
      ...requestMeta(ctx),
      details: { threadId, attachments: files.fileIds.length },
    })
    const member = tx.select({ email: membersTable.email, firstName: membersTable.firstName }).from(membersTable).where(eq(membersTable.id, thread.memberId)).get()!
    recordNotification(tx, ctx.clock, { memberId: thread.memberId, to: member.email, ...answerNotice(member.firstName) })
    return { thread: updated, errors: [] }
  }, { behavior: 'immediate' })
  if (result.thread)
    await deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock)
  return result
}
