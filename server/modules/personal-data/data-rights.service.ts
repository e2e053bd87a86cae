import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { Tx } from '../../db/client.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { ProcedureResult } from '../procedures/reimbursement-request.service.ts'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { addMonths, nowIso, today as todayOf } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { frenchDate } from '../../core/format.ts'
import { normaliseMultilineText } from '../../core/text.ts'
import { requireMember } from '../../core/viewer.ts'
import { accountsTable, bankAccountChangesTable, bankAccountsTable, beneficiariesTable, consentsTable, emailChangeRequestsTable, membersTable, procedureEventsTable, proceduresTable as p, sessionsTable, trustedDevicesTable } from '../../db/schema/index.ts'
import { nextProcedureReference } from '../procedures/reimbursement-request.service.ts'
import { recordAudit } from '../audit/audit.service.ts'

export const DATA_RIGHTS = ['RECTIFICATION', 'ERASURE', 'LIMITATION', 'OBJECTION'] as const
export type DataRight = typeof DATA_RIGHTS[number]
/** GDPR art. 12(3): an answer within one month of the request. */
export const ANSWER_MONTHS = 1
export const MAX_MESSAGE_LENGTH = 2000

export interface DataRightsDetails { right: DataRight, message: string }

const RIGHT_NAMES: Record<DataRight, string> = {
  RECTIFICATION: 'rectification',
  ERASURE: 'effacement',
  LIMITATION: 'limitation',
  OBJECTION: 'opposition',
}

/** The answer is due one month after the request (the day the démarche shows as its decision date). */
export function answerDueDate(submittedOn: string): string {
  return addMonths(submittedOn, ANSWER_MONTHS)
}

/** Files a request of rectification, erasure, limitation or objection; an advisor answers within one month. */
export function requestDataRights(ctx: Context, input: { right: DataRight, message: string }): ProcedureResult {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const errors: UserError[] = []
    const message = normaliseMultilineText(input.message ?? '')
    if (!message)
      errors.push(userError('message', 'REQUIRED', 'Précisez votre demande\u00a0: quelles données, et ce que vous souhaitez.'))
    else if (message.length > MAX_MESSAGE_LENGTH)
      errors.push(userError('message', 'TOO_LONG', `Votre demande ne doit pas dépasser ${MAX_MESSAGE_LENGTH} caractères.`))
    const pending = tx.select().from(p).where(and(eq(p.memberId, viewer.memberId), eq(p.kind, 'DATA_RIGHTS'), inArray(p.status, ['SUBMITTED', 'MISSING_DOCUMENTS']))).all()
      .find(row => (row.details as Partial<DataRightsDetails> | null)?.right === input.right)
    if (pending)
      errors.push(userError('right', 'ALREADY_REQUESTED', `Une demande d'${RIGHT_NAMES[input.right]} est déjà en cours (${pending.reference})\u00a0: nous vous répondrons au plus tard le ${frenchDate(answerDueDate(pending.submittedAt.slice(0, 10)))}.`))
    if (errors.length)
      return { procedure: null, errors }
    const details: DataRightsDetails = { right: input.right, message }
    const procedure = tx.insert(p).values({
      memberId: viewer.memberId,
      kind: 'DATA_RIGHTS',
      status: 'SUBMITTED',
      reference: nextProcedureReference(tx, today.slice(0, 4)),
      submittedAt: now,
      updatedAt: now,
      estimatedDecisionDate: answerDueDate(today),
      details: { ...details },
    }).returning().get()
    tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'SUBMITTED', at: now, actorAccountId: viewer.accountId }).run()
    return { procedure, errors: [] }
  }, { behavior: 'immediate' })
}

/**
 * Erasure accepted: the member's identity and contact details, the beneficiaries' identities and
 * the sign-in are replaced or removed; sessions end, consents are withdrawn. Contracts,
 * contributions and reimbursements stay (insurers must keep them for the legal periods), and the
 * audit trail is append-only: it is kept as it is.
 */
export function anonymiseMember(tx: Tx, memberId: string, now: string): void {
  const member = tx.select().from(membersTable).where(eq(membersTable.id, memberId)).get()
  if (!member)
    return
  const yearOnly = (date: string) => `${date.slice(0, 4)}-01-01`
  tx.update(membersTable).set({
    firstName: 'Adhérent',
    lastName: 'anonymisé',
    birthDate: yearOnly(member.birthDate),
    email: `anonyme-${memberId}@invalid`,
    phone: null,
    addressLine1: 'Adresse effacée',
    addressLine2: null,
    postalCode: '00000',
    city: 'Effacée',
    nir: '',
    paperless: false,
  }).where(eq(membersTable.id, memberId)).run()
  for (const b of tx.select().from(beneficiariesTable).where(eq(beneficiariesTable.memberId, memberId)).all()) {
    tx.update(beneficiariesTable).set({ firstName: b.relationship === 'SELF' ? 'Adhérent' : `Bénéficiaire ${String(b.rank).padStart(2, '0')}`, lastName: 'anonymisé', birthDate: yearOnly(b.birthDate), nir: null })
      .where(eq(beneficiariesTable.id, b.id)).run()
  }
  tx.update(bankAccountsTable).set({ holderName: 'Titulaire anonymisé' }).where(eq(bankAccountsTable.memberId, memberId)).run()
  tx.update(bankAccountChangesTable).set({ holderName: 'Titulaire anonymisé' }).where(eq(bankAccountChangesTable.memberId, memberId)).run()
  // a RIB change not yet applied will never be: the account it would pay is closed
  tx.update(bankAccountChangesTable).set({ status: 'CANCELLED' }).where(and(eq(bankAccountChangesTable.memberId, memberId), inArray(bankAccountChangesTable.status, ['PENDING', 'IN_REVIEW']))).run()
  const accounts = tx.select({ id: accountsTable.id }).from(accountsTable).where(eq(accountsTable.memberId, memberId)).all().map(a => a.id)
  for (const id of accounts) {
    // no password can match this: the account cannot sign in any more
    tx.update(accountsTable).set({ email: `anonyme-${id}@invalid`, displayName: 'Adhérent anonymisé', passwordHash: '!anonymised' }).where(eq(accountsTable.id, id)).run()
  }
  if (accounts.length) {
    tx.update(sessionsTable).set({ revokedAt: now }).where(and(inArray(sessionsTable.accountId, accounts), isNull(sessionsTable.revokedAt))).run()
    // browsers remembered for sign-in are forgotten too
    tx.delete(trustedDevicesTable).where(inArray(trustedDevicesTable.accountId, accounts)).run()
  }
  // an address waiting for confirmation is personal data too
  tx.update(emailChangeRequestsTable).set({ newEmail: `anonyme-${memberId}@invalid`, cancelledAt: now }).where(eq(emailChangeRequestsTable.memberId, memberId)).run()
  tx.update(consentsTable).set({ withdrawnAt: now }).where(and(eq(consentsTable.memberId, memberId), isNull(consentsTable.withdrawnAt))).run()
}

/** ACCEPT of a data-rights request: erasure anonymises the member; the others are carried out by the advisor, who says how in the note. */
export function acceptDataRights(tx: Tx, procedure: ProcedureRow, advisorAccountId: string, now: string): { note: string } | UserError {
  const d = procedure.details as Partial<DataRightsDetails> | null
  if (!d?.right)
    return userError(null, 'INCOMPLETE_REQUEST', 'La demande est incomplète\u00a0: refusez-la en l\'expliquant.')
  if (d.right !== 'ERASURE')
    return { note: `Votre demande de ${RIGHT_NAMES[d.right]} est acceptée.` }
  anonymiseMember(tx, procedure.memberId, now)
  recordAudit(tx, { at: now, action: 'MEMBER_ANONYMISED', actorAccountId: advisorAccountId, actorRole: 'ADVISOR', memberId: procedure.memberId, outcome: 'SUCCESS', details: { procedureId: procedure.id } })
  return { note: 'Votre demande d\'effacement est acceptée\u00a0: votre identité, vos coordonnées et celles de vos bénéficiaires ont été anonymisées, et votre accès à l\'Espace adhérent est fermé. Vos contrats, cotisations et remboursements sont conservés pendant les durées légales. Le journal d\'audit, qui ne peut être ni modifié ni effacé, est conservé tel quel.' }
}

export function dataRightsRequestDetails(row: ProcedureRow): { right: DataRight, message: string, answerDueDate: string } | null {
  const d = row.details as Partial<DataRightsDetails> | null
  if (row.kind !== 'DATA_RIGHTS' || !d?.right)
    return null
  return { right: d.right, message: d.message ?? '', answerDueDate: row.estimatedDecisionDate ?? answerDueDate(row.submittedAt.slice(0, 10)) }
}
