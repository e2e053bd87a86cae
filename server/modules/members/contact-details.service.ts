import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { MemberRow } from '../../core/loaders.ts'
import type { Queryable } from '../../db/client.ts'
import type { CheckedAddress } from './contact-details.rules.ts'
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm'
import { userError } from '../../core/errors.ts'
import { hashToken, randomToken } from '../../core/tokens.ts'
import { requireMember } from '../../core/viewer.ts'
import { accountsTable, emailChangeRequestsTable as changes, membersTable } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { reauthenticate } from '../auth/reauthentication.ts'
import { deliverPendingNotifications, portalLink, recordNotification } from '../mail/mail.service.ts'
import { checkAddress, checkEmail, checkPhone } from './contact-details.rules.ts'

/** A new e-mail must be confirmed within 24 hours, through the link sent to it. */
export const EMAIL_LINK_HOURS = 24
/** The SPA page the confirmation link opens. */
export const CONFIRM_EMAIL_PATH = '/confirmer-adresse-email'

export interface ContactDetailsInputFields {
  currentPassword: string
  email?: string | null
  phone?: string | null
  address?: { line1: string, line2?: string | null, postalCode: string, city: string, country: string } | null
}

export interface PendingEmailChange {
  email: string
  expiresAt: string
}

export interface ContactDetailsResult {
  member: MemberRow | null
  pendingEmailChange: PendingEmailChange | null
  errors: UserError[]
}

// the form's order, so the first error shown is the first field to fix
const FIELD_ORDER = ['email', 'phone', 'address.line1', 'address.line2', 'address.postalCode', 'address.city', 'address.country', 'currentPassword']
function byField(errors: UserError[]): UserError[] {
  const rank = (e: UserError) => (e.field ? FIELD_ORDER.indexOf(e.field) : -1)
  return [...errors].sort((a, b) => rank(a) - rank(b))
}

/** b•••@example.org: enough for the owner to recognise an address, little for anyone else. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}

function emailTaken(db: Queryable, email: string, accountId: string): boolean {
  return !!db.select({ id: accountsTable.id }).from(accountsTable).where(and(eq(accountsTable.email, email), ne(accountsTable.id, accountId))).get()
}

const TAKEN = () => userError('email', 'EMAIL_TAKEN', 'Cette adresse e-mail est déjà celle d\'un autre compte. Choisissez-en une autre.')

/** The new e-mail waiting for its link to be followed, if any. */
export function pendingEmailChange(ctx: { db: Queryable, clock: Context['clock'] }, memberId: string): PendingEmailChange | null {
  const row = ctx.db.select({ email: changes.newEmail, expiresAt: changes.expiresAt }).from(changes)
    .where(and(eq(changes.memberId, memberId), isNull(changes.confirmedAt), isNull(changes.cancelledAt), gt(changes.expiresAt, ctx.clock.now().toISOString())))
    .orderBy(desc(changes.requestedAt)).get()
  return row ?? null
}

function sameAddress(member: MemberRow, a: CheckedAddress): boolean {
  return member.addressLine1 === a.line1 && (member.addressLine2 ?? null) === a.line2 && member.postalCode === a.postalCode
    && member.city === a.city && member.country === a.country
}

/**
 * « Mes coordonnées »: postal address and phone change at once; a new e-mail only when the link
 * sent to it is followed (the current address is told). Confirmed with the current password;
 * each change audited and announced by e-mail. Bad input changes nothing.
 */
export async function updateContactDetails(ctx: Context, input: ContactDetailsInputFields): Promise<ContactDetailsResult> {
  const viewer = requireMember(ctx.viewer)
  const errors: UserError[] = []
  const email = input.email != null ? checkEmail(input.email) : null
  const phone = input.phone != null ? checkPhone(input.phone) : null
  const address = input.address ? checkAddress(input.address) : null
  errors.push(...email?.errors ?? [], ...phone?.errors ?? [], ...address?.errors ?? [])
  const wrong = await reauthenticate(ctx, viewer, input.currentPassword)
  if (wrong)
    errors.push(wrong)
  if (errors.length)
    return { member: null, pendingEmailChange: null, errors: byField(errors) }

  const now = ctx.clock.now()
  const result = ctx.db.transaction((tx): ContactDetailsResult => {
    const member = tx.select().from(membersTable).where(eq(membersTable.id, viewer.memberId)).get()!
    const newEmail = email?.email && email.email !== member.email ? email.email : null
    if (newEmail && emailTaken(tx, newEmail, viewer.accountId))
      return { member: null, pendingEmailChange: null, errors: [TAKEN()] }
    const changed: Record<string, unknown> = {}
    if (phone && phone.phone !== member.phone)
      changed.phone = phone.phone
    if (address?.address && !sameAddress(member, address.address)) {
      const a = address.address
      Object.assign(changed, { addressLine1: a.line1, addressLine2: a.line2, postalCode: a.postalCode, city: a.city, country: a.country })
    }
    const fields = [...('phone' in changed ? ['PHONE'] : []), ...('city' in changed ? ['ADDRESS'] : [])]
    if (!fields.length && !newEmail)
      return { member: null, pendingEmailChange: null, errors: [userError(null, 'NOTHING_TO_CHANGE', 'Vos coordonnées sont déjà celles-ci\u00a0: rien n\'a été modifié.')] }

    const meta = { actorAccountId: viewer.accountId, actorRole: 'MEMBER' as const, memberId: viewer.memberId, outcome: 'SUCCESS' as const, ...requestMeta(ctx) }
    if (fields.length) {
      tx.update(membersTable).set(changed).where(eq(membersTable.id, viewer.memberId)).run()
      recordAudit(tx, { at: now.toISOString(), action: 'CONTACT_DETAILS_CHANGED', ...meta, details: { fields } })
      const what = fields.map(f => (f === 'PHONE' ? 'votre numéro de téléphone' : 'votre adresse postale')).join(' et ')
      recordNotification(tx, ctx.clock, {
        memberId: viewer.memberId,
        to: member.email,
        subject: 'Vos coordonnées ont été modifiées',
        text: [
          `Bonjour ${member.firstName},`,
          '',
          `Vous venez de modifier ${what} dans votre espace adhérent.`,
          '',
          'Si vous n\'êtes pas à l\'origine de ce changement, changez votre mot de passe et contactez votre mutuelle.',
          portalLink(ctx.config, '/mon-compte'),
        ].join('\n'),
      })
    }
    if (newEmail) {
      const token = randomToken()
      const expiresAt = new Date(now.getTime() + EMAIL_LINK_HOURS * 3600_000).toISOString()
      tx.update(changes).set({ cancelledAt: now.toISOString() }).where(and(eq(changes.accountId, viewer.accountId), isNull(changes.confirmedAt), isNull(changes.cancelledAt))).run()
      tx.insert(changes).values({ accountId: viewer.accountId, memberId: viewer.memberId, newEmail, tokenHash: hashToken(token), requestedAt: now.toISOString(), expiresAt }).run()
      recordAudit(tx, { at: now.toISOString(), action: 'EMAIL_CHANGE_REQUESTED', ...meta })
      recordNotification(tx, ctx.clock, {
        memberId: viewer.memberId,
        to: newEmail,
        subject: 'Confirmez votre nouvelle adresse e-mail',
        text: [
          `Bonjour ${member.firstName},`,
          '',
          'Pour que cette adresse devienne celle de votre espace adhérent (et votre identifiant de connexion), suivez ce lien\u00a0:',
          portalLink(ctx.config, `${CONFIRM_EMAIL_PATH}?jeton=${token}`),
          '',
          `Il fonctionne une seule fois, pendant ${EMAIL_LINK_HOURS} heures. Sans cela, votre adresse actuelle reste en place.`,
        ].join('\n'),
      })
      recordNotification(tx, ctx.clock, {
        memberId: viewer.memberId,
        to: member.email,
        subject: 'Demande de changement de votre adresse e-mail',
        text: [
          `Bonjour ${member.firstName},`,
          '',
          `Un changement de l'adresse e-mail de votre espace adhérent vers ${maskEmail(newEmail)} a été demandé. Il prendra effet quand le lien envoyé à cette nouvelle adresse sera suivi.`,
          '',
          'Si vous n\'êtes pas à l\'origine de cette demande, changez votre mot de passe sans attendre et contactez votre mutuelle.',
        ].join('\n'),
      })
    }
    const updated = tx.select().from(membersTable).where(eq(membersTable.id, viewer.memberId)).get()!
    return { member: updated, pendingEmailChange: pendingEmailChange({ db: tx, clock: ctx.clock }, viewer.memberId), errors: [] }
  }, { behavior: 'immediate' })
  if (!result.errors.length)
    await deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock)
  return result
}

/**
 * The link sent to a new e-mail: it becomes the member's contact address and sign-in identifier.
 * Works signed out (the mail may be read on another device): the token is the proof.
 */
export async function confirmEmailChange(ctx: Context, token: string): Promise<{ email: string | null, errors: UserError[] }> {
  const now = ctx.clock.now().toISOString()
  const result = ctx.db.transaction((tx) => {
    const request = token && token.length <= 100 ? tx.select().from(changes).where(eq(changes.tokenHash, hashToken(token))).get() : undefined
    if (!request)
      return { email: null, errors: [userError('token', 'LINK_INVALID', 'Ce lien n\'est pas valable. Vérifiez qu\'il est complet.')] }
    if (request.confirmedAt || request.cancelledAt)
      return { email: null, errors: [userError('token', 'LINK_USED', 'Ce lien a déjà servi ou a été remplacé par une demande plus récente.')] }
    if (now >= request.expiresAt)
      return { email: null, errors: [userError('token', 'LINK_EXPIRED', `Ce lien a expiré\u00a0: il n'est valable que ${EMAIL_LINK_HOURS} heures. Refaites la modification depuis «\u00a0Mes coordonnées\u00a0».`)] }
    if (emailTaken(tx, request.newEmail, request.accountId))
      return { email: null, errors: [userError('token', 'EMAIL_TAKEN', 'Cette adresse e-mail est devenue celle d\'un autre compte entre-temps\u00a0: elle ne peut pas être la vôtre.')] }
    const member = tx.select().from(membersTable).where(eq(membersTable.id, request.memberId)).get()!
    const previous = member.email
    tx.update(changes).set({ confirmedAt: now }).where(eq(changes.id, request.id)).run()
    tx.update(membersTable).set({ email: request.newEmail }).where(eq(membersTable.id, request.memberId)).run()
    tx.update(accountsTable).set({ email: request.newEmail }).where(eq(accountsTable.id, request.accountId)).run()
    // previousEmail: a RIB change in the next 30 days is also notified there (bank-account-change.service.ts)
    recordAudit(tx, { at: now, action: 'EMAIL_CHANGED', actorAccountId: request.accountId, actorRole: ctx.viewer?.role === 'MEMBER' ? 'MEMBER' : 'ANONYMOUS', memberId: request.memberId, outcome: 'SUCCESS', ...requestMeta(ctx), details: { previousEmail: previous } })
    recordNotification(tx, ctx.clock, {
      memberId: request.memberId,
      to: previous,
      subject: 'Votre adresse e-mail a été changée',
      text: [
        `Bonjour ${member.firstName},`,
        '',
        `L'adresse e-mail de votre espace adhérent est désormais ${maskEmail(request.newEmail)}. Cette adresse-ci ne recevra plus nos messages et ne permet plus de vous connecter.`,
        '',
        'Si vous n\'êtes pas à l\'origine de ce changement, contactez votre mutuelle sans attendre.',
      ].join('\n'),
    })
    recordNotification(tx, ctx.clock, {
      memberId: request.memberId,
      to: request.newEmail,
      subject: 'Votre nouvelle adresse e-mail est confirmée',
      text: [
        `Bonjour ${member.firstName},`,
        '',
        'Cette adresse est désormais celle de votre espace adhérent\u00a0: utilisez-la pour vous connecter.',
        portalLink(ctx.config, '/connexion'),
      ].join('\n'),
    })
    return { email: request.newEmail, errors: [] as UserError[] }
  }, { behavior: 'immediate' })
  if (!result.errors.length)
    await deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock)
  return result
}
