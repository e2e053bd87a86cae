import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { Queryable } from '../../db/client.ts'
import type { PersonalWords } from './password-policy.ts'
import { and, count, eq, gte, isNull } from 'drizzle-orm'
import { userError } from '../../core/errors.ts'
import { logger } from '../../core/logger.ts'
import { hashPassword, verifyPassword } from '../../core/passwords.ts'
import { hashToken, randomToken } from '../../core/tokens.ts'
import { requireMember } from '../../core/viewer.ts'
import { accountsTable, membersTable, passwordResetRequestsTable as resets } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { deliverPendingNotifications, portalLink, recordNotification } from '../mail/mail.service.ts'
import { revokeSessionsOf } from './active-sessions.service.ts'
import { checkNewPassword } from './password-policy.ts'
import { reauthenticate } from './reauthentication.ts'
import { forgetEmailThrottle } from './sign-in-throttle.service.ts'

/** A reset link works for 30 minutes, once. */
export const RESET_LINK_MINUTES = 30
/** Requests per address and per IP address within an hour, whether or not the address has an account. */
export const RESETS_PER_EMAIL = 3
export const RESETS_PER_IP = 10
const THROTTLE_WINDOW_MS = 3600_000

/** The SPA page a reset link opens. */
export const RESET_PATH = '/nouveau-mot-de-passe'

export interface PasswordResult {
  signedOutCount: number
  errors: UserError[]
}

function personalWordsOf(db: Queryable, memberId: string | null): PersonalWords {
  if (!memberId)
    return {}
  return db.select({ firstName: membersTable.firstName, lastName: membersTable.lastName, email: membersTable.email, birthDate: membersTable.birthDate, memberNumber: membersTable.memberNumber })
    .from(membersTable).where(eq(membersTable.id, memberId)).get() ?? {}
}

/** Mails go out after the answer: a known address must not answer slower than an unknown one. */
function deliverLater(ctx: Context): void {
  setImmediate(() => {
    deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock).catch((error: unknown) => {
      logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'mail delivery failed')
    })
  })
}

/**
 * « Modifier mon mot de passe »: the current password, then a new one that passes the policy.
 * Every other session ends (a thief signed in elsewhere is out), the change is audited and the
 * member told by e-mail.
 */
export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<PasswordResult> {
  const viewer = requireMember(ctx.viewer)
  const wrong = await reauthenticate(ctx, viewer, currentPassword)
  const policy = checkNewPassword(newPassword, personalWordsOf(ctx.db, viewer.memberId))
  const errors = [...(wrong ? [wrong] : []), ...policy]
  if (!errors.length && newPassword === currentPassword)
    errors.push(userError('newPassword', 'PASSWORD_UNCHANGED', 'Choisissez un mot de passe différent de l\'actuel.'))
  if (errors.length)
    return { signedOutCount: 0, errors }

  const hash = await hashPassword(newPassword)
  const now = ctx.clock.now().toISOString()
  const signedOutCount = ctx.db.transaction((tx) => {
    tx.update(accountsTable).set({ passwordHash: hash, passwordChangedAt: now }).where(eq(accountsTable.id, viewer.accountId)).run()
    // a reset link asked before the change must not undo it
    tx.update(resets).set({ usedAt: now }).where(and(eq(resets.accountId, viewer.accountId), isNull(resets.usedAt))).run()
    const n = revokeSessionsOf(tx, ctx.clock, viewer.accountId, viewer.sessionId)
    recordAudit(tx, { at: now, action: 'PASSWORD_CHANGED', actorAccountId: viewer.accountId, actorRole: 'MEMBER', memberId: viewer.memberId, outcome: 'SUCCESS', ...requestMeta(ctx), details: { method: 'CURRENT_PASSWORD', otherSessionsEnded: n } })
    const member = tx.select({ email: membersTable.email, firstName: membersTable.firstName }).from(membersTable).where(eq(membersTable.id, viewer.memberId)).get()!
    recordNotification(tx, ctx.clock, {
      memberId: viewer.memberId,
      to: member.email,
      subject: 'Votre mot de passe a été modifié',
      text: [
        `Bonjour ${member.firstName},`,
        '',
        'Le mot de passe de votre espace adhérent vient d\'être modifié. Vos autres appareils ont été déconnectés.',
        '',
        'Si vous n\'êtes pas à l\'origine de ce changement, choisissez un nouveau mot de passe avec «\u00a0Mot de passe oublié\u00a0?\u00a0» sur la page de connexion, puis contactez votre mutuelle.',
        '',
        portalLink(ctx.config, '/mot-de-passe-oublie'),
      ].join('\n'),
    })
    return n
  })
  await deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock)
  return { signedOutCount, errors: [] }
}

/**
 * « Mot de passe oublié ? »: mails a single-use link valid 30 minutes when the address is a
 * member's. The answer is the same, and as fast, whether or not it is: no mail is sent during the
 * request. Throttled per address and per IP; both count every request, known address or not.
 */
export function requestPasswordReset(ctx: Context, rawEmail: string): { errors: UserError[] } {
  const email = rawEmail.trim().toLowerCase()
  if (!email)
    return { errors: [userError('email', 'REQUIRED', 'Saisissez votre adresse e-mail.')] }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
    return { errors: [userError('email', 'INVALID_EMAIL', 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')] }

  const { ip } = requestMeta(ctx)
  const now = ctx.clock.now()
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString()
  const emailHash = hashToken(email)
  const result = ctx.db.transaction((tx) => {
    const byEmail = tx.select({ n: count() }).from(resets).where(and(eq(resets.emailHash, emailHash), gte(resets.requestedAt, since))).get()?.n ?? 0
    const byIp = ip ? tx.select({ n: count() }).from(resets).where(and(eq(resets.ip, ip), gte(resets.requestedAt, since))).get()?.n ?? 0 : 0
    if (byEmail >= RESETS_PER_EMAIL || byIp >= RESETS_PER_IP)
      return { errors: [userError(null, 'TEMPORARILY_LOCKED', 'Trop de demandes de réinitialisation. Réessayez dans une heure.')], sent: false }

    const account = tx.select().from(accountsTable).where(eq(accountsTable.email, email)).get()
    // advisors' passwords are managed by the mutuelle's IT, not by a link from the member portal
    if (!account?.memberId) {
      tx.insert(resets).values({ emailHash, ip, requestedAt: now.toISOString() }).run()
      return { errors: [], sent: false }
    }
    const token = randomToken()
    // the newest link is the only one that works
    tx.update(resets).set({ usedAt: now.toISOString() }).where(and(eq(resets.accountId, account.id), isNull(resets.usedAt))).run()
    tx.insert(resets).values({
      emailHash,
      ip,
      requestedAt: now.toISOString(),
      accountId: account.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
    }).run()
    recordAudit(tx, { at: now.toISOString(), action: 'PASSWORD_RESET_REQUESTED', actorAccountId: account.id, actorRole: 'ANONYMOUS', memberId: account.memberId, outcome: 'SUCCESS', ...requestMeta(ctx) })
    recordNotification(tx, ctx.clock, {
      memberId: account.memberId,
      to: account.email,
      subject: 'Réinitialisation de votre mot de passe',
      text: [
        'Bonjour,',
        '',
        'Pour choisir un nouveau mot de passe pour votre espace adhérent, suivez ce lien\u00a0:',
        portalLink(ctx.config, `${RESET_PATH}?jeton=${token}`),
        '',
        `Il fonctionne une seule fois, pendant ${RESET_LINK_MINUTES} minutes.`,
        '',
        'Si vous n\'avez rien demandé, ignorez ce message\u00a0: votre mot de passe ne change pas.',
      ].join('\n'),
    })
    return { errors: [], sent: true }
  }, { behavior: 'immediate' })
  if (result.sent)
    deliverLater(ctx)
  return { errors: result.errors }
}

type ResetLink = { ok: true, request: typeof resets.$inferSelect, accountId: string } | { ok: false, error: UserError }

function findResetLink(db: Queryable, nowIso: string, token: string): ResetLink {
  const request = token && token.length <= 100 ? db.select().from(resets).where(eq(resets.tokenHash, hashToken(token))).get() : undefined
  if (!request?.accountId || !request.expiresAt)
    return { ok: false, error: userError('token', 'LINK_INVALID', 'Ce lien n\'est pas valable. Vérifiez qu\'il est complet, ou demandez-en un nouveau.') }
  if (request.usedAt)
    return { ok: false, error: userError('token', 'LINK_USED', 'Ce lien a déjà servi ou a été remplacé par un plus récent. Demandez-en un nouveau.') }
  if (nowIso >= request.expiresAt)
    return { ok: false, error: userError('token', 'LINK_EXPIRED', `Ce lien a expiré\u00a0: il n'est valable que ${RESET_LINK_MINUTES} minutes. Demandez-en un nouveau.`) }
  return { ok: true, request, accountId: request.accountId }
}

/**
 * The page a reset link opens: sets the new password, voids the link and ends every session of
 * the account (whoever knew the old password is out). The member then signs in again.
 */
export async function resetPassword(ctx: Context, token: string, newPassword: string): Promise<PasswordResult> {
  const link = findResetLink(ctx.db, ctx.clock.now().toISOString(), token)
  if (!link.ok)
    return { signedOutCount: 0, errors: [link.error] }
  const account = ctx.db.select().from(accountsTable).where(eq(accountsTable.id, link.accountId)).get()
  if (!account?.memberId)
    return { signedOutCount: 0, errors: [userError('token', 'LINK_INVALID', 'Ce lien n\'est pas valable. Demandez-en un nouveau.')] }
  const errors = checkNewPassword(newPassword, personalWordsOf(ctx.db, account.memberId))
  if (!errors.length && await verifyPassword(account.passwordHash, newPassword))
    errors.push(userError('newPassword', 'PASSWORD_UNCHANGED', 'Choisissez un mot de passe différent de l\'ancien.'))
  if (errors.length)
    return { signedOutCount: 0, errors }

  const hash = await hashPassword(newPassword)
  const memberId = account.memberId
  const now = ctx.clock.now().toISOString()
  const outcome = ctx.db.transaction((tx) => {
    // read again inside the write transaction: two tabs following the same link change it once
    const again = findResetLink(tx, now, token)
    if (!again.ok)
      return { signedOutCount: 0, errors: [again.error] }
    tx.update(resets).set({ usedAt: now }).where(and(eq(resets.accountId, account.id), isNull(resets.usedAt))).run()
    tx.update(accountsTable).set({ passwordHash: hash, passwordChangedAt: now }).where(eq(accountsTable.id, account.id)).run()
    // whoever followed the link owns the mailbox: the e-mail's sign-in delay is lifted
    forgetEmailThrottle(tx, account.email)
    const n = revokeSessionsOf(tx, ctx.clock, account.id, null)
    recordAudit(tx, { at: now, action: 'PASSWORD_CHANGED', actorAccountId: account.id, actorRole: 'ANONYMOUS', memberId, outcome: 'SUCCESS', ...requestMeta(ctx), details: { method: 'RESET_LINK', sessionsEnded: n } })
    recordNotification(tx, ctx.clock, {
      memberId,
      to: account.email,
      subject: 'Votre mot de passe a été modifié',
      text: [
        'Bonjour,',
        '',
        'Le mot de passe de votre espace adhérent vient d\'être changé à l\'aide d\'un lien de réinitialisation. Tous vos appareils ont été déconnectés.',
        '',
        'Si vous n\'êtes pas à l\'origine de ce changement, contactez votre mutuelle sans attendre.',
      ].join('\n'),
    })
    return { signedOutCount: n, errors: [] as UserError[] }
  }, { behavior: 'immediate' })
  if (!outcome.errors.length)
    await deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock)
  return outcome
}
