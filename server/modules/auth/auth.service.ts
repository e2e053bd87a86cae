import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import { eq } from 'drizzle-orm'
import { userError } from '../../core/errors.ts'
import { verifyPassword } from '../../core/passwords.ts'
import { accountsTable } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { createSession, revokeSession } from './session.service.ts'

/** Failures before the account starts backing off; each further failure doubles the wait. */
const FREE_ATTEMPTS = 5
const MAX_LOCK_MINUTES = 60

export const SESSION_COOKIE = 'sid'
export const SECURE_SESSION_COOKIE = '__Host-sid'

type Account = typeof accountsTable.$inferSelect
export type SignInResult = { account: Account, token: string } | { errors: UserError[] }

const INVALID = () => userError(null, 'INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.')

function lockMinutes(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MINUTES)
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
  const now = clock.now()
  if (account?.lockedUntil && now.getTime() < Date.parse(account.lockedUntil)) {
    recordAudit(db, { at: now.toISOString(), action: 'SIGN_IN', actorAccountId: account.id, actorRole: 'ANONYMOUS', memberId: account.memberId, outcome: 'FAILURE', ...meta, details: { reason: 'LOCKED' } })
    return { errors: [userError(null, 'TEMPORARILY_LOCKED', 'Trop de tentatives de connexion. Réessayez dans quelques minutes ou réinitialisez votre mot de passe.')] }
  }
  // an unknown e-mail still costs one argon2 verification, so timing does not reveal accounts
  const ok = await verifyPassword(account?.passwordHash, password)
  if (!account || !ok) {
    if (account) {
      const failures = account.failedSignIns + 1
      const minutes = lockMinutes(failures)
      db.update(accountsTable).set({
        failedSignIns: failures,
        lockedUntil: minutes ? new Date(now.getTime() + minutes * 60_000).toISOString() : null,
      }).where(eq(accountsTable.id, account.id)).run()
      recordAudit(db, { at: now.toISOString(), action: 'SIGN_IN', actorAccountId: account.id, actorRole: 'ANONYMOUS', memberId: account.memberId, outcome: 'FAILURE', ...meta, details: { failures, lockedMinutes: minutes } })
    }
    return { errors: [INVALID()] }
  }
  const token = db.transaction((tx) => {
    tx.update(accountsTable).set({ failedSignIns: 0, lockedUntil: null }).where(eq(accountsTable.id, account.id)).run()
    recordAudit(tx, { at: now.toISOString(), action: 'SIGN_IN', actorAccountId: account.id, actorRole: account.role, memberId: account.memberId, outcome: 'SUCCESS', ...meta })
    return createSession(tx, clock, account.id, meta)
  })
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
