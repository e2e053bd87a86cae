import type { Clock } from '../../core/clock.ts'
import type { Db, Queryable } from '../../db/client.ts'
import { eq, inArray, lt, sql } from 'drizzle-orm'
import { hashToken, randomToken } from '../../core/tokens.ts'
import { signInThrottlesTable, trustedDevicesTable } from '../../db/schema/index.ts'

/**
 * Progressive delays instead of a lock: after a key's free failures, each further failure makes
 * the next attempt wait twice as long, up to a ceiling. Attempts refused during a wait do not
 * lengthen it, so an attacker cannot keep an owner out for longer than the ceiling by hammering;
 * and a browser that signed in to the account before is throttled on its own failures only.
 */
interface Rule { free: number, maxDelayMs: number, forgetMs: number }

/** Per e-mail typed, known or unknown alike, so the answers reveal nothing about accounts. */
export const EMAIL_RULE: Rule = { free: 5, maxDelayMs: 15 * 60_000, forgetMs: 24 * 3600_000 }
/** Per client address: many e-mails tried from one place; room for an office behind one NAT. */
export const IP_RULE: Rule = { free: 20, maxDelayMs: 5 * 60_000, forgetMs: 3600_000 }
/** Per trusted browser: its owner's own typos. */
export const DEVICE_RULE: Rule = EMAIL_RULE

/** Failures of an account recorded one by one; after that, one audit event per window. */
export const AUDITED_FAILURES = EMAIL_RULE.free
export const AUDIT_WINDOW_MS = 15 * 60_000

const TRUSTED_DEVICE_DAYS = 365

export function delayMs(rule: Rule, failures: number): number {
  return failures < rule.free ? 0 : Math.min(1000 * 2 ** (failures - rule.free), rule.maxDelayMs)
}

type ThrottleRow = typeof signInThrottlesTable.$inferSelect
export interface ThrottleKey { key: string, rule: Rule }

export const emailKey = (email: string): ThrottleKey => ({ key: `email:${hashToken(email)}`, rule: EMAIL_RULE })
export const ipKey = (ip: string): ThrottleKey => ({ key: `ip:${ip}`, rule: IP_RULE })
export const deviceKey = (token: string): ThrottleKey => ({ key: `device:${hashToken(token)}`, rule: DEVICE_RULE })

export type Admission =
  | { admitted: true }
  | { admitted: false, row: ThrottleRow }

/**
 * Decides, before any password is checked, whether this attempt may go on, and counts it as a
 * failure at once (one synchronous IMMEDIATE transaction: parallel attempts are counted one after
 * the other). A refused attempt changes nothing: hammering does not lengthen the wait.
 */
export function admitAttempt(db: Db, clock: Clock, keys: ThrottleKey[]): Admission {
  const now = clock.now()
  const at = now.toISOString()
  return db.transaction((tx) => {
    // rows nobody failed on for a day are forgotten: the table holds only recent attackers
    tx.delete(signInThrottlesTable).where(lt(signInThrottlesTable.lastFailureAt, new Date(now.getTime() - EMAIL_RULE.forgetMs).toISOString())).run()
    const rows = new Map(tx.select().from(signInThrottlesTable).where(inArray(signInThrottlesTable.key, keys.map(k => k.key))).all().map(r => [r.key, r]))
    const live = (k: ThrottleKey) => {
      const row = rows.get(k.key)
      return row && now.getTime() - Date.parse(row.lastFailureAt) < k.rule.forgetMs ? row : undefined
    }
    const waiting = keys.map(live).find(row => row && at < row.nextAttemptAt)
    if (waiting)
      return { admitted: false as const, row: waiting }
    for (const k of keys) {
      const failures = (live(k)?.failures ?? 0) + 1
      const next = new Date(now.getTime() + delayMs(k.rule, failures)).toISOString()
      tx.insert(signInThrottlesTable).values({ key: k.key, failures, lastFailureAt: at, nextAttemptAt: next, unaudited: 0 })
        .onConflictDoUpdate({ target: signInThrottlesTable.key, set: { failures, lastFailureAt: at, nextAttemptAt: next } })
        .run()
    }
    return { admitted: true as const }
  }, { behavior: 'immediate' })
}

/** The right password: the attempt was not a failure after all. */
export function forgiveAttempt(db: Queryable, keys: ThrottleKey[]): void {
  const [own, ...shared] = keys
  // the e-mail (or browser) starts afresh; an address shared with others only gets this one back
  if (own)
    db.delete(signInThrottlesTable).where(eq(signInThrottlesTable.key, own.key)).run()
  for (const k of shared)
    db.update(signInThrottlesTable).set({ failures: sql`max(${signInThrottlesTable.failures} - 1, 0)` }).where(eq(signInThrottlesTable.key, k.key)).run()
}

/** After a password reset by e-mail link: the e-mail's delay goes (the address's stays). */
export function forgetEmailThrottle(db: Queryable, email: string): void {
  db.delete(signInThrottlesTable).where(eq(signInThrottlesTable.key, emailKey(email).key)).run()
}

/**
 * Whether this failure of a known account goes into the audit trail now: the first ones each,
 * then one event per window that says how many attempts it stands for. Returns that number, or
 * null to stay silent (the attempt is counted for the next event).
 */
export function takeAuditSlot(db: Queryable, clock: Clock, key: ThrottleKey, checked: boolean): number | null {
  const row = db.select().from(signInThrottlesTable).where(eq(signInThrottlesTable.key, key.key)).get()
  if (!row)
    return 1
  const now = clock.now()
  // a refused attempt leaves the count as it is: only checked ones may be recorded one by one
  const due = (checked && row.failures <= AUDITED_FAILURES) || !row.lastAuditAt || now.getTime() - Date.parse(row.lastAuditAt) >= AUDIT_WINDOW_MS
  if (!due) {
    db.update(signInThrottlesTable).set({ unaudited: row.unaudited + 1 }).where(eq(signInThrottlesTable.key, key.key)).run()
    return null
  }
  db.update(signInThrottlesTable).set({ unaudited: 0, lastAuditAt: now.toISOString() }).where(eq(signInThrottlesTable.key, key.key)).run()
  return row.unaudited + 1
}

/** The account a trusted-browser token belongs to, or null. */
export function trustedDeviceAccount(db: Db, token: string | null): string | null {
  if (!token || token.length > 100)
    return null
  return db.select({ accountId: trustedDevicesTable.accountId }).from(trustedDevicesTable).where(eq(trustedDevicesTable.tokenHash, hashToken(token))).get()?.accountId ?? null
}

/** After a successful sign-in: the browser's token, kept or newly issued (null: keep the cookie as it is). */
export function trustDevice(db: Queryable, clock: Clock, accountId: string, presented: string | null, presentedIsTrusted: boolean): string | null {
  const at = clock.now().toISOString()
  if (presented && presentedIsTrusted) {
    db.update(trustedDevicesTable).set({ lastUsedAt: at }).where(eq(trustedDevicesTable.tokenHash, hashToken(presented))).run()
    return null
  }
  // a browser unused for a year is trusted no more
  db.delete(trustedDevicesTable).where(lt(trustedDevicesTable.lastUsedAt, new Date(clock.now().getTime() - TRUSTED_DEVICE_DAYS * 86_400_000).toISOString())).run()
  const token = randomToken()
  db.insert(trustedDevicesTable).values({ tokenHash: hashToken(token), accountId, createdAt: at, lastUsedAt: at }).run()
  return token
}

export const TRUSTED_DEVICE_MAX_AGE_MS = TRUSTED_DEVICE_DAYS * 86_400_000
