import type { Context } from '../../context.ts'
import type { Clock } from '../../core/clock.ts'
import type { UserError } from '../../core/errors.ts'
import type { Queryable } from '../../db/client.ts'
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm'
import { userError } from '../../core/errors.ts'
import { requireMember } from '../../core/viewer.ts'
import { accountsTable, auditEventsTable, sessionsTable } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { describeDevice, ipPrefix } from './device.ts'
import { IDLE_TIMEOUT_MS } from './session.service.ts'

/** Sessions shown at most: a session lasts 8 hours at most, so more would mean an attack, shown in the sign-ins. */
const MAX_SESSIONS = 50
/** « Vos dix dernières connexions ». */
export const RECENT_SIGN_INS = 10

export interface ActiveSessionView {
  id: string
  device: string
  place: string | null
  signedInAt: string
  lastSeenAt: string
  current: boolean
}

export interface SignInView {
  at: string
  success: boolean
  device: string
  place: string | null
}

export interface SessionsResult {
  signedOutCount: number
  errors: UserError[]
}

function stillOpen(accountId: string, clock: Clock) {
  const now = clock.now()
  return and(
    eq(sessionsTable.accountId, accountId),
    isNull(sessionsTable.revokedAt),
    gt(sessionsTable.expiresAt, now.toISOString()),
    gt(sessionsTable.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString()),
  )
}

/** Ends the account's open sessions but `keepSessionId` (all of them when null); how many were ended. */
export function revokeSessionsOf(db: Queryable, clock: Clock, accountId: string, keepSessionId: string | null): number {
  const where = keepSessionId ? and(stillOpen(accountId, clock), ne(sessionsTable.id, keepSessionId)) : stillOpen(accountId, clock)
  return db.update(sessionsTable).set({ revokedAt: clock.now().toISOString() }).where(where).returning({ id: sessionsTable.id }).all().length
}

/** The member's open sessions (devices signed in now), most recently used first, this one marked. */
export function listActiveSessions(ctx: Context): ActiveSessionView[] {
  const viewer = requireMember(ctx.viewer)
  return ctx.db.select().from(sessionsTable)
    .where(stillOpen(viewer.accountId, ctx.clock))
    .orderBy(desc(sessionsTable.lastSeenAt), desc(sessionsTable.createdAt))
    .limit(MAX_SESSIONS)
    .all()
    .map(s => ({
      id: s.id,
      device: describeDevice(s.userAgent),
      place: ipPrefix(s.ip),
      signedInAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === viewer.sessionId,
    }))
}

/** The last ten sign-ins of the member's account, failed ones included, newest first (from the audit trail). */
export function listRecentSignIns(ctx: Context): SignInView[] {
  const viewer = requireMember(ctx.viewer)
  return ctx.db.select().from(auditEventsTable)
    .where(and(eq(auditEventsTable.actorAccountId, viewer.accountId), eq(auditEventsTable.action, 'SIGN_IN')))
    .orderBy(desc(auditEventsTable.at))
    .limit(RECENT_SIGN_INS)
    .all()
    .map(e => ({ at: e.at, success: e.outcome === 'SUCCESS', device: describeDevice(e.userAgent), place: ipPrefix(e.ip) }))
}

/**
 * « Se déconnecter de cet appareil »: ends one of the member's sessions. Another account's session,
 * or one already ended, reads as not found. Ending the current one also clears this browser's cookie.
 */
export function signOutSession(ctx: Context, sessionId: string): SessionsResult {
  const viewer = requireMember(ctx.viewer)
  const now = ctx.clock.now().toISOString()
  const ended = ctx.db.transaction((tx) => {
    const n = tx.update(sessionsTable).set({ revokedAt: now })
      .where(and(stillOpen(viewer.accountId, ctx.clock), eq(sessionsTable.id, sessionId)))
      .returning({ id: sessionsTable.id }).all().length
    if (n)
      recordAudit(tx, { at: now, action: 'SESSION_ENDED', actorAccountId: viewer.accountId, actorRole: 'MEMBER', memberId: viewer.memberId, outcome: 'SUCCESS', ...requestMeta(ctx), details: { current: sessionId === viewer.sessionId } })
    return n
  })
  if (!ended)
    return { signedOutCount: 0, errors: [userError('sessionId', 'NOT_FOUND', 'Cette session est introuvable ou déjà terminée.')] }
  if (sessionId === viewer.sessionId)
    ctx.sessionCookie.clear()
  return { signedOutCount: 1, errors: [] }
}

/** « Se déconnecter des autres appareils »: ends every session of the account but this one. */
export function signOutOtherSessions(ctx: Context): SessionsResult {
  const viewer = requireMember(ctx.viewer)
  const now = ctx.clock.now().toISOString()
  const signedOutCount = ctx.db.transaction((tx) => {
    const n = revokeSessionsOf(tx, ctx.clock, viewer.accountId, viewer.sessionId)
    recordAudit(tx, { at: now, action: 'OTHER_SESSIONS_ENDED', actorAccountId: viewer.accountId, actorRole: 'MEMBER', memberId: viewer.memberId, outcome: 'SUCCESS', ...requestMeta(ctx), details: { count: n } })
    return n
  })
  return { signedOutCount, errors: [] }
}

/** When the signed-in member's password was last set. */
export function passwordChangedAt(ctx: Context): string | null {
  const viewer = ctx.viewer
  if (viewer?.role !== 'MEMBER')
    return null
  return ctx.db.select({ at: accountsTable.passwordChangedAt }).from(accountsTable).where(eq(accountsTable.id, viewer.accountId)).get()?.at ?? null
}
