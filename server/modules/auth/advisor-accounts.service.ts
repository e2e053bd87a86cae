import type { Clock } from '../../core/clock.ts'
import type { Db } from '../../db/client.ts'
import { eq } from 'drizzle-orm'
import { nowIso } from '../../core/clock.ts'
import { hashPassword } from '../../core/passwords.ts'
import { normaliseLineText } from '../../core/text.ts'
import { accountsTable } from '../../db/schema/index.ts'
import { recordAudit } from '../audit/audit.service.ts'

/** An advisor reads many households: a longer password than members'. */
export const ADVISOR_MIN_PASSWORD_LENGTH = 12

export interface NewAdvisor { email: string, displayName: string, password: string }

/**
 * Creates an advisor account (the first one of a fresh installation, or the next ones), from the
 * command line: `npm run admin -- create-advisor` (server/scripts/admin.ts). Audited as SYSTEM.
 */
export async function createAdvisorAccount(db: Db, clock: Clock, input: NewAdvisor): Promise<{ accountId: string } | { errors: string[] }> {
  const email = input.email.trim().toLowerCase()
  const displayName = normaliseLineText(input.displayName)
  // not a GraphQL mutation: plain French messages for the operator's terminal
  const errors: string[] = []
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
    errors.push('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')
  else if (db.select({ id: accountsTable.id }).from(accountsTable).where(eq(accountsTable.email, email)).get())
    errors.push('Un compte utilise déjà cette adresse e-mail.')
  if (!displayName)
    errors.push('Saisissez le nom affiché du conseiller.')
  else if (displayName.length > 100)
    errors.push('Le nom affiché ne doit pas dépasser 100 caractères.')
  if (input.password.length < ADVISOR_MIN_PASSWORD_LENGTH)
    errors.push(`Le mot de passe d'un conseiller compte au moins ${ADVISOR_MIN_PASSWORD_LENGTH} caractères.`)
  else if (input.password.length > 1024)
    errors.push('Le mot de passe ne doit pas dépasser 1024 caractères.')
  if (errors.length)
    return { errors }
  const passwordHash = await hashPassword(input.password)
  const at = nowIso(clock)
  return db.transaction((tx) => {
    const { id } = tx.insert(accountsTable).values({ email, passwordHash, role: 'ADVISOR', memberId: null, displayName, passwordChangedAt: at, createdAt: at }).returning({ id: accountsTable.id }).get()
    recordAudit(tx, { at, action: 'ADVISOR_ACCOUNT_CREATED', actorAccountId: null, actorRole: 'SYSTEM', memberId: null, outcome: 'SUCCESS', ip: null, userAgent: null, details: { accountId: id } })
    return { accountId: id }
  })
}
