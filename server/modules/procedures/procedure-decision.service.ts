import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { Tx } from '../../db/client.ts'
import type { ProcedureStatus } from '../../db/schema/index.ts'
import type { ProcedureResult } from './reimbursement-request.service.ts'
import type { ProcedureRow } from './procedure.service.ts'
import { randomInt } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { addDays, nowIso, today as todayOf } from '../../core/clock.ts'
import { notFound, userError } from '../../core/errors.ts'
import { requireAdvisor } from '../../core/viewer.ts'
import { bankAccountsTable, beneficiariesTable, beneficiaryBankAccountsTable, procedureEventsTable, proceduresTable as p, reimbursementSharesTable, reimbursementsTable } from '../../db/schema/index.ts'
import { toProcedureTask } from '../advisor/advisor.service.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { normaliseMultilineText } from '../../core/text.ts'
import { CHANGE_RULES, decideReviewedChange } from '../bank-accounts/bank-account-change.service.ts'
import { commitCoverageAgreement } from '../coverage/coverage-agreement.service.ts'
import { deliverPendingNotifications } from '../mail/mail.service.ts'
import { acceptBeneficiaryAddition, acceptBeneficiaryRemoval } from '../beneficiaries/beneficiary-request.service.ts'
import { acceptDataRights } from '../personal-data/data-rights.service.ts'
import { applyOptionChange } from '../offers/commercial-journey.service.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'
import { CARE_REFERENCES } from '../reimbursements/engine.ts'
import { amountColumns, computeCare, shareRows } from '../reimbursements/reimbursement-calculation.ts'

export const DECISIONS = ['ACCEPT', 'REJECT', 'REQUEST_DOCUMENTS'] as const
export type Decision = typeof DECISIONS[number]

const NEXT_STATUS: Record<Decision, ProcedureStatus> = { ACCEPT: 'ACCEPTED', REJECT: 'REJECTED', REQUEST_DOCUMENTS: 'MISSING_DOCUMENTS' }
// a data export is built at once: it never waits for an advisor
const ACCEPTABLE_KINDS = new Set(['REIMBURSEMENT', 'QUOTE', 'BANK_DETAILS_CHANGE', 'BENEFICIARY_ADDITION', 'BENEFICIARY_REMOVAL', 'DATA_RIGHTS', 'COVERAGE_AGREEMENT', 'AFFILIATION'])
export const MAX_NOTE_LENGTH = 2000

function checkDecision(procedure: ProcedureRow, decision: Decision, note: string | null): UserError[] {
  if (procedure.status === 'ACCEPTED' || procedure.status === 'REJECTED')
    return [userError(null, 'ALREADY_DECIDED', 'Cette démarche a déjà été décidée.')]
  if (note && note.length > MAX_NOTE_LENGTH)
    return [userError('note', 'TOO_LONG', `La note ne doit pas dépasser ${MAX_NOTE_LENGTH} caractères.`)]
  if (decision !== 'ACCEPT' && !note) {
    return [userError('note', 'REQUIRED', decision === 'REJECT'
      ? 'Expliquez à l\'adhérent pourquoi sa demande est refusée.'
      : 'Indiquez à l\'adhérent les pièces à fournir.')]
  }
  if (decision === 'REQUEST_DOCUMENTS' && procedure.status === 'MISSING_DOCUMENTS')
    return [userError(null, 'ALREADY_WAITING', 'Des pièces sont déjà demandées à l\'adhérent.')]
  // a prise en charge is the professional's request: the member has no document to add to it
  if (decision === 'REQUEST_DOCUMENTS' && procedure.kind === 'COVERAGE_AGREEMENT')
    return [userError(null, 'UNSUPPORTED_KIND', 'Une prise en charge s\'accepte ou se refuse\u00a0: le professionnel peut en demander une nouvelle.')]
  if (decision === 'ACCEPT' && !ACCEPTABLE_KINDS.has(procedure.kind))
    return [userError(null, 'UNSUPPORTED_KIND', 'Cette démarche ne s\'accepte pas ici.')]
  return []
}

interface Paid {
  reimbursementId: string
  mutuelleCents: number
  paymentDate: string
  heldUntil: string | null
  /** The contracts that paid, when several could: named to the member. */
  byContract: { label: string, cents: number }[]
}

/**
 * The reimbursement of an accepted request, computed by the engine from the guarantees of every
 * covering contract. The first payment into an account is held 72 hours: a forged RIB change is
 * then caught before any money leaves.
 */
function payRequest(tx: Tx, procedure: ProcedureRow, today: string, now: string): Paid | UserError {
  const { beneficiaryId, careType, careDate, amountEurCents } = procedure
  const beneficiary = beneficiaryId ? tx.select().from(beneficiariesTable).where(eq(beneficiariesTable.id, beneficiaryId)).get() : undefined
  if (!beneficiary || !careType || !careDate || amountEurCents == null)
    return userError(null, 'INCOMPLETE_REQUEST', 'La demande est incomplète\u00a0: elle ne peut pas être remboursée.')
  const computed = computeCare(tx, {
    memberId: procedure.memberId,
    beneficiary,
    careType,
    careDate,
    expenseCents: amountEurCents,
    socialSecurityBaseCents: procedure.socialSecurityBaseCents,
    socialSecurityPaidCents: procedure.socialSecurityPaidCents,
  })
  if (!computed)
    return userError(null, 'NOT_COVERED', 'Aucun contrat ne couvrait ce bénéficiaire à la date des soins\u00a0: refusez la demande en l\'expliquant.')
  // the beneficiary's own reimbursement account, else the household's active one
  const assigned = tx.select({ id: beneficiaryBankAccountsTable.bankAccountId }).from(beneficiaryBankAccountsTable).where(eq(beneficiaryBankAccountsTable.beneficiaryId, beneficiary.id)).get()
  const fallback = assigned ?? tx.select({ id: bankAccountsTable.id }).from(bankAccountsTable)
    .where(and(eq(bankAccountsTable.memberId, procedure.memberId), eq(bankAccountsTable.status, 'ACTIVE'), eq(bankAccountsTable.forReimbursements, true))).get()
  if (!fallback)
    return userError(null, 'NO_BANK_ACCOUNT', 'L\'adhérent n\'a pas de compte pour ses remboursements\u00a0: demandez-lui son RIB.')

  const { result, contract, guarantee, shares } = computed
  // paid the day of the decision, and never on the day of the care itself
  let paymentDate = today > careDate ? today : addDays(careDate, 1)
  const paidBefore = tx.select({ id: reimbursementsTable.id }).from(reimbursementsTable).where(eq(reimbursementsTable.bankAccountId, fallback.id)).limit(1).get()
  const heldUntil = paidBefore ? null : new Date(Date.parse(now) + CHANGE_RULES.paymentHoldHours * 3_600_000).toISOString()
  if (heldUntil) {
    const releaseDay = todayOf({ now: () => new Date(heldUntil) })
    if (releaseDay > paymentDate)
      paymentDate = releaseDay
  }
  const details = (procedure.details ?? {}) as { providerName?: unknown }
  const label = CARE_REFERENCES[careType].label
  const row = tx.insert(reimbursementsTable).values({
    memberId: procedure.memberId,
    contractId: contract.id,
    beneficiaryId: beneficiary.id,
    careType,
    careLabel: procedure.abroad && procedure.country ? `${label} (soins reçus à l'étranger\u00a0: ${procedure.country})` : label,
    careDate,
    paymentDate,
    providerName: typeof details.providerName === 'string' && details.providerName ? details.providerName : 'Professionnel non précisé',
    decompteNumber: `${paymentDate.replaceAll('-', '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
    ...amountColumns(result),
    guaranteeId: guarantee?.id ?? null,
    hundredPercentSante: false,
    payee: 'MEMBER',
    origin: 'REQUEST',
    bankAccountId: fallback.id,
    heldUntil,
    procedureId: procedure.id,
  }).returning({ id: reimbursementsTable.id }).get()
  if (shares.length)
    tx.insert(reimbursementSharesTable).values(shareRows(row.id, shares.map(s => ({ contractId: s.contract.id, guaranteeId: s.guarantee.id, share: s.share })))).run()
  const byContract = shares.length > 1 ? shares.filter(s => s.share.amountCents > 0).map(s => ({ label: s.share.contractLabel, cents: s.share.amountCents })) : []
  return { reimbursementId: row.id, mutuelleCents: result.mutuelleCents, paymentDate, heldUntil, byContract }
}

/** What the member reads once paid: the mutuelle's part, contract by contract when several paid. */
function acceptedNote(paid: Paid | null, bankChangeNote: string | null): string {
  if (bankChangeNote)
    return bankChangeNote
  if (!paid)
    return 'Demande acceptée.'
  const detail = paid.byContract.length ? ` (${paid.byContract.map(c => `${c.label}\u00a0: ${formatEuros(c.cents)}`).join(', ')})` : ''
  if (paid.heldUntil)
    return `Demande acceptée\u00a0: ${formatEuros(paid.mutuelleCents)} remboursés par votre mutuelle${detail} seront versés le ${frenchDate(paid.paymentDate)}. C'est le premier remboursement sur ce compte\u00a0: par sécurité, il est retenu ${CHANGE_RULES.paymentHoldHours} heures.`
  return `Demande acceptée\u00a0: ${formatEuros(paid.mutuelleCents)} remboursés par votre mutuelle${detail}, virés sur votre compte.`
}

/** What accepting changes, by kind: the payment, the beneficiary, the anonymisation, the prise en charge's committed amounts, the contract's option; null when only the status moves. */
function acceptByKind(tx: Tx, procedure: ProcedureRow, today: string, advisorAccountId: string, now: string) {
  switch (procedure.kind) {
    case 'REIMBURSEMENT':
      return payRequest(tx, procedure, today, now)
    case 'BENEFICIARY_ADDITION':
      return acceptBeneficiaryAddition(tx, procedure, today)
    case 'BENEFICIARY_REMOVAL':
      return acceptBeneficiaryRemoval(tx, procedure)
    case 'DATA_RIGHTS':
      return acceptDataRights(tx, procedure, advisorAccountId, now)
    case 'COVERAGE_AGREEMENT':
      return commitCoverageAgreement(tx, procedure, today)
    case 'AFFILIATION':
      return applyOptionChange(tx, procedure, today, now)
    default:
      return null
  }
}

/**
 * An advisor's decision on a démarche, in one transaction with its audit event: accepting a
 * reimbursement request pays it; accepting a RIB change held for review applies it (refusing
 * drops it); a beneficiary addition or removal changes the coverage, an erasure request
 * anonymises the member, a prise en charge commits its amounts, an affiliation changes the contract's option
 * from its start date; refusing or asking for documents leaves a note the member reads.
 */
export async function decideProcedure(ctx: Context, procedureId: string, decision: Decision, rawNote: string | null | undefined): Promise<ProcedureResult> {
  const advisor = requireAdvisor(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  const note = rawNote ? normaliseMultilineText(rawNote) || null : null
  const result = ctx.db.transaction((tx) => {
    const procedure = tx.select().from(p).where(eq(p.id, procedureId)).get()
    if (!procedure)
      throw notFound()
    const audit = (outcome: 'SUCCESS' | 'FAILURE', details: Record<string, unknown>) => recordAudit(tx, {
      at: now,
      action: 'PROCEDURE_DECISION',
      actorAccountId: advisor.accountId,
      actorRole: 'ADVISOR',
      memberId: procedure.memberId,
      outcome,
      ...requestMeta(ctx),
      details: { procedureId: procedure.id, reference: procedure.reference, decision, ...details },
    })

    const refused = checkDecision(procedure, decision, note)
    let paid: Paid | null = null
    let applied: { note: string, beneficiaryId?: string } | null = null
    let bankChangeNote: string | null = null
    if (!refused.length && decision === 'ACCEPT') {
      const outcome = acceptByKind(tx, procedure, today, advisor.accountId, now)
      if (outcome && 'code' in outcome)
        refused.push(outcome)
      else if (outcome && 'reimbursementId' in outcome)
        paid = outcome
      else
        applied = outcome
    }
    // a prise en charge's commitment or a change of option's terms lead the member's note, the advisor's words after them
    const termsNote = procedure.kind === 'COVERAGE_AGREEMENT' || procedure.kind === 'AFFILIATION' ? applied?.note ?? null : null
    if (!refused.length && decision !== 'REQUEST_DOCUMENTS' && procedure.kind === 'BANK_DETAILS_CHANGE') {
      const outcome = decideReviewedChange(tx, ctx, procedure.id, decision, now)
      if ('code' in outcome)
        refused.push(outcome)
      else
        bankChangeNote = outcome.note
    }
    if (refused.length) {
      // the attempt is recorded too: an advisor opened this member's file
      audit('FAILURE', { code: refused[0]!.code })
      return { procedure: null, errors: refused }
    }

    const status = NEXT_STATUS[decision]
    // a refused RIB change says so plainly, with the advisor's words after it
    const memberNote = decision === 'REJECT' && bankChangeNote
      ? `${bankChangeNote} ${note ?? ''}`.trim()
      : decision === 'ACCEPT' && (bankChangeNote ?? termsNote) && note ? `${bankChangeNote ?? termsNote} ${note}` : note ?? applied?.note ?? acceptedNote(paid, bankChangeNote)
    tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status, at: now, note: memberNote, actorAccountId: advisor.accountId }).run()
    const updated = tx.update(p).set({
      status,
      updatedAt: now,
      decidedAt: decision === 'REQUEST_DOCUMENTS' ? null : now,
      decisionNote: memberNote,
    }).where(eq(p.id, procedure.id)).returning().get()
    audit('SUCCESS', paid ? { reimbursementId: paid.reimbursementId, heldUntil: paid.heldUntil } : applied?.beneficiaryId ? { beneficiaryId: applied.beneficiaryId } : {})
    return { procedure: null, task: toProcedureTask(updated, today), errors: [] }
  }, { behavior: 'immediate' })
  // an applied RIB change notifies the member (recorded in the transaction, sent once committed)
  await deliverPendingNotifications(ctx.db, ctx.mailer, ctx.clock)
  return result
}
