import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import { eq } from 'drizzle-orm'
import { userError } from '../../core/errors.ts'
import { verifyPassword } from '../../core/passwords.ts'
import { accountsTable } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import type { ThrottleKey } from './sign-in-throttle.service.ts'
import { createSession, revokeSession } from './session.service.ts'
import { admitAttempt, deviceKey, emailKey, forgiveAttempt, ipKey, takeAuditSlot, trustDevice, trustedDeviceAccount } from './sign-in-throttle.service.ts'

export const SESSION_COOKIE = 'sid'
export const SECURE_SESSION_COOKIE = '__Host-sid'

type Account = typeof accountsTable.$inferSelect
export type SignInResult = { account: Account, token: string } | { errors: UserError[] }

const INVALID = () => userError(null, 'INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.')
const THROTTLED = () => userError(null, 'TEMPORARILY_LOCKED', 'Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer, ou réinitialisez votre mot de passe.')

/** Failed or refused attempts on a known account: the first ones each, then one event per window. */
function auditFailure(ctx: Context, account: Account, key: ThrottleKey, reason: 'WRONG_PASSWORD' | 'THROTTLED'): void {
  const attempts = takeAuditSlot(ctx.db, ctx.clock, key, reason === 'WRONG_PASSWORD')
  if (attempts !== null)
    recordAudit(ctx.db, { at: ctx.clock.now().toISOString(), action: 'SIGN_IN', actorAccountId: account.id, actorRole: 'ANONYMOUS', memberId: account.memberId, outcome: 'FAILURE', ...requestMeta(ctx), details: { reason, attempts } })
}

export async function signIn(ctx: Context, rawEmail: string, password: string): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase()
  const errors: UserError[] = []
  if (!email)
    errors.push(userError('email', 'REQUIRED', 'Saisissez votre adresse e-mail.'))
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
    errors.push(userError('email', 'INVALID_EMAIL', 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.'))
  if (!password)
    errors.push(userError('password', 'REQUIRED', 'Saisissez votre mot de passe.'))
  else if (password.length > 1024)
    errors.push(INVALID())
  if (errors.length)
    return { errors }

  const { db, clock } = ctx
  const meta = requestMeta(ctx)
  const account = db.select().from(accountsTable).where(eq(accountsTable.email, email)).get()
  // a browser that signed in to this account before is slowed down by its own failures only,
  // so strangers hammering the e-mail cannot keep its owner out
  const device = ctx.deviceCookie.token
  const trusted = !!account && !!device && trustedDeviceAccount(db, device) === account.id
  const keys = trusted ? [deviceKey(device!)] : [emailKey(email), ...(meta.ip ? [ipKey(meta.ip)] : [])]
  // counted before the password is checked: parallel attempts cannot slip past the count, and a
  // throttled attempt costs no hash whether or not the account exists (same answer, same time)
  if (!admitAttempt(db, clock, keys).admitted) {
    if (account)
      auditFailure(ctx, account, keys[0]!, 'THROTTLED')
    return { errors: [THROTTLED()] }
  }
  // an unknown e-mail still costs one argon2 verification, so timing does not reveal accounts
  const ok = await verifyPassword(account?.passwordHash, password)
  if (!account || !ok) {
    if (account)
      auditFailure(ctx, account, keys[0]!, 'WRONG_PASSWORD')
    return { errors: [INVALID()] }
  }
  // the session this browser presented ends here: signing in again, or as someone else, never
  // leaves the previous one alive
  const previous = ctx.viewer && ctx.viewer.role !== 'PARTNER' ? ctx.viewer.sessionId : null
  const now = clock.now()
  const { token, deviceToken } = db.transaction((tx) => {
    forgiveAttempt(tx, keys)
    if (previous)
      revokeSession(tx, clock, previous)
    recordAudit(tx, { at: now.toISOString(), action: 'SIGN_IN', actorAccountId: account.id, actorRole: account.role, memberId: account.memberId, outcome: 'SUCCESS', ...meta })
    return { deviceToken: trustDevice(tx, clock, account.id, device, trusted), token: createSession(tx, clock, account.id, meta) }
  })
  if (deviceToken)
    ctx.deviceCookie.set(deviceToken)
  return { account, token }
}

export function signOut(ctx: Context): void {
  const viewer = ctx.viewer
  if (!viewer || viewer.role === 'PARTNER')
    return
  revokeSession(ctx.db, ctx.clock, viewer.sessionId)
  recordAudit(ctx.db, { at: ctx.clock.now().toISOString(), action: 'SIGN_OUT', actorAccountId: viewer.accountId, actorRole: viewer.role, memberId: viewer.role === 'MEMBER' ? viewer.memberId : null, outcome: 'SUCCESS', ...requestMeta(ctx) })
}

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE
}

/** The trusted-browser cookie of sign-in throttling (see sign-in-throttle.service.ts). */
export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-device' : 'device'
}

/**
 * Re-authentication before a sensitive change (bank details, password, contact details): the
 * account's current password, checked now, whatever the session's age.
 */
export async function verifyAccountPassword(ctx: Pick<Context, 'db'>, accountId: string, password: string): Promise<boolean> {
  if (!password || password.length > 1024)
    return false
  const account = ctx.db.select({ hash: accountsTable.passwordHash }).from(accountsTable).where(eq(accountsTable.id, accountId)).get()
  return verifyPassword(account?.hash, password)
}
