import type { Clock } from '../../core/clock.ts'
import type { Viewer } from '../../core/viewer.ts'
import type { Db, Queryable } from '../../db/client.ts'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { hashToken, randomToken } from '../../core/tokens.ts'
import { prepared } from '../../db/prepared.ts'
import { accountsTable, sessionsTable } from '../../db/schema/index.ts'

/** A health portal: short idle timeout, and a working day at most whatever the activity. */
export const IDLE_TIMEOUT_MS = 15 * 60_000
export const ABSOLUTE_TIMEOUT_MS = 8 * 3600_000
// writing last_seen_at on every request would turn each read into a write
const TOUCH_INTERVAL_MS = 60_000

export function createSession(db: Queryable, clock: Clock, accountId: string, meta: { ip: string | null, userAgent: string | null }): string {
  const token = randomToken()
  const now = clock.now()
  db.insert(sessionsTable).values({
    tokenHash: hashToken(token),
    accountId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    reauthenticatedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
    ip: meta.ip,
    userAgent: meta.userAgent,
  }).run()
  return token
}

/** The viewer of a session token, or null when unknown, revoked, idle too long or expired. */
export function viewerFromSession(db: Db, clock: Clock, token: string): Viewer | null {
  // every request runs it: prepared once, and reading only what decides (not the password's hash)
  const row = prepared(db, 'session.viewer', () => db.select({
    session: { id: sessionsTable.id, expiresAt: sessionsTable.expiresAt, lastSeenAt: sessionsTable.lastSeenAt },
    account: { id: accountsTable.id, role: accountsTable.role, memberId: accountsTable.memberId, displayName: accountsTable.displayName },
  })
    .from(sessionsTable)
    .innerJoin(accountsTable, eq(accountsTable.id, sessionsTable.accountId))
    .where(and(eq(sessionsTable.tokenHash, sql.placeholder('tokenHash')), isNull(sessionsTable.revokedAt)))
    .prepare()).get({ tokenHash: hashToken(token) })
  if (!row)
    return null
  const now = clock.now().getTime()
  const { session, account } = row
  if (now >= Date.parse(session.expiresAt) || now - Date.parse(session.lastSeenAt) >= IDLE_TIMEOUT_MS)
    return null
  if (now - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS)
    db.update(sessionsTable).set({ lastSeenAt: new Date(now).toISOString() }).where(eq(sessionsTable.id, session.id)).run()
  if (account.role === 'MEMBER' && account.memberId)
    return { role: 'MEMBER', accountId: account.id, memberId: account.memberId, sessionId: session.id, displayName: account.displayName }
  if (account.role === 'ADVISOR')
    return { role: 'ADVISOR', accountId: account.id, sessionId: session.id, displayName: account.displayName }
  return null
}

export function revokeSession(db: Queryable, clock: Clock, sessionId: string): void {
  db.update(sessionsTable).set({ revokedAt: clock.now().toISOString() }).where(eq(sessionsTable.id, sessionId)).run()
}

