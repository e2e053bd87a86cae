import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { Queryable } from '../../db/client.ts'
import type { ProcedureResult } from '../procedures/reimbursement-request.service.ts'
import type { QuoteInput } from './quote.input.ts'
import type { QuoteAnalysis } from './quote.type.ts'
import { and, eq } from 'drizzle-orm'
import { GraphQLError } from 'graphql'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { formatEuros } from '../../core/format.ts'
import { requireMember } from '../../core/viewer.ts'
import { beneficiariesTable, procedureAttachmentsTable, procedureEventsTable, proceduresTable as p } from '../../db/schema/index.ts'
import { isCoveredOn } from '../beneficiaries/beneficiary.service.ts'
import { checkAttachments, MAX_AMOUNT_EUR_CENTS } from '../procedures/reimbursement-request.rules.ts'
import { DECISION_WORKING_DAYS, nextProcedureReference } from '../procedures/reimbursement-request.service.ts'
import { addWorkingDays } from '../procedures/working-days.ts'
import { computeCare, forfaitUsedInYear } from '../reimbursements/reimbursement-calculation.ts'

/** Care types with a « 100 % Santé » basket (optics class A, dental basket, audiology class I). */
const HUNDRED_PERCENT_SANTE = new Set(['OPTICS', 'DENTAL', 'AUDIOLOGY'])

interface Checked { errors: UserError[], analysis: QuoteAnalysis | null, beneficiaryId: string }

/** The quote's checks and the engine's split, for a care planned today (a quote comes before the care). */
function analyse(db: Queryable, memberId: string, today: string, input: QuoteInput): Checked {
  const errors: UserError[] = []
  const beneficiary = db.select().from(beneficiariesTable).where(and(eq(beneficiariesTable.id, input.beneficiaryId), eq(beneficiariesTable.memberId, memberId))).get()
  if (!beneficiary)
    errors.push(userError('beneficiaryId', 'NOT_FOUND', 'Choisissez un bénéficiaire de votre contrat.'))
  else if (!isCoveredOn(beneficiary, today))
    errors.push(userError('beneficiaryId', 'NOT_COVERED', `${beneficiary.firstName} n'est plus couvert par votre contrat\u00a0: un devis ne peut pas être analysé pour ${beneficiary.firstName}.`))
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0)
    errors.push(userError('amountCents', 'NOT_POSITIVE', 'Indiquez le montant total du devis, supérieur à 0.'))
  else if (input.amountCents > MAX_AMOUNT_EUR_CENTS)
    errors.push(userError('amountCents', 'TOO_LARGE', `Ce montant dépasse ${formatEuros(MAX_AMOUNT_EUR_CENTS)}\u00a0: vérifiez-le, ou écrivez à votre conseiller.`))
  const base = input.socialSecurityBaseCents ?? null
  if (base !== null && base < 0)
    errors.push(userError('socialSecurityBaseCents', 'NEGATIVE', 'La base de remboursement ne peut pas être négative.'))
  else if (base !== null && input.amountCents > 0 && base > input.amountCents)
    errors.push(userError('socialSecurityBaseCents', 'EXCEEDS_AMOUNT', 'La base de remboursement ne peut pas dépasser le montant du devis\u00a0: vérifiez le devis.'))
  if (errors.length || !beneficiary)
    return { errors, analysis: null, beneficiaryId: input.beneficiaryId }

  const basket = HUNDRED_PERCENT_SANTE.has(input.careType)
  const care = { memberId, beneficiary, careType: input.careType, careDate: today, expenseCents: input.amountCents, socialSecurityBaseCents: base, socialSecurityPaidCents: null }
  const computed = computeCare(db, { ...care, hundredPercentSanteBasket: basket && !!input.hundredPercentSante })
  if (!computed)
    return { errors: [userError('careType', 'NOT_COVERED', `Aucun de vos contrats ne couvre ${beneficiary.firstName} aujourd'hui.`)], analysis: null, beneficiaryId: beneficiary.id }
  const { result, guarantee, contract } = computed
  // the same care as a « 100 % Santé » equipment: what it would leave to pay
  const asBasket = basket ? computeCare(db, { ...care, hundredPercentSanteBasket: true }) : null
  const forfait = guarantee?.yearlyForfaitCents ?? null
  return {
    errors: [],
    beneficiaryId: beneficiary.id,
    analysis: {
      expenseCents: result.expenseCents,
      socialSecurityBaseCents: result.socialSecurityBaseCents,
      usedReferenceBase: result.usedReferenceBase,
      socialSecurityCents: result.socialSecurityCents,
      withheldCents: result.withheldCents,
      mutuelleCents: result.mutuelleCents,
      outOfPocketCents: result.outOfPocketCents,
      guaranteeLabel: guarantee?.label ?? null,
      contractLabel: contract.productLabel,
      forfaitRemainingCents: forfait !== null && guarantee ? Math.max(0, forfait - forfaitUsedInYear(db, beneficiary.id, guarantee.id, today)) : null,
      hundredPercentSanteOutOfPocketCents: asBasket ? asBasket.result.outOfPocketCents : null,
      explanation: result.explanation,
    },
  }
}

/**
 * The estimate of a quote for the signed-in member. A query: bad input is a BAD_USER_INPUT error
 * whose `extensions.errors` lists the French field errors, as a mutation's payload would.
 */
export function analyseQuote(ctx: Context, input: QuoteInput): QuoteAnalysis {
  const viewer = requireMember(ctx.viewer)
  const { errors, analysis } = analyse(ctx.db, viewer.memberId, todayOf(ctx.clock), input)
  if (!analysis)
    throw new GraphQLError(errors[0]!.message, { extensions: { code: 'BAD_USER_INPUT', errors: errors.map(e => ({ ...e })) } })
  return analysis
}

/** Sends a quote with its file for the mutuelle's analysis: a « Devis » démarche keeping the estimate shown. */
export function submitQuote(ctx: Context, input: QuoteInput): ProcedureResult {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const { errors, analysis, beneficiaryId } = analyse(tx, viewer.memberId, today, input)
    const files = checkAttachments(tx, viewer.accountId, input.attachmentIds ?? [])
    const all = [...errors, ...files.errors.map(e => e.code === 'REQUIRED' ? userError('attachmentIds', 'REQUIRED', 'Joignez le devis de votre professionnel de santé (PDF ou photo).') : e)]
    if (all.length || !analysis)
      return { procedure: null, errors: all }
    const procedure = tx.insert(p).values({
      memberId: viewer.memberId,
      kind: 'QUOTE',
      status: 'SUBMITTED',
      beneficiaryId,
      reference: nextProcedureReference(tx, today.slice(0, 4)),
      submittedAt: now,
      updatedAt: now,
      estimatedDecisionDate: addWorkingDays(today, DECISION_WORKING_DAYS),
      careType: input.careType,
      amountCents: input.amountCents,
      amountEurCents: input.amountCents,
      socialSecurityBaseCents: input.socialSecurityBaseCents ?? null,
      // the estimate as the member saw it: the reimbursement of the care is later compared with it
      details: { estimate: { socialSecurityCents: analysis.socialSecurityCents, mutuelleCents: analysis.mutuelleCents, outOfPocketCents: analysis.outOfPocketCents, guaranteeLabel: analysis.guaranteeLabel }, hundredPercentSante: !!input.hundredPercentSante },
    }).returning().get()
    tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'SUBMITTED', at: now, actorAccountId: viewer.accountId }).run()
    tx.insert(procedureAttachmentsTable).values(files.fileIds.map(fileId => ({ procedureId: procedure.id, fileId, addedAt: now }))).run()
    return { procedure, errors: [] }
  }, { behavior: 'immediate' })
}
