import type { Context } from '../../context.ts'
import type { Clock } from '../../core/clock.ts'
import type { Db, Queryable } from '../../db/client.ts'
import { and, desc, eq, gte, inArray, isNull, lte, max, sql } from 'drizzle-orm'
import { GraphQLError } from 'graphql'
import { addDays, nowIso, today as todayOf } from '../../core/clock.ts'
import { dayInFrance, isIsoDate } from '../../core/calendar.ts'
import { forbidden } from '../../core/errors.ts'
import { normaliseLineText } from '../../core/text.ts'
import { hashToken, randomToken } from '../../core/tokens.ts'
import { partnerTokensTable as t, partnerTokenUsageTable as u } from '../../db/schema/index.ts'
import { recordAudit } from '../audit/audit.service.ts'

/** What a partner token may be given; each scope opens its own root fields (see README). */
export const PARTNER_SCOPES = {
  'coverage:read': 'Vérifier les droits au tiers payant d\'une carte (coverageCheck, FHIR CoverageEligibilityRequest).',
  'pec:write': 'Demander une prise en charge sur devis et en suivre la réponse (requestCoverageAgreement, coverageAgreement).',
} as const
export type PartnerScope = keyof typeof PARTNER_SCOPES

export const PARTNER_TOKEN_PATTERN = /^ptk_[\w-]{32,}$/

export type TokenRefusal = 'TOKEN_INVALID' | 'TOKEN_REVOKED' | 'TOKEN_EXPIRED'

export type PartnerViewer = { role: 'PARTNER', tokenId: string, scopes: string[], displayName: string }

/** The first instant of a French calendar day (midnight in Paris, summer or winter time). */
function startOfFrenchDay(day: string): string {
  for (const hour of ['22', '23']) {
    const at = new Date(`${addDays(day, -1)}T${hour}:00:00.000Z`)
    if (dayInFrance(at) === day && dayInFrance(new Date(at.getTime() - 1)) !== day)
      return at.toISOString()
  }
  return new Date(`${day}T00:00:00.000Z`).toISOString()
}

/**
 * Who a bearer token is, or why it is refused. A revoked or expired token says so (its holder
 * knows the token already, so the reason tells nobody anything new); anything else is invalid.
 */
export function authenticatePartnerToken(db: Queryable, clock: Clock, token: string): PartnerViewer | TokenRefusal {
  if (!PARTNER_TOKEN_PATTERN.test(token))
    return 'TOKEN_INVALID'
  const row = db.select().from(t).where(eq(t.tokenHash, hashToken(token))).get()
  if (!row)
    return 'TOKEN_INVALID'
  if (row.revokedAt)
    return 'TOKEN_REVOKED'
  if (row.expiresAt && clock.now().getTime() >= Date.parse(row.expiresAt))
    return 'TOKEN_EXPIRED'
  return { role: 'PARTNER', tokenId: row.id, scopes: row.scopes, displayName: row.name }
}

/** One upsert per admitted call: the day's counter and the last use. */
export function recordPartnerCall(db: Queryable, clock: Clock, tokenId: string): void {
  const at = nowIso(clock)
  db.insert(u).values({ tokenId, day: todayOf(clock), calls: 1, lastCallAt: at })
    .onConflictDoUpdate({ target: [u.tokenId, u.day], set: { calls: sql`${u.calls} + 1`, lastCallAt: at } })
    .run()
}

export interface NewPartnerToken { name: string, scopes: string[], expires?: string | null }

/**
 * A new token for a partner, from the command line (`npm run partner -- create`). The token is
 * returned once, to be printed; only its SHA-256 is kept. Plain French errors for the terminal.
 */
export function createPartnerToken(db: Db, clock: Clock, input: NewPartnerToken): { id: string, token: string, expiresAt: string | null } | { errors: string[] } {
  const errors: string[] = []
  const name = normaliseLineText(input.name)
  if (!name)
    errors.push('Donnez le nom du partenaire (--name), par exemple «\u00a0Optique du Centre\u00a0».')
  else if (name.length > 100)
    errors.push('Le nom du partenaire ne doit pas dépasser 100 caractères.')
  const scopes = [...new Set(input.scopes.map(s => s.trim()))]
  if (!scopes.length)
    errors.push(`Donnez au moins une portée (--scope)\u00a0: ${Object.keys(PARTNER_SCOPES).join(', ')}.`)
  for (const scope of scopes.filter(s => !(s in PARTNER_SCOPES)))
    errors.push(`Portée inconnue\u00a0: «\u00a0${scope}\u00a0». Portées possibles\u00a0: ${Object.keys(PARTNER_SCOPES).join(', ')}.`)
  let expiresAt: string | null = null
  if (input.expires != null) {
    if (!isIsoDate(input.expires))
      errors.push(`La date d'expiration (--expires) s'écrit AAAA-MM-JJ, par exemple ${todayOf(clock).slice(0, 4)}-12-31.`)
    else if (input.expires < todayOf(clock))
      errors.push('La date d\'expiration est passée.')
    else
      // valid through the whole day given
      expiresAt = startOfFrenchDay(addDays(input.expires, 1))
  }
  if (errors.length)
    return { errors }
  const token = randomToken('ptk_')
  const at = nowIso(clock)
  return db.transaction((tx) => {
    const row = tx.insert(t).values({ name, tokenHash: hashToken(token), scopes, createdAt: at, expiresAt }).returning({ id: t.id }).get()
    recordAudit(tx, { at, action: 'PARTNER_TOKEN_CREATED', actorAccountId: null, actorRole: 'SYSTEM', memberId: null, outcome: 'SUCCESS', ip: null, userAgent: null, details: { tokenId: row.id, name, scopes } })
    return { id: row.id, token, expiresAt }
  })
}

export interface PartnerTokenSummary {
  id: string
  name: string
  scopes: string[]
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

/** Every token, newest first, with its last use (from the daily counters). */
export function listPartnerTokens(db: Queryable): PartnerTokenSummary[] {
  const tokens = db.select().from(t).orderBy(desc(t.createdAt), desc(t.id)).all()
  const lastUse = new Map(tokens.length
    ? db.select({ tokenId: u.tokenId, last: max(u.lastCallAt) }).from(u).where(inArray(u.tokenId, tokens.map(k => k.id))).groupBy(u.tokenId).all().map(r => [r.tokenId, r.last])
    : [])
  return tokens.map(k => ({ id: k.id, name: k.name, scopes: k.scopes, createdAt: k.createdAt, lastUsedAt: lastUse.get(k.id) ?? null, expiresAt: k.expiresAt, revokedAt: k.revokedAt }))
}

/** Ends a token at once: the next request carrying it is refused with TOKEN_REVOKED. */
export function revokePartnerToken(db: Db, clock: Clock, id: string): { revoked: true, name: string } | { errors: string[] } {
  const at = nowIso(clock)
  return db.transaction((tx) => {
    const row = tx.select().from(t).where(eq(t.id, id)).get()
    if (!row)
      return { errors: [`Aucun jeton n'a l'identifiant «\u00a0${id}\u00a0» (voir npm run partner -- list).`] }
    if (row.revokedAt)
      return { errors: [`Le jeton «\u00a0${row.name}\u00a0» est déjà révoqué depuis le ${row.revokedAt}.`] }
    tx.update(t).set({ revokedAt: at }).where(and(eq(t.id, id), isNull(t.revokedAt))).run()
    recordAudit(tx, { at, action: 'PARTNER_TOKEN_REVOKED', actorAccountId: null, actorRole: 'SYSTEM', memberId: null, outcome: 'SUCCESS', ip: null, userAgent: null, details: { tokenId: id, name: row.name } })
    return { revoked: true as const, name: row.name }
  })
}

/** Days a partner may read its usage over at once. */
export const USAGE_MAX_DAYS = 92

export interface PartnerUsageValue {
  name: string
  scopes: string[]
  createdAt: string
  expiresAt: string | null
  from: string
  to: string
  totalCalls: number
  days: { day: string, calls: number }[]
}

/**
 * The calling token's own counters between two days (the last 30 days by default), days without
 * calls left out. Nothing about members: a partner reads only its own traffic.
 */
export function partnerUsageOf(ctx: Context, from?: string | null, to?: string | null): PartnerUsageValue {
  const viewer = ctx.viewer
  if (viewer?.role !== 'PARTNER')
    throw forbidden()
  const last = to ?? todayOf(ctx.clock)
  const first = from ?? addDays(last, -29)
  if (first > last)
    throw new GraphQLError('La date de début (from) doit précéder la date de fin (to).', { extensions: { code: 'BAD_USER_INPUT' } })
  if (addDays(first, USAGE_MAX_DAYS - 1) < last)
    throw new GraphQLError(`Demandez au plus ${USAGE_MAX_DAYS} jours à la fois.`, { extensions: { code: 'BAD_USER_INPUT' } })
  const token = ctx.db.select().from(t).where(eq(t.id, viewer.tokenId)).get()!
  const days = ctx.db.select({ day: u.day, calls: u.calls }).from(u)
    .where(and(eq(u.tokenId, viewer.tokenId), gte(u.day, first), lte(u.day, last)))
    .orderBy(u.day)
    .all()
  return { name: token.name, scopes: token.scopes, createdAt: token.createdAt, expiresAt: token.expiresAt, from: first, to: last, totalCalls: days.reduce((n, d) => n + d.calls, 0), days }
}
