import type { Context } from '../../context.ts'
import type { Page } from '../../core/pagination.ts'
import type { CareType } from '../../db/schema/index.ts'
import type { AccessActorKind } from './access-log.type.ts'
import { and, count, desc, eq, inArray } from 'drizzle-orm'
import { keysetPage } from '../../core/pagination.ts'
import { requireMember } from '../../core/viewer.ts'
import { auditEventsTable as a, filesTable, messageAttachmentsTable, messagesTable, messageSubjectsTable, messageThreadsTable, procedureAttachmentsTable, proceduresTable as p } from '../../db/schema/index.ts'
import { CARE_REFERENCES } from '../reimbursements/engine.ts'

type AuditRow = typeof a.$inferSelect

export interface AccessLogEntryValue {
  id: string
  at: string
  actorKind: AccessActorKind
  actorLabel: string
  action: string
  description: string
}

/**
 * Someone else than the member: advisors and partners. The member's own sign-ins, failed sign-ins
 * on their account (ANONYMOUS) and the system's jobs are not accesses to their file by a person.
 * Filtering on the role rather than on a list of actions means an advisor action audited tomorrow
 * shows up here at once, described generically until it gets its own wording.
 */
const OTHERS: AccessActorKind[] = ['ADVISOR', 'PARTNER']

const FALLBACK_ACTOR: Record<AccessActorKind, string> = {
  ADVISOR: 'Un conseiller de votre mutuelle',
  PARTNER: 'Un professionnel de santé partenaire',
}

function detail(row: AuditRow, key: string): string | null {
  const value = row.details?.[key]
  return typeof value === 'string' && value ? value : null
}

function present<T>(value: T | null | undefined): value is T {
  return value != null
}

/**
 * What the audit rows of a page point to, read through their ids and scoped to the member: the
 * démarche references older rows may lack, and the names of the documents opened. The log keeps
 * file names out (they may describe the care); the member uploaded them, so showing them here
 * tells nobody anything new. One query each per page, only when needed.
 */
function lookups(ctx: Context, memberId: string, rows: AuditRow[]) {
  const references = new Map<string, string>()
  const fileNames = new Map<string, string>()
  const procedureIds = [...new Set(rows.filter(r => !detail(r, 'reference')).map(r => detail(r, 'procedureId')).filter(present))]
  if (procedureIds.length) {
    for (const row of ctx.db.select({ id: p.id, reference: p.reference }).from(p).where(and(inArray(p.id, procedureIds), eq(p.memberId, memberId))).all())
      references.set(row.id, row.reference)
  }
  const subjects = new Map<string, string>()
  const threadIds = [...new Set(rows.map(r => detail(r, 'threadId')).filter(present))]
  if (threadIds.length) {
    // threads past their year are gone: their rows then read "un de vos messages"
    for (const row of ctx.db.select({ id: messageThreadsTable.id, label: messageSubjectsTable.label }).from(messageThreadsTable).innerJoin(messageSubjectsTable, eq(messageSubjectsTable.id, messageThreadsTable.subjectId)).where(and(inArray(messageThreadsTable.id, threadIds), eq(messageThreadsTable.memberId, memberId))).all())
      subjects.set(row.id, row.label)
  }
  const opened = rows.filter(r => r.action === 'ADVISOR_VIEW_FILE')
  const procedureFileIds = [...new Set(opened.filter(r => !detail(r, 'threadId')).map(r => detail(r, 'fileId')).filter(present))]
  if (procedureFileIds.length) {
    const files = ctx.db.select({ id: filesTable.id, name: filesTable.name })
      .from(procedureAttachmentsTable)
      .innerJoin(filesTable, eq(filesTable.id, procedureAttachmentsTable.fileId))
      .innerJoin(p, eq(p.id, procedureAttachmentsTable.procedureId))
      .where(and(inArray(procedureAttachmentsTable.fileId, procedureFileIds), eq(p.memberId, memberId)))
      .all()
    for (const file of files)
      fileNames.set(file.id, file.name)
  }
  const messageFileIds = [...new Set(opened.filter(r => detail(r, 'threadId')).map(r => detail(r, 'fileId')).filter(present))]
  if (messageFileIds.length) {
    const files = ctx.db.select({ id: filesTable.id, name: filesTable.name })
      .from(messageAttachmentsTable)
      .innerJoin(filesTable, eq(filesTable.id, messageAttachmentsTable.fileId))
      .innerJoin(messagesTable, eq(messagesTable.id, messageAttachmentsTable.messageId))
      .innerJoin(messageThreadsTable, eq(messageThreadsTable.id, messagesTable.threadId))
      .where(and(inArray(messageAttachmentsTable.fileId, messageFileIds), eq(messageThreadsTable.memberId, memberId)))
      .all()
    for (const file of files)
      fileNames.set(file.id, file.name)
  }
  return {
    reference: (row: AuditRow) => detail(row, 'reference') ?? references.get(detail(row, 'procedureId') ?? '') ?? null,
    fileName: (row: AuditRow) => fileNames.get(detail(row, 'fileId') ?? '') ?? null,
    thread: (row: AuditRow) => {
      const subject = subjects.get(detail(row, 'threadId') ?? '')
      return subject ? `votre message «\u00a0${subject}\u00a0»` : 'un de vos messages'
    },
  }
}

type Lookups = ReturnType<typeof lookups>

function careWord(careType: string | null): string | null {
  const reference = careType ? CARE_REFERENCES[careType as CareType] : undefined
  return reference ? reference.label.toLocaleLowerCase('fr-FR') : null
}

/** Plain French, read after the actor's name: "Claire Moreau, conseillère · a consulté votre démarche DEM-…". */
function describe(row: AuditRow, look: Lookups): string {
  const reference = look.reference(row)
  const procedure = reference ? `votre démarche ${reference}` : 'une de vos démarches'
  switch (row.action) {
    case 'ADVISOR_VIEW_PROCEDURE':
      return `a consulté ${procedure}`
    case 'ADVISOR_LIST_QUEUE': {
      const shown = row.details?.references
      const list = Array.isArray(shown) ? shown.filter(r => typeof r === 'string') : []
      if (list.length > 1)
        return `a vu vos démarches ${list.slice(0, -1).join(', ')} et ${list.at(-1)} dans la file d'attente des conseillers`
      return list.length ? `a vu votre démarche ${list[0]} dans la file d'attente des conseillers` : 'a vu vos démarches dans la file d\'attente des conseillers'
    }
    case 'ADVISOR_VIEW_THREAD':
      return `a consulté ${look.thread(row)}`
    case 'ADVISOR_ANSWER_THREAD':
      return `a répondu à ${look.thread(row)}`
    case 'ADVISOR_VIEW_FILE': {
      const name = look.fileName(row)
      if (detail(row, 'threadId'))
        return name ? `a ouvert la pièce «\u00a0${name}\u00a0» de ${look.thread(row)}` : `a ouvert une pièce jointe de ${look.thread(row)}`
      const of = reference ? `de ${procedure}` : 'd\'une de vos démarches'
      return name ? `a ouvert la pièce «\u00a0${name}\u00a0» ${of}` : `a ouvert une pièce justificative ${of}`
    }
    case 'PROCEDURE_DECISION': {
      // a refused attempt is recorded too: the advisor had the démarche open
      if (row.outcome === 'FAILURE')
        return `a consulté ${procedure} sans enregistrer de décision`
      const decision = detail(row, 'decision')
      if (decision === 'ACCEPT')
        return `a accepté ${procedure}`
      if (decision === 'REJECT')
        return `a refusé ${procedure}`
      if (decision === 'REQUEST_DOCUMENTS')
        return `vous a demandé des pièces pour ${procedure}`
      return `a traité ${procedure}`
    }
    case 'PARTNER_COVERAGE_CHECK': {
      const care = careWord(detail(row, 'careType'))
      return care ? `a vérifié vos droits au tiers payant (${care})` : 'a vérifié vos droits au tiers payant'
    }
    case 'PARTNER_COVERAGE_AGREEMENT': {
      const care = careWord(detail(row, 'careType'))
      const what = care ? `une prise en charge (${care})` : 'une prise en charge'
      if (row.outcome === 'FAILURE')
        return `a demandé ${what}, sans suite\u00a0: la demande était incomplète ou erronée`
      return reference ? `a demandé ${what}\u00a0: votre démarche ${reference}` : `a demandé ${what}`
    }
    case 'PARTNER_COVERAGE_AGREEMENT_VIEW':
      return reference ? `a consulté la réponse à la prise en charge ${reference}` : 'a consulté la réponse à une prise en charge'
    default:
      return 'a consulté votre dossier'
  }
}

async function actorLabel(ctx: Context, row: AuditRow, kind: AccessActorKind): Promise<string> {
  const id = row.actorAccountId
  if (kind === 'ADVISOR')
    return (id ? await ctx.loaders.accountDisplayName.load(id) : undefined) ?? FALLBACK_ACTOR.ADVISOR
  // the partner's name as it was at the time of the check, else the token's current name
  return detail(row, 'partner') ?? (id ? await ctx.loaders.partnerName.load(id) : undefined) ?? FALLBACK_ACTOR.PARTNER
}

/**
 * "Qui a consulté mon dossier ?": the audit events about the signed-in member's file made by
 * advisors and partners, newest first. Scoped to the viewer's member id; the audit rows are read
 * as they are (append-only), names and documents resolved in batch for the page.
 */
export async function listAccessLog(ctx: Context, first?: number | null, after?: string | null): Promise<Page<AccessLogEntryValue>> {
  const { memberId } = requireMember(ctx.viewer)
  const where = and(eq(a.memberId, memberId), inArray(a.actorRole, OTHERS))
  // answered from audit_events_member_at_idx (member_id, at); access-log.test.ts checks the plan
  const page = keysetPage<AuditRow>({
    first,
    after,
    sortColumn: a.at,
    idColumn: a.id,
    direction: 'desc',
    where,
    fetch: (w, limit) => ctx.db.select().from(a).where(w).orderBy(desc(a.at), desc(a.id)).limit(limit).all(),
    count: () => ctx.db.select({ n: count() }).from(a).where(where).get()!.n,
    key: row => [row.at, row.id],
  })
  const look = lookups(ctx, memberId, page.nodes)
  const entries = await Promise.all(page.edges.map(async ({ cursor, node: row }) => {
    const actorKind = row.actorRole as AccessActorKind
    const node: AccessLogEntryValue = {
      id: row.id,
      at: row.at,
      actorKind,
      actorLabel: await actorLabel(ctx, row, actorKind),
      action: row.action,
      description: describe(row, look),
    }
    return { cursor, node }
  }))
  return { edges: entries, nodes: entries.map(e => e.node), pageInfo: page.pageInfo, get totalCount() { return page.totalCount } }
}
