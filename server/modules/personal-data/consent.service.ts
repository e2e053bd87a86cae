import type { Context } from '../../context.ts'
import type { ConsentKind } from '../../db/schema/index.ts'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { nowIso } from '../../core/clock.ts'
import { requireMember } from '../../core/viewer.ts'
import { CONSENT_KINDS, consentsTable, membersTable } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'

export interface ConsentView { kind: ConsentKind, granted: boolean, grantedAt: string | null, withdrawnAt: string | null }

/** Each consent as it stands: its latest period, with the day it was given and, if so, withdrawn. */
export function listConsents(ctx: Pick<Context, 'db' | 'viewer'>): ConsentView[] {
  const { memberId } = requireMember(ctx.viewer)
  return CONSENT_KINDS.map((kind) => {
    const last = ctx.db.select().from(consentsTable).where(and(eq(consentsTable.memberId, memberId), eq(consentsTable.kind, kind)))
      .orderBy(desc(consentsTable.grantedAt)).get()
    return { kind, granted: !!last && !last.withdrawnAt, grantedAt: last?.grantedAt ?? null, withdrawnAt: last?.withdrawnAt ?? null }
  })
}

/**
 * Gives or withdraws a consent: giving opens a new period, withdrawing closes the open one; asking
 * for the state it is already in changes nothing. « Zéro papier » also drives the member's
 * paperless flag, which the mailing of paper documents reads.
 */
export function setConsent(ctx: Context, kind: ConsentKind, granted: boolean): ConsentView {
  const viewer = requireMember(ctx.viewer)
  const now = nowIso(ctx.clock)
  ctx.db.transaction((tx) => {
    const open = tx.select().from(consentsTable).where(and(eq(consentsTable.memberId, viewer.memberId), eq(consentsTable.kind, kind), isNull(consentsTable.withdrawnAt))).get()
    if (granted === !!open)
      return
    if (granted)
      tx.insert(consentsTable).values({ memberId: viewer.memberId, kind, grantedAt: now }).run()
    else
      tx.update(consentsTable).set({ withdrawnAt: now }).where(eq(consentsTable.id, open!.id)).run()
    if (kind === 'PAPERLESS')
      tx.update(membersTable).set({ paperless: granted }).where(eq(membersTable.id, viewer.memberId)).run()
    recordAudit(tx, { at: now, action: granted ? 'CONSENT_GIVEN' : 'CONSENT_WITHDRAWN', actorAccountId: viewer.accountId, actorRole: 'MEMBER', memberId: viewer.memberId, outcome: 'SUCCESS', ...requestMeta(ctx), details: { kind } })
  }, { behavior: 'immediate' })
  return listConsents(ctx).find(c => c.kind === kind)!
}
