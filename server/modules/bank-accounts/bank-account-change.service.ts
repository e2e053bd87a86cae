import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { MemberViewer } from '../../core/viewer.ts'
import type { Queryable, Tx } from '../../db/client.ts'
import type { BankAccountChangeInput } from './bank-account-change.input.ts'
import type { BankAccountUsage } from './bank-details.type.ts'
import { createHash } from 'node:crypto'
import { and, desc, eq, gte, inArray, isNotNull, or } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { frenchDate } from '../../core/format.ts'
import { requireMember } from '../../core/viewer.ts'
import {
  accountsTable,
  auditEventsTable,
  bankAccountChangesTable as changes,
  bankAccountsTable as accounts,
  beneficiariesTable,
  beneficiaryBankAccountsTable as assignments,
  contributionInstalmentsTable,
  membersTable,
  procedureEventsTable,
  proceduresTable,
  sepaMandatesTable as mandates,
} from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { verifyAccountPassword } from '../auth/auth.service.ts'
import { deliverPendingNotifications, recordNotification } from '../mail/mail.service.ts'
import { nextProcedureReference } from '../procedures/reimbursement-request.service.ts'
import { addWorkingDays } from '../procedures/working-days.ts'
import { checkBic, checkHolderName, checkIban } from './bank-account.rules.ts'
import { ibanLastFour, maskIban } from './mask-iban.ts'

/** The fraud controls on bank-details changes (DESIGN.md, reference/security.md items 22–25). */
export const CHANGE_RULES = {
  pendingChangeMinutes: 15,
  maxChangesPerDay: 3,
  reviewWindowDays: 30,
  securityCooldownMinutes: 60,
  paymentHoldHours: 72,
  maxPasswordAttempts: 3,
} as const

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Audit actions that mark a change of the sign-in credentials (recorded by Mon compte). */
export const SECURITY_CHANGE_ACTIONS = ['PASSWORD_CHANGED', 'EMAIL_CHANGED'] as const

export type BankAccountChangeRow = typeof changes.$inferSelect
type BankAccountRow = typeof accounts.$inferSelect

export interface BankAccountChangeResult {
  change: BankAccountChangeView | null
  errors: UserError[]
}

export interface BankAccountChangeView {
  id: string
  status: string
  ibanMasked: string
  holderName: string
  bic: string | null
  usages: BankAccountUsage[]
  beneficiaries: (typeof beneficiariesTable.$inferSelect)[]
  newMandate: boolean
  reviewRequired: boolean
  createdAt: string
  expiresAt: string
  confirmedAt: string | null
  procedureId: string | null
}

/** The SEPA mandate text (EPC rulebook wording) the member accepts when contributions move. */
export function mandateText(creditorIdentifier: string): string {
  return `En acceptant ce mandat, vous autorisez votre mutuelle (identifiant créancier SEPA ${creditorIdentifier}) à envoyer des instructions à votre banque pour débiter votre compte, et votre banque à débiter votre compte conformément aux instructions de votre mutuelle. Vous bénéficiez du droit d'être remboursé par votre banque selon les conditions décrites dans la convention que vous avez passée avec elle. Une demande de remboursement doit être présentée dans les 8 semaines suivant la date de débit de votre compte pour un prélèvement autorisé. Vos droits concernant ce mandat sont expliqués dans un document que vous pouvez obtenir auprès de votre banque.`
}

export function usagesOf(row: { forContributions: boolean, forReimbursements: boolean }): BankAccountUsage[] {
  return [...(row.forContributions ? ['CONTRIBUTIONS' as const] : []), ...(row.forReimbursements ? ['REIMBURSEMENTS' as const] : [])]
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

function activeAccounts(db: Queryable, memberId: string): BankAccountRow[] {
  return db.select().from(accounts).where(and(eq(accounts.memberId, memberId), eq(accounts.status, 'ACTIVE'))).all()
}

/** The creditor identifier (ICS) of the mutuelle, as on the mandates it already holds. */
export function creditorIdentifier(db: Queryable, memberId: string): string {
  const own = db.select({ ics: mandates.creditorIdentifier }).from(mandates).where(eq(mandates.memberId, memberId)).orderBy(desc(mandates.signedAt)).get()
  const any = own ?? db.select({ ics: mandates.creditorIdentifier }).from(mandates).get()
  const ics = any?.ics ?? process.env.SEPA_CREDITOR_IDENTIFIER
  if (!ics)
    throw new Error('No SEPA creditor identifier: set SEPA_CREDITOR_IDENTIFIER')
  return ics
}

/**
 * Until when the member may not change bank details: an hour after the last password or e-mail
 * change (audit events PASSWORD_CHANGED / EMAIL_CHANGED, and the account's password_changed_at),
 * the classic sequence of an account takeover.
 */
export function securityBlockedUntil(db: Queryable, viewer: Pick<MemberViewer, 'accountId' | 'memberId'>, now: string): string | null {
  const since = shift(now, -CHANGE_RULES.securityCooldownMinutes * MINUTE)
  const times: string[] = []
  const account = db.select({ at: accountsTable.passwordChangedAt }).from(accountsTable).where(eq(accountsTable.id, viewer.accountId)).get()
  if (account && account.at >= since)
    times.push(account.at)
  const event = db.select({ at: auditEventsTable.at }).from(auditEventsTable).where(and(
    or(eq(auditEventsTable.memberId, viewer.memberId), eq(auditEventsTable.actorAccountId, viewer.accountId)),
    inArray(auditEventsTable.action, [...SECURITY_CHANGE_ACTIONS]),
    eq(auditEventsTable.outcome, 'SUCCESS'),
    gte(auditEventsTable.at, since),
  )).orderBy(desc(auditEventsTable.at)).get()
  if (event)
    times.push(event.at)
  if (!times.length)
    return null
  return shift(times.sort().at(-1)!, CHANGE_RULES.securityCooldownMinutes * MINUTE)
}

/** Changes the member confirmed in the last 24 hours (applied, in review or refused after review). */
export function changesInLastDay(db: Queryable, memberId: string, now: string): number {
  return db.select({ id: changes.id }).from(changes).where(and(
    eq(changes.memberId, memberId),
    isNotNull(changes.confirmedAt),
    gte(changes.confirmedAt, shift(now, -DAY)),
  )).all().length
}

/** A change within 30 days of another one goes to an advisor before it takes effect. */
export function nextChangeReviewed(db: Queryable, memberId: string, now: string): boolean {
  return !!db.select({ id: changes.id }).from(changes).where(and(
    eq(changes.memberId, memberId),
    inArray(changes.status, ['CONFIRMED', 'IN_REVIEW']),
    gte(changes.confirmedAt, shift(now, -CHANGE_RULES.reviewWindowDays * DAY)),
  )).get()
}

function frenchTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)).replace(':', ' h ')
}
const parisDay = (iso: string) => todayOf({ now: () => new Date(iso) })

/** The checks that stop any change for a while, whatever the input. */
function checkAllowed(db: Queryable, viewer: MemberViewer, now: string): UserError[] {
  const blockedUntil = securityBlockedUntil(db, viewer, now)
  if (blockedUntil) {
    return [userError(null, 'RECENT_SECURITY_CHANGE', `Par sécurité, vos coordonnées bancaires ne peuvent pas être modifiées moins d'une heure après un changement de mot de passe ou d'adresse e-mail. Vous pourrez le faire à partir de ${frenchTime(blockedUntil)}${parisDay(blockedUntil) !== parisDay(now) ? ` le ${frenchDate(parisDay(blockedUntil))}` : ''}.`)]
  }
  if (changesInLastDay(db, viewer.memberId, now) >= CHANGE_RULES.maxChangesPerDay)
    return [userError(null, 'DAILY_LIMIT', `Vous avez déjà modifié vos coordonnées bancaires ${CHANGE_RULES.maxChangesPerDay} fois en 24 heures\u00a0: par sécurité, réessayez demain ou écrivez à votre conseiller.`)]
  return []
}

function contributionsAccount(db: Queryable, memberId: string): BankAccountRow | undefined {
  return activeAccounts(db, memberId).find(a => a.forContributions)
}

function toView(db: Queryable, row: BankAccountChangeRow, now: string): BankAccountChangeView {
  const ids = row.beneficiaryIds
  const people = ids.length ? db.select().from(beneficiariesTable).where(and(eq(beneficiariesTable.memberId, row.memberId), inArray(beneficiariesTable.id, ids))).all().sort((a, b) => a.rank - b.rank) : []
  const current = contributionsAccount(db, row.memberId)
  return {
    id: row.id,
    // a PENDING change past its time reads as EXPIRED, written or not
    status: row.status === 'PENDING' && row.expiresAt <= now ? 'EXPIRED' : row.status,
    ibanMasked: maskIban(row.iban),
    holderName: row.holderName,
    bic: row.bic,
    usages: usagesOf(row),
    beneficiaries: people,
    newMandate: row.status === 'PENDING' ? row.forContributions && current?.iban !== row.iban : !!row.forContributions && row.mandateAccepted,
    reviewRequired: row.status === 'PENDING' ? nextChangeReviewed(db, row.memberId, now) : row.status === 'IN_REVIEW' || row.reviewFlag !== null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    confirmedAt: row.confirmedAt,
    procedureId: row.procedureId,
  }
}

/** The household's changes waiting for an advisor. */
export function changesInReview(db: Queryable, memberId: string, now: string): BankAccountChangeView[] {
  return db.select().from(changes).where(and(eq(changes.memberId, memberId), eq(changes.status, 'IN_REVIEW'))).orderBy(desc(changes.confirmedAt)).all().map(row => toView(db, row, now))
}

/** The change of a bank-details démarche, for the member's or the advisor's view of it. */
export function changeOfProcedure(db: Queryable, procedureId: string, now: string): BankAccountChangeView | null {
  const row = db.select().from(changes).where(eq(changes.procedureId, procedureId)).get()
  return row ? toView(db, row, now) : null
}

/**
 * Step 1 and 2 of the change: checks everything and records a PENDING change, which expires
 * after 15 minutes. Nothing of the household's accounts changes until the password confirms it.
 */
export function startBankAccountChange(ctx: Context, input: BankAccountChangeInput): BankAccountChangeResult {
  const viewer = requireMember(ctx.viewer)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const blocked = checkAllowed(tx, viewer, now)
    if (blocked.length)
      return { change: null, errors: blocked }
    const iban = checkIban(input.iban)
    const bic = checkBic(input.bic)
    const holder = checkHolderName(input.holderName)
    const errors = [...iban.errors, ...bic.errors, ...holder.errors]

    const usages = [...new Set(input.usages)]
    if (!usages.length)
      errors.push(userError('usages', 'REQUIRED', 'Indiquez à quoi servira ce compte\u00a0: le prélèvement de vos cotisations, le versement de vos remboursements, ou les deux.'))
    const forContributions = usages.includes('CONTRIBUTIONS')
    const forReimbursements = usages.includes('REIMBURSEMENTS')
    let beneficiaryIds: string[] = []
    if (forReimbursements) {
      beneficiaryIds = [...new Set(input.beneficiaryIds ?? [])]
      const own = beneficiaryIds.length
        ? tx.select({ id: beneficiariesTable.id }).from(beneficiariesTable).where(and(eq(beneficiariesTable.memberId, viewer.memberId), inArray(beneficiariesTable.id, beneficiaryIds))).all()
        : []
      if (!beneficiaryIds.length)
        errors.push(userError('beneficiaryIds', 'REQUIRED', 'Choisissez les bénéficiaires dont les remboursements seront versés sur ce compte.'))
      else if (own.length !== beneficiaryIds.length)
        errors.push(userError('beneficiaryIds', 'NOT_FOUND', 'Un des bénéficiaires choisis est introuvable.'))
    }
    const current = contributionsAccount(tx, viewer.memberId)
    const newMandate = forContributions && !!iban.iban && current?.iban !== iban.iban
    if (newMandate && input.acceptMandate !== true)
      errors.push(userError('acceptMandate', 'MANDATE_NOT_ACCEPTED', 'Pour que vos cotisations soient prélevées sur ce compte, acceptez le mandat de prélèvement SEPA.'))
    if (errors.length || !iban.iban || !holder.holderName)
      return { change: null, errors }

    const row = tx.insert(changes).values({
      memberId: viewer.memberId,
      requestedByAccountId: viewer.accountId,
      iban: iban.iban,
      bic: bic.bic,
      holderName: holder.holderName,
      forContributions,
      forReimbursements,
      beneficiaryIds,
      status: 'PENDING',
      createdAt: now,
      expiresAt: shift(now, CHANGE_RULES.pendingChangeMinutes * MINUTE),
      mandateAccepted: newMandate,
    }).returning().get()
    return { change: toView(tx, row, now), errors: [] }
  }, { behavior: 'immediate' })
}

/** The next RUM of a member: the previous reference with its counter moved on, unique across the mutuelle. */
function nextMandateReference(tx: Tx, memberId: string): string {
  const member = tx.select({ number: membersTable.memberNumber }).from(membersTable).where(eq(membersTable.id, memberId)).get()!
  const last = tx.select({ reference: mandates.reference }).from(mandates).where(eq(mandates.memberId, memberId)).orderBy(desc(mandates.signedAt)).get()
  const match = last ? /^(.*-)(\d+)$/.exec(last.reference) : null
  const prefix = match ? match[1]! : `RUM-${member.number}-`
  let counter = match ? Number(match[2]) : 0
  let reference: string
  do {
    counter += 1
    reference = `${prefix}${String(counter).padStart(4, '0')}`.slice(-35)
  } while (tx.select({ id: mandates.id }).from(mandates).where(eq(mandates.reference, reference)).get())
  return reference
}

interface Applied { accountId: string, mandateReference: string | null, previousIbansMasked: string[] }

/**
 * Applies a confirmed change: the new account (or the existing one with that IBAN) takes the
 * usages; contributions moving to another IBAN revoke the mandate in force and sign a new one
 * with a fresh RUM; accounts left with no usage are marked REPLACED.
 */
function applyChange(tx: Tx, change: BankAccountChangeRow, now: string): Applied {
  const before = activeAccounts(tx, change.memberId)
  let target = before.find(a => a.iban === change.iban)
  if (target) {
    tx.update(accounts).set({ holderName: change.holderName, bic: change.bic ?? target.bic }).where(eq(accounts.id, target.id)).run()
  }
  else {
    target = tx.insert(accounts).values({
      memberId: change.memberId,
      holderName: change.holderName,
      iban: change.iban,
      bic: change.bic,
      status: 'ACTIVE',
      createdAt: now,
    }).returning().get()
  }
  const targetId = target.id
  const previous = new Set<string>()

  let mandateReference: string | null = null
  if (change.forContributions) {
    const current = before.find(a => a.forContributions)
    if (current?.id !== targetId) {
      const ics = creditorIdentifier(tx, change.memberId)
      const old = tx.select({ id: mandates.id }).from(mandates).where(and(eq(mandates.memberId, change.memberId), eq(mandates.status, 'ACTIVE'))).all().map(m => m.id)
      if (old.length)
        tx.update(mandates).set({ status: 'REVOKED', revokedAt: now }).where(inArray(mandates.id, old)).run()
      mandateReference = nextMandateReference(tx, change.memberId)
      const mandate = tx.insert(mandates).values({ memberId: change.memberId, bankAccountId: targetId, reference: mandateReference, creditorIdentifier: ics, signedAt: now, status: 'ACTIVE' }).returning({ id: mandates.id }).get()
      // the debits still to come are taken under the new mandate
      if (old.length)
        tx.update(contributionInstalmentsTable).set({ mandateId: mandate.id }).where(and(inArray(contributionInstalmentsTable.mandateId, old), eq(contributionInstalmentsTable.status, 'SCHEDULED'))).run()
      if (current) {
        tx.update(accounts).set({ forContributions: false }).where(eq(accounts.id, current.id)).run()
        previous.add(current.iban)
      }
    }
    tx.update(accounts).set({ forContributions: true }).where(eq(accounts.id, targetId)).run()
  }
  if (change.forReimbursements) {
    const beneficiaryIds = tx.select({ id: beneficiariesTable.id }).from(beneficiariesTable).where(and(eq(beneficiariesTable.memberId, change.memberId), inArray(beneficiariesTable.id, change.beneficiaryIds))).all().map(b => b.id)
    if (beneficiaryIds.length) {
      for (const a of tx.select({ accountId: assignments.bankAccountId }).from(assignments).where(inArray(assignments.beneficiaryId, beneficiaryIds)).all()) {
        const was = before.find(b => b.id === a.accountId)
        if (was && was.id !== targetId)
          previous.add(was.iban)
      }
      tx.delete(assignments).where(inArray(assignments.beneficiaryId, beneficiaryIds)).run()
      tx.insert(assignments).values(beneficiaryIds.map(beneficiaryId => ({ beneficiaryId, bankAccountId: targetId }))).run()
    }
  }
  // usages follow the assignments; an account with none left is kept, as replaced, for the payments made to it
  const assigned = new Set(tx.select({ id: assignments.bankAccountId }).from(assignments)
    .innerJoin(beneficiariesTable, eq(beneficiariesTable.id, assignments.beneficiaryId))
    .where(eq(beneficiariesTable.memberId, change.memberId)).all().map(a => a.id))
  for (const account of activeAccounts(tx, change.memberId)) {
    const forReimbursements = assigned.has(account.id)
    const unused = !account.forContributions && !forReimbursements
    tx.update(accounts).set(unused ? { forReimbursements, status: 'REPLACED', replacedAt: now } : { forReimbursements }).where(eq(accounts.id, account.id)).run()
  }
  return { accountId: targetId, mandateReference, previousIbansMasked: [...previous].map(maskIban) }
}

/**
 * Where the notice goes: the address on file before the change, and the one it replaced when
 * the e-mail was changed in the last 30 days (an attacker's first move), read from the audit
 * event EMAIL_CHANGED's `details.previousEmail`.
 */
function noticeRecipients(db: Queryable, memberId: string, now: string): { firstName: string, to: string[] } {
  const member = db.select({ email: membersTable.email, firstName: membersTable.firstName }).from(membersTable).where(eq(membersTable.id, memberId)).get()!
  const recent = db.select({ details: auditEventsTable.details }).from(auditEventsTable).where(and(
    eq(auditEventsTable.memberId, memberId),
    eq(auditEventsTable.action, 'EMAIL_CHANGED'),
    eq(auditEventsTable.outcome, 'SUCCESS'),
    gte(auditEventsTable.at, shift(now, -CHANGE_RULES.reviewWindowDays * DAY)),
  )).all()
  const previous = recent.map(e => (e.details as { previousEmail?: unknown } | null)?.previousEmail).filter((e): e is string => typeof e === 'string' && e.includes('@'))
  return { firstName: member.firstName, to: [...new Set([...previous, member.email])] }
}

const NOT_YOU = 'Si vous n\'êtes pas à l\'origine de cette modification, appelez sans attendre votre mutuelle au numéro inscrit sur votre carte de tiers payant (et non à un numéro reçu par message)\u00a0: nous bloquerons tout paiement vers ce compte. Changez ensuite votre mot de passe.'

function usageSentence(change: BankAccountChangeRow): string {
  if (change.forContributions && change.forReimbursements)
    return 'au prélèvement de vos cotisations et au versement de remboursements'
  return change.forContributions ? 'au prélèvement de vos cotisations' : 'au versement de remboursements'
}

function recordChangeNotice(tx: Tx, ctx: Pick<Context, 'clock'>, change: BankAccountChangeRow, now: string, kind: 'APPLIED' | 'IN_REVIEW'): void {
  const { firstName, to } = noticeRecipients(tx, change.memberId, now)
  const when = `le ${frenchDate(parisDay(now))} à ${frenchTime(now)}`
  const account = `le compte se terminant par ${ibanLastFour(change.iban)}, au nom de ${change.holderName}`
  const text = kind === 'APPLIED'
    ? `Bonjour ${firstName},\n\nVos coordonnées bancaires ont été modifiées ${when} dans votre espace adhérent\u00a0: ${account}, servira désormais ${usageSentence(change)}.\n\nPar sécurité, le premier remboursement versé sur un nouveau compte est retenu ${CHANGE_RULES.paymentHoldHours} heures.\n\n${NOT_YOU}\n\nCe message vous est envoyé à l'adresse enregistrée avant la modification. Il ne contient jamais votre IBAN complet.`
    : `Bonjour ${firstName},\n\nUne modification de vos coordonnées bancaires a été demandée ${when} dans votre espace adhérent\u00a0: ${account}. C'est la deuxième en moins de ${CHANGE_RULES.reviewWindowDays} jours\u00a0: un conseiller la vérifie avant qu'elle ne prenne effet, et vous serez informé de sa décision.\n\n${NOT_YOU}\n\nCe message vous est envoyé à l'adresse enregistrée avant la modification. Il ne contient jamais votre IBAN complet.`
  const subject = kind === 'APPLIED' ? 'Vos coordonnées bancaires ont été modifiées' : 'Demande de modification de vos coordonnées bancaires'
  for (const address of to)
    recordNotification(tx, ctx.clock, { memberId: change.memberId, to: address, subject, text })
}

function appliedNote(change: BankAccountChangeRow, applied: Applied): string {
  const mandate = applied.mandateReference ? ` Nouveau mandat de prélèvement SEPA ${applied.mandateReference}\u00a0; l'ancien est révoqué.` : ''
  const hold = change.forReimbursements ? ` Par sécurité, le premier remboursement versé sur ce compte sera retenu ${CHANGE_RULES.paymentHoldHours} heures\u00a0: la date de versement figurera dans la démarche du remboursement.` : ''
  return `Nouveau RIB enregistré (${maskIban(change.iban)}).${mandate}${hold}`
}

/**
 * Step 3: the member's password, checked afresh (not the session's age), then in one
 * transaction the accounts, the mandate, the démarche, the audit event and the notice to the
 * address on file. A second change within 30 days waits for an advisor instead of applying.
 */
export async function confirmBankAccountChange(ctx: Context, changeId: string, password: string): Promise<BankAccountChangeResult> {
  const viewer = requireMember(ctx.viewer)
  const find = () => ctx.db.select().from(changes).where(and(eq(changes.id, changeId), eq(changes.memberId, viewer.memberId))).get()
  const usable = (row: BankAccountChangeRow | undefined, now: string): UserError[] => {
    if (!row)
      return [userError('changeId', 'NOT_FOUND', 'Cette modification est introuvable\u00a0: recommencez la saisie de votre RIB.')]
    if (row.status !== 'PENDING')
      return [userError('changeId', 'CHANGE_ALREADY_USED', row.status === 'EXPIRED' ? 'Cette modification a expiré\u00a0: recommencez la saisie de votre RIB.' : 'Cette modification a déjà été validée ou annulée\u00a0: recommencez la saisie de votre RIB si besoin.')]
    if (row.expiresAt <= now)
      return [userError('changeId', 'CHANGE_EXPIRED', `Cette modification a expiré (${CHANGE_RULES.pendingChangeMinutes} minutes pour la valider)\u00a0: recommencez la saisie de votre RIB.`)]
    return []
  }
  const early = usable(find(), nowIso(ctx.clock))
  if (early.length)
    return { change: null, errors: early }

  const passwordOk = await verifyAccountPassword(ctx, viewer.accountId, password)
  const now = nowIso(ctx.clock)
  const result = ctx.db.transaction((tx): BankAccountChangeResult => {
    const row = tx.select().from(changes).where(and(eq(changes.id, changeId), eq(changes.memberId, viewer.memberId))).get()
    const stale = usable(row, now)
    if (stale.length || !row)
      return { change: null, errors: stale }
    const audit = (outcome: 'SUCCESS' | 'FAILURE', details: Record<string, unknown>) => recordAudit(tx, {
      at: now,
      action: 'BANK_DETAILS_CHANGE',
      actorAccountId: viewer.accountId,
      actorRole: 'MEMBER',
      memberId: viewer.memberId,
      outcome,
      ...requestMeta(ctx),
      details: { changeId: row.id, newIbanMasked: maskIban(row.iban), newIbanHash: sha256(row.iban), stepUp: 'PASSWORD', sessionHash: sha256(viewer.sessionId), ...details },
    })
    if (!passwordOk) {
      const attempts = row.failedAttempts + 1
      const cancelled = attempts >= CHANGE_RULES.maxPasswordAttempts
      tx.update(changes).set({ failedAttempts: attempts, status: cancelled ? 'CANCELLED' : 'PENDING' }).where(eq(changes.id, row.id)).run()
      audit('FAILURE', { reason: 'WRONG_PASSWORD', attempts, cancelled })
      return { change: null, errors: [userError('password', 'WRONG_PASSWORD', cancelled
        ? 'Mot de passe incorrect. Par sécurité, cette modification est annulée\u00a0: recommencez la saisie de votre RIB.'
        : `Mot de passe incorrect. Il vous reste ${CHANGE_RULES.maxPasswordAttempts - attempts} essai${CHANGE_RULES.maxPasswordAttempts - attempts > 1 ? 's' : ''}.`)] }
    }
    const blocked = checkAllowed(tx, viewer, now)
    if (blocked.length)
      return { change: null, errors: blocked }

    const review = nextChangeReviewed(tx, viewer.memberId, now)
    const today = todayOf(ctx.clock)
    const details = { ibanMasked: maskIban(row.iban), holderName: row.holderName, usages: usagesOf(row), beneficiaryIds: row.beneficiaryIds, changeId: row.id }
    const procedure = tx.insert(proceduresTable).values({
      memberId: viewer.memberId,
      kind: 'BANK_DETAILS_CHANGE',
      status: review ? 'SUBMITTED' : 'ACCEPTED',
      reference: nextProcedureReference(tx, today.slice(0, 4)),
      submittedAt: now,
      updatedAt: now,
      estimatedDecisionDate: review ? addWorkingDays(today, 2) : today,
      decidedAt: review ? null : now,
      details,
    }).returning().get()
    tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'SUBMITTED', at: now, actorAccountId: viewer.accountId }).run()

    let applied: Applied | null = null
    if (review) {
      const note = `Deuxième modification de RIB en moins de ${CHANGE_RULES.reviewWindowDays} jours\u00a0: par sécurité, un conseiller la vérifie avant qu'elle ne prenne effet. Vos coordonnées actuelles restent utilisées d'ici là.`
      tx.update(proceduresTable).set({ decisionNote: note }).where(eq(proceduresTable.id, procedure.id)).run()
    }
    else {
      applied = applyChange(tx, row, now)
      const note = appliedNote(row, applied)
      tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'ACCEPTED', at: now, note, actorAccountId: viewer.accountId }).run()
      tx.update(proceduresTable).set({ decisionNote: note }).where(eq(proceduresTable.id, procedure.id)).run()
    }
    const updated = tx.update(changes).set({
      status: review ? 'IN_REVIEW' : 'CONFIRMED',
      confirmedAt: now,
      procedureId: procedure.id,
      reviewFlag: review ? 'SECOND_CHANGE_WITHIN_30_DAYS' : null,
      holdPaymentsUntil: row.forReimbursements ? shift(now, CHANGE_RULES.paymentHoldHours * HOUR) : null,
    }).where(eq(changes.id, row.id)).returning().get()
    audit('SUCCESS', { procedureId: procedure.id, review, usages: usagesOf(row), previousIbansMasked: applied?.previousIbansMasked ?? [], mandateReference: applied?.mandateReference ?? null })
    recordChangeNotice(tx, ctx, row, now, review ? 'IN_REVIEW' : 'APPLIED')
    return { change: toView(tx, updated, now), errors: [] }
  }, { behavior: 'immediate' })
  await deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock)
  return result
}

/**
 * An advisor's decision on a change held for review, inside decideProcedure's transaction:
 * ACCEPT applies it now (and notifies the member), REJECT drops it. Returns the member's note.
 */
export function decideReviewedChange(tx: Tx, ctx: Pick<Context, 'clock'>, procedureId: string, decision: 'ACCEPT' | 'REJECT', now: string): { note: string } | UserError {
  const row = tx.select().from(changes).where(and(eq(changes.procedureId, procedureId), eq(changes.status, 'IN_REVIEW'))).get()
  if (!row)
    return userError(null, 'ALREADY_DECIDED', 'Cette modification de RIB n\'attend plus de décision.')
  if (decision === 'REJECT') {
    tx.update(changes).set({ status: 'REJECTED' }).where(eq(changes.id, row.id)).run()
    return { note: 'Modification refusée\u00a0: vos coordonnées bancaires restent inchangées.' }
  }
  const applied = applyChange(tx, row, now)
  tx.update(changes).set({ status: 'CONFIRMED', holdPaymentsUntil: row.forReimbursements ? shift(now, CHANGE_RULES.paymentHoldHours * HOUR) : null }).where(eq(changes.id, row.id)).run()
  recordChangeNotice(tx, ctx, row, now, 'APPLIED')
  return { note: appliedNote(row, applied) }
}
