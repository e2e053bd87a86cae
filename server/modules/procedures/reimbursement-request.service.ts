import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { Queryable } from '../../db/client.ts'
import type { ReimbursementEstimateInput, ReimbursementRequestInput } from './procedure.input.ts'
import type { ReimbursementEstimate } from './reimbursement-request.type.ts'
import type { ProcedureRow } from './procedure.service.ts'
import type { ProcedureTaskValue } from '../advisor/advisor-task.type.ts'
import { and, eq, sql } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { notFound, userError } from '../../core/errors.ts'
import { requireMember } from '../../core/viewer.ts'
import { procedureAttachmentsTable, procedureEventsTable, proceduresTable as p } from '../../db/schema/index.ts'
import { REFERENCE_RATES_DATE } from '../reimbursements/exchange-rates.ts'
import { computeCare } from '../reimbursements/reimbursement-calculation.ts'
import { checkAmountAndPlace, checkAttachments, checkBeneficiaryAndDate, checkDecompte, checkDecompteApplies, checkProviderName, socialSecurityReimburses } from './reimbursement-request.rules.ts'
import { addWorkingDays } from './working-days.ts'

/** Requests are decided within 10 working days: the date the member is promised. */
export const DECISION_WORKING_DAYS = 10

export interface ProcedureResult {
  procedure: ProcedureRow | null
  /** The advisor's view, for advisors' mutations: they never get the member's Procedure type. */
  task?: ProcedureTaskValue | null
  errors: UserError[]
}

// the wizard's order, so the first error shown is the earliest step to fix
const FIELD_ORDER = ['beneficiaryId', 'careType', 'careDate', 'amountCents', 'providerName', 'country', 'currency', 'socialSecurityBaseCents', 'socialSecurityPaidCents', 'attachmentIds']
function byField(errors: UserError[]): UserError[] {
  const rank = (e: UserError) => (e.field ? FIELD_ORDER.indexOf(e.field) : -1)
  return [...errors].sort((a, b) => rank(a) - rank(b))
}

/** Next démarche reference: DEM-<year>-<counter>, the counter running across years. */
export function nextProcedureReference(db: Queryable, year: string): string {
  const row = db.select({ n: sql<number | null>`max(cast(substr(${p.reference}, 10) as integer))` }).from(p).get()
  return `DEM-${year}-${String((row?.n ?? 104_000) + 1).padStart(6, '0')}`
}

function checkCare(db: Queryable, memberId: string, today: string, input: ReimbursementEstimateInput) {
  const care = checkBeneficiaryAndDate(db, memberId, today, input)
  const amount = checkAmountAndPlace(input)
  const decompte = [...checkDecompteApplies(input.careType, input), ...checkDecompte(input, amount.amountEurCents)]
  return { care, amount, errors: [...care.errors, ...amount.errors, ...decompte] }
}

/** Files a reimbursement request: the procedure, its first event and its documents, all or nothing. */
export function submitReimbursementRequest(ctx: Context, input: ReimbursementRequestInput): ProcedureResult {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  // immediate: the checks on the documents and the inserts see the same database
  return ctx.db.transaction((tx) => {
    const { care, amount, errors } = checkCare(tx, viewer.memberId, today, input)
    const provider = checkProviderName(input.providerName)
    const files = checkAttachments(tx, viewer.accountId, input.attachmentIds)
    const all = [...errors, ...provider.errors, ...files.errors]
    if (all.length || !care.beneficiary)
      return { procedure: null, errors: byField(all) }

    const procedure = tx.insert(p).values({
      memberId: viewer.memberId,
      kind: 'REIMBURSEMENT',
      status: 'SUBMITTED',
      beneficiaryId: care.beneficiary.id,
      reference: nextProcedureReference(tx, today.slice(0, 4)),
      submittedAt: now,
      updatedAt: now,
      estimatedDecisionDate: addWorkingDays(today, DECISION_WORKING_DAYS),
      careType: input.careType,
      careDate: input.careDate,
      abroad: input.abroad,
      country: amount.country,
      currency: amount.currency,
      amountCents: input.amountCents,
      amountEurCents: amount.amountEurCents,
      exchangeRate: amount.rate && amount.rate.currency !== 'EUR' ? amount.rate.unitsPerEuro : null,
      socialSecurityBaseCents: input.socialSecurityBaseCents ?? null,
      socialSecurityPaidCents: input.socialSecurityPaidCents ?? null,
      details: provider.providerName ? { providerName: provider.providerName } : null,
    }).returning().get()
    tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'SUBMITTED', at: now, actorAccountId: viewer.accountId }).run()
    tx.insert(procedureAttachmentsTable).values(files.fileIds.map(fileId => ({ procedureId: procedure.id, fileId, addedAt: now }))).run()
    return { procedure, errors: [] }
  }, { behavior: 'immediate' })
}

/** The engine's estimate for a request being written, with the same checks as the submission. */
export function estimateReimbursementRequest(ctx: Context, input: ReimbursementEstimateInput): { estimate: ReimbursementEstimate | null, errors: UserError[] } {
  const viewer = requireMember(ctx.viewer)
  const { care, amount, errors } = checkCare(ctx.db, viewer.memberId, todayOf(ctx.clock), input)
  if (errors.length || !care.beneficiary)
    return { estimate: null, errors: byField(errors) }
  const computed = computeCare(ctx.db, {
    memberId: viewer.memberId,
    beneficiary: care.beneficiary,
    careType: input.careType,
    careDate: input.careDate,
    expenseCents: amount.amountEurCents,
    socialSecurityBaseCents: input.socialSecurityBaseCents ?? null,
    socialSecurityPaidCents: input.socialSecurityPaidCents ?? null,
  })
  if (!computed)
    return { estimate: null, errors: [userError('careDate', 'NOT_COVERED', 'Aucun contrat ne couvrait ce bénéficiaire à cette date.')] }
  const { result, guarantee, shares } = computed
  const abroad = amount.rate && amount.rate.currency !== 'EUR'
  return {
    estimate: {
      amountEurCents: amount.amountEurCents,
      exchangeRate: abroad ? amount.rate!.unitsPerEuro : null,
      exchangeRateDate: abroad ? REFERENCE_RATES_DATE : null,
      socialSecurityBaseCents: result.socialSecurityBaseCents,
      socialSecurityRatePercent: result.socialSecurityRatePercent,
      usedReferenceBase: result.usedReferenceBase,
      socialSecurityCents: result.socialSecurityCents,
      withheldCents: result.withheldCents,
      mutuelleCents: result.mutuelleCents,
      shares: shares.map(s => ({ contract: s.contract, guarantee: s.guarantee, amountCents: s.share.amountCents, forfaitUsedCents: s.share.forfaitUsedCents })),
      outOfPocketCents: result.outOfPocketCents,
      guaranteeLabel: guarantee?.label ?? null,
      socialSecurityStatementAsked: socialSecurityReimburses(input.careType),
      explanation: result.explanation,
    },
    errors: [],
  }
}

/**
 * Documents sent after the mutuelle asked for them ("Pièces manquantes"): attached, and the
 * démarche goes back to "En cours" with a new estimated decision date.
 */
export function addProcedureDocuments(ctx: Context, procedureId: string, attachmentIds: string[]): ProcedureResult {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const procedure = tx.select().from(p).where(and(eq(p.id, procedureId), eq(p.memberId, viewer.memberId))).get()
    if (!procedure)
      throw notFound()
    if (procedure.status !== 'MISSING_DOCUMENTS')
      return { procedure: null, errors: [userError(null, 'NOT_WAITING_FOR_DOCUMENTS', 'Cette démarche n\'attend pas de pièces\u00a0: vous ne pouvez pas en ajouter.')] }
    const files = checkAttachments(tx, viewer.accountId, attachmentIds)
    if (files.errors.length)
      return { procedure: null, errors: files.errors }
    tx.insert(procedureAttachmentsTable).values(files.fileIds.map(fileId => ({ procedureId, fileId, addedAt: now }))).run()
    const count = files.fileIds.length
    tx.insert(procedureEventsTable).values({
      procedureId,
      status: 'SUBMITTED',
      at: now,
      note: count === 1 ? '1 pièce ajoutée par l\'adhérent.' : `${count} pièces ajoutées par l'adhérent.`,
      actorAccountId: viewer.accountId,
    }).run()
    const updated = tx.update(p).set({ status: 'SUBMITTED', updatedAt: now, estimatedDecisionDate: addWorkingDays(today, DECISION_WORKING_DAYS) })
      .where(eq(p.id, procedureId)).returning().get()
    return { procedure: updated, errors: [] }
  }, { behavior: 'immediate' })
}
