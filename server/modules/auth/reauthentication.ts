import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { MemberViewer } from '../../core/viewer.ts'
import { and, count, eq, gte } from 'drizzle-orm'
import { userError } from '../../core/errors.ts'
import { auditEventsTable } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { verifyAccountPassword } from './auth.service.ts'

/** Wrong current passwords allowed per window: a stolen session must not become a password oracle. */
const MAX_FAILURES = 5
const WINDOW_MS = 15 * 60_000

/**
 * The current password, asked again before a sensitive change (contact details, password).
 * A wrong one is audited (REAUTHENTICATION, FAILURE); after 5 in 15 minutes the account's
 * re-authentications are refused for the rest of the window. Null when the password is right.
 */
export async function reauthenticate(ctx: Context, viewer: MemberViewer, password: string, field = 'currentPassword'): Promise<UserError | null> {
  if (!password)
    return userError(field, 'REQUIRED', 'Saisissez votre mot de passe actuel pour confirmer.')
  const now = ctx.clock.now()
  const since = new Date(now.getTime() - WINDOW_MS).toISOString()
  const failures = ctx.db.select({ n: count() }).from(auditEventsTable).where(and(
    eq(auditEventsTable.actorAccountId, viewer.accountId),
    eq(auditEventsTable.action, 'REAUTHENTICATION'),
    eq(auditEventsTable.outcome, 'FAILURE'),
    gte(auditEventsTable.at, since),
  )).get()?.n ?? 0
  if (failures >= MAX_FAILURES)
    return userError(field, 'TEMPORARILY_LOCKED', 'Trop de mots de passe erronés. Réessayez dans un quart d\'heure.')
  if (await verifyAccountPassword(ctx, viewer.accountId, password))
    return null
  recordAudit(ctx.db, { at: now.toISOString(), action: 'REAUTHENTICATION', actorAccountId: viewer.accountId, actorRole: 'MEMBER', memberId: viewer.memberId, outcome: 'FAILURE', ...requestMeta(ctx) })
  return userError(field, 'WRONG_PASSWORD', 'Mot de passe actuel incorrect.')
}
