import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { PartnerViewer } from '../partners/partner-token.service.ts'
import type { Queryable, Tx } from '../../db/client.ts'
import type { AgreementLine } from '../../db/schema/index.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { CoverageAgreementInput } from './coverage-agreement.input.ts'
import type { CoverageAgreement, CoverageAgreementStatus, ReimbursementAgreement } from './coverage-agreement.type.ts'
import type { ReviewReason } from './coverage-agreement.rules.ts'
import { and, desc, eq, gte, lte } from 'drizzle-orm'
import { nowIso, today as todayOf } from '../../core/clock.ts'
import { forbidden, notFound, userError } from '../../core/errors.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'
import { beneficiariesTable, coverageAgreementsTable as ca, procedureEventsTable, proceduresTable as p } from '../../db/schema/index.ts'
import { recordAudit, requestMeta } from '../audit/audit.service.ts'
import { isCoveredOn } from '../beneficiaries/beneficiary.service.ts'
import { nextProcedureReference } from '../procedures/reimbursement-request.service.ts'
import { addWorkingDays } from '../procedures/working-days.ts'
import { computeCare } from '../reimbursements/reimbursement-calculation.ts'
import { AGREEMENT_CODES, checkLines, checkPlannedDate, checkProvider, DOMAIN_CARE_TYPES, reviewReason, validUntil } from './coverage-agreement.rules.ts'
import { findCardHolder } from './coverage.service.ts'

/** An advisor answers a professional waiting with a patient within two working days. */
export const AGREEMENT_DECISION_WORKING_DAYS = 2

type AgreementRow = typeof ca.$inferSelect

const REVIEW_WORDS: Record<ReviewReason, string> = {
  HOSPITAL: 'une hospitalisation est toujours étudiée par un conseiller',
  ABOVE_CEILING: 'le montant du devis demande l\'avis d\'un conseiller',
  NO_GUARANTEE: 'le contrat ne prévoit pas ces soins\u00a0: un conseiller vérifie les autres garanties',
}

function requirePartner(ctx: Context): PartnerViewer {
  const viewer = ctx.viewer
  if (viewer?.role !== 'PARTNER')
    throw forbidden()
  return viewer
}

/**
 * Forfait already promised to the beneficiary by accepted agreements of the same domain for care
 * in the same calendar year and still valid: two quotes from two opticians cannot both be promised
 * the whole yearly forfait.
 */
function forfaitPromised(db: Queryable, beneficiaryId: string, domain: AgreementRow['careDomain'], plannedDate: string, today: string, exceptAgreementId?: string): Record<string, number> {
  const year = plannedDate.slice(0, 4)
  const rows = db.select({ id: ca.id, lines: ca.lines }).from(ca)
    .innerJoin(p, eq(p.id, ca.procedureId))
    .where(and(
      eq(p.beneficiaryId, beneficiaryId),
      eq(p.status, 'ACCEPTED'),
      eq(ca.careDomain, domain),
      gte(ca.plannedDate, `${year}-01-01`),
      lte(ca.plannedDate, `${year}-12-31`),
      // a promise whose validity has passed is void: its forfait is free again
      gte(ca.validUntil, today),
    ))
    .all()
  const promised: Record<string, number> = {}
  for (const row of rows.filter(r => r.id !== exceptAgreementId))
    addForfaits(promised, row.lines.map(l => l.forfaits ?? {}))
  return promised
}

function addForfaits(into: Record<string, number>, from: Record<string, number>[]) {
  for (const forfaits of from) {
    for (const [guaranteeId, cents] of Object.entries(forfaits))
      into[guaranteeId] = (into[guaranteeId] ?? 0) + cents
  }
}

type Computed = { lines: Required<AgreementLine>[], guaranteeFound: boolean } | UserError

/**
 * The lines through the reimbursement engine, one after the other on the planned date: a forfait
 * the first lines use up is no longer there for the next ones.
 */
function computeLines(db: Queryable, memberId: string, beneficiary: { id: string, birthDate: string }, domain: AgreementRow['careDomain'], plannedDate: string, today: string, lines: AgreementLine[], exceptAgreementId?: string): Computed {
  const committed = forfaitPromised(db, beneficiary.id, domain, plannedDate, today, exceptAgreementId)
  let guaranteeFound = true
  const out: Required<AgreementLine>[] = []
  for (const line of lines) {
    const computed = computeCare(db, {
      memberId,
      beneficiary,
      careType: DOMAIN_CARE_TYPES[domain],
      careDate: plannedDate,
      expenseCents: line.amountCents,
      socialSecurityBaseCents: line.socialSecurityBaseCents,
      socialSecurityPaidCents: null,
      hundredPercentSanteBasket: AGREEMENT_CODES[line.code]?.hundredPercentSante ?? false,
      forfaitCommittedCents: { ...committed },
    })
    if (!computed)
      return userError('plannedDate', 'NOT_COVERED', 'Le patient n\'est pas couvert par la mutuelle à la date prévue des soins.')
    guaranteeFound &&= computed.guarantee !== null
    // each contract pays from its own forfait: the promise is kept per guarantee
    const forfaits = Object.fromEntries(computed.shares.filter(s => s.share.forfaitUsedCents > 0).map(s => [s.guarantee.id, s.share.forfaitUsedCents]))
    addForfaits(committed, [forfaits])
    const { socialSecurityCents, mutuelleCents, outOfPocketCents, forfaitUsedCents } = computed.result
    out.push({ code: line.code, amountCents: line.amountCents, socialSecurityBaseCents: line.socialSecurityBaseCents, socialSecurityCents, mutuelleCents, outOfPocketCents, forfaitCents: forfaitUsedCents, forfaits })
  }
  return { lines: out, guaranteeFound }
}

const total = (lines: AgreementLine[], key: Exclude<keyof AgreementLine, 'code' | 'forfaits'>) =>
  lines.reduce((sum, l) => sum + (l[key] ?? 0), 0)

function statusOf(procedure: Pick<ProcedureRow, 'status'>): CoverageAgreementStatus {
  return procedure.status === 'ACCEPTED' ? 'ACCEPTED' : procedure.status === 'REJECTED' ? 'REJECTED' : 'UNDER_REVIEW'
}

/** The partner's view: the answer and the amounts, nothing of the member's file. */
function toView(row: AgreementRow, procedure: ProcedureRow): CoverageAgreement {
  const status = statusOf(procedure)
  const accepted = status === 'ACCEPTED'
  const reason = (procedure.details as { reviewReason?: ReviewReason } | null)?.reviewReason
  const mutuelle = total(row.lines, 'mutuelleCents')
  const message = accepted
    ? `Prise en charge accordée\u00a0: ${formatEuros(mutuelle)} à la charge de la mutuelle, pour des soins réalisés au plus tard le ${frenchDate(row.validUntil!)}.`
    : status === 'REJECTED'
      ? 'Prise en charge refusée\u00a0: la mutuelle remboursera les soins selon le contrat du patient, sans engagement préalable.'
      : `À l'étude\u00a0: ${reason ? REVIEW_WORDS[reason] : 'un conseiller étudie la demande'}. Réponse attendue au plus tard le ${frenchDate(procedure.estimatedDecisionDate!)}.`
  return {
    id: row.id,
    status,
    message,
    careDomain: row.careDomain,
    plannedDate: row.plannedDate,
    requestedAt: row.createdAt,
    decidedAt: status === 'UNDER_REVIEW' ? null : procedure.decidedAt,
    validUntil: accepted ? row.validUntil : null,
    expectedDecisionDate: status === 'UNDER_REVIEW' ? procedure.estimatedDecisionDate : null,
    amountCents: total(row.lines, 'amountCents'),
    socialSecurityCents: accepted ? total(row.lines, 'socialSecurityCents') : null,
    mutuelleCents: accepted ? mutuelle : null,
    outOfPocketCents: accepted ? total(row.lines, 'outOfPocketCents') : null,
    lines: row.lines.map(l => ({
      code: l.code,
      label: AGREEMENT_CODES[l.code]?.label ?? l.code,
      amountCents: l.amountCents,
      socialSecurityBaseCents: l.socialSecurityBaseCents,
      socialSecurityCents: accepted ? l.socialSecurityCents ?? null : null,
      mutuelleCents: accepted ? l.mutuelleCents ?? null : null,
      outOfPocketCents: accepted ? l.outOfPocketCents ?? null : null,
    })),
  }
}

/** What the member reads on the démarche once the mutuelle committed. */
function acceptedNote(partnerName: string, mutuelleCents: number, until: string): string {
  return `Prise en charge accordée à ${partnerName}\u00a0: ${formatEuros(mutuelleCents)} payés par votre mutuelle directement au professionnel, pour des soins réalisés au plus tard le ${frenchDate(until)}.`
}

/**
 * A professional's request for a prise en charge (scope pec:write). The card number and birth date
 * identify the patient as at the counter (the same NOT_FOUND whichever is wrong). The engine
 * computes every line; when the rules cannot decide (hospitalisation, a large quote, care the
 * contract does not list) the request waits for an advisor as a COVERAGE_AGREEMENT démarche. The
 * member sees the démarche in Mes démarches and the call in « Qui a consulté mon dossier ? ».
 */
export function requestCoverageAgreement(ctx: Context, input: CoverageAgreementInput): { agreement: CoverageAgreement | null, errors: UserError[] } {
  const partner = requirePartner(ctx)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  const lines = input.lines.map(l => ({ code: l.code.trim(), amountCents: l.amountCents, socialSecurityBaseCents: l.socialSecurityBaseCents }))
  return ctx.db.transaction((tx) => {
    const provider = checkProvider(input.provider)
    const errors = [...provider.errors, ...checkPlannedDate(input.plannedDate, today), ...checkLines(input.careDomain, lines)]
    const holder = findCardHolder(tx, input.cardNumber, input.birthDate)
    const audit = (outcome: 'SUCCESS' | 'FAILURE', details: Record<string, unknown>) => recordAudit(tx, {
      at: now,
      action: 'PARTNER_COVERAGE_AGREEMENT',
      actorAccountId: partner.tokenId,
      actorRole: 'PARTNER',
      memberId: holder?.contract.memberId ?? null,
      outcome,
      ...requestMeta(ctx),
      details: { partner: partner.displayName, careType: DOMAIN_CARE_TYPES[input.careDomain], ...details },
    })
    if (!holder)
      errors.unshift(userError('cardNumber', 'NOT_FOUND', 'Aucun bénéficiaire ne correspond à ce numéro de carte et à cette date de naissance.'))
    else if (!errors.length && !isCoveredOn(holder.beneficiary, input.plannedDate))
      errors.push(userError('plannedDate', 'NOT_COVERED', 'Le patient n\'est pas couvert par la mutuelle à la date prévue des soins.'))
    const computed = holder && !errors.length ? computeLines(tx, holder.contract.memberId, holder.beneficiary, input.careDomain, input.plannedDate, today, lines) : null
    if (computed && 'code' in computed)
      errors.push(computed)
    if (errors.length || !holder || !computed || 'code' in computed) {
      audit('FAILURE', { code: errors[0]!.code })
      return { agreement: null, errors }
    }

    const reason = reviewReason(input.careDomain, total(lines, 'amountCents'), computed.guaranteeFound)
    const until = validUntil(input.plannedDate)
    const mutuelle = total(computed.lines, 'mutuelleCents')
    const note = reason ? null : acceptedNote(partner.displayName, mutuelle, until)
    const procedure = tx.insert(p).values({
      memberId: holder.contract.memberId,
      kind: 'COVERAGE_AGREEMENT',
      status: reason ? 'SUBMITTED' : 'ACCEPTED',
      beneficiaryId: holder.beneficiary.id,
      reference: nextProcedureReference(tx, today.slice(0, 4)),
      submittedAt: now,
      updatedAt: now,
      estimatedDecisionDate: reason ? addWorkingDays(today, AGREEMENT_DECISION_WORKING_DAYS) : null,
      decidedAt: reason ? null : now,
      decisionNote: note,
      careType: DOMAIN_CARE_TYPES[input.careDomain],
      careDate: input.plannedDate,
      currency: 'EUR',
      amountCents: total(lines, 'amountCents'),
      amountEurCents: total(lines, 'amountCents'),
      socialSecurityBaseCents: total(lines, 'socialSecurityBaseCents'),
      // the partner's name as the member reads it, and why an advisor must look
      details: { providerName: partner.displayName, ...(reason ? { reviewReason: reason } : {}) },
    }).returning().get()
    tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'SUBMITTED', at: now, note: null, actorAccountId: null }).run()
    if (!reason)
      tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'ACCEPTED', at: now, note, actorAccountId: null }).run()
    const row = tx.insert(ca).values({
      procedureId: procedure.id,
      tokenId: partner.tokenId,
      careDomain: input.careDomain,
      plannedDate: input.plannedDate,
      ...provider.provider,
      // amounts are promised only once accepted; under review they are computed again at the decision
      lines: reason ? lines : computed.lines,
      validUntil: reason ? null : until,
      createdAt: now,
    }).returning().get()
    audit('SUCCESS', { procedureId: procedure.id, reference: procedure.reference, agreementId: row.id, status: statusOf(procedure) })
    return { agreement: toView(row, procedure), errors: [] }
  }, { behavior: 'immediate' })
}

/** The state of a prise en charge, for the token that asked for it only: any other id is NOT_FOUND. */
export function coverageAgreementOf(ctx: Context, id: string): CoverageAgreement {
  const partner = requirePartner(ctx)
  const found = ctx.db.select({ agreement: ca, procedure: p }).from(ca)
    .innerJoin(p, eq(p.id, ca.procedureId))
    .where(and(eq(ca.id, id), eq(ca.tokenId, partner.tokenId)))
    .get()
  if (!found)
    throw notFound()
  recordAudit(ctx.db, {
    at: nowIso(ctx.clock),
    action: 'PARTNER_COVERAGE_AGREEMENT_VIEW',
    actorAccountId: partner.tokenId,
    actorRole: 'PARTNER',
    memberId: found.procedure.memberId,
    outcome: 'SUCCESS',
    ...requestMeta(ctx),
    details: { partner: partner.displayName, procedureId: found.procedure.id, reference: found.procedure.reference, careType: found.procedure.careType },
  })
  return toView(found.agreement, found.procedure)
}

function agreementOfProcedure(db: Queryable, procedureId: string): AgreementRow | undefined {
  return db.select().from(ca).where(eq(ca.procedureId, procedureId)).get()
}

/** The advisor's view of the request behind a COVERAGE_AGREEMENT démarche (reached through an audited advisor read). */
export function advisorAgreementView(row: AgreementRow, procedure: ProcedureRow) {
  const details = procedure.details as { providerName?: string, reviewReason?: ReviewReason } | null
  const view = toView(row, procedure)
  return {
    partnerName: details?.providerName ?? '',
    finess: row.finess,
    rpps: row.rpps,
    adeli: row.adeli,
    careDomain: row.careDomain,
    plannedDate: row.plannedDate,
    reviewReason: details?.reviewReason ? REVIEW_WORDS[details.reviewReason] : null,
    validUntil: view.validUntil,
    lines: view.lines,
  }
}

/**
 * An advisor accepts a prise en charge under review: the engine computes the lines again as of
 * today (forfaits used since the request count) and the amounts become the mutuelle's promise.
 */
export function commitCoverageAgreement(tx: Tx, procedure: ProcedureRow, today: string): { note: string } | UserError {
  const row = agreementOfProcedure(tx, procedure.id)
  const beneficiary = procedure.beneficiaryId ? tx.select().from(beneficiariesTable).where(eq(beneficiariesTable.id, procedure.beneficiaryId)).get() : undefined
  if (!row || !beneficiary)
    return userError(null, 'INCOMPLETE_REQUEST', 'La demande de prise en charge est incomplète\u00a0: refusez-la en l\'expliquant.')
  const computed = computeLines(tx, procedure.memberId, beneficiary, row.careDomain, row.plannedDate, today, row.lines, row.id)
  if ('code' in computed)
    return userError(null, 'NOT_COVERED', 'Le patient n\'est pas couvert à la date prévue des soins\u00a0: refusez la prise en charge en l\'expliquant.')
  const until = validUntil(row.plannedDate)
  tx.update(ca).set({ lines: computed.lines, validUntil: until }).where(eq(ca.id, row.id)).run()
  const name = (procedure.details as { providerName?: string } | null)?.providerName ?? 'votre professionnel de santé'
  return { note: acceptedNote(name, total(computed.lines, 'mutuelleCents'), until) }
}

/**
 * The accepted prise en charge a reimbursement's care falls under: same beneficiary, same domain,
 * care between the planned day and the end of the commitment. The member reads what was committed
 * beside what was paid.
 */
export function agreementForReimbursement(db: Queryable, r: { beneficiaryId: string, careType: string, careDate: string, mutuelleCents: number }): ReimbursementAgreement | null {
  const domain = (Object.keys(DOMAIN_CARE_TYPES) as AgreementRow['careDomain'][]).find(d => DOMAIN_CARE_TYPES[d] === r.careType)
  if (!domain)
    return null
  const row = db.select({ reference: p.reference, agreement: ca }).from(ca)
    .innerJoin(p, eq(p.id, ca.procedureId))
    .where(and(eq(p.beneficiaryId, r.beneficiaryId), eq(p.status, 'ACCEPTED'), eq(ca.careDomain, domain), lte(ca.plannedDate, r.careDate), gte(ca.validUntil, r.careDate)))
    .orderBy(desc(ca.plannedDate))
    .get()
  if (!row?.agreement.validUntil)
    return null
  const committedCents = row.agreement.lines.reduce((sum, l) => sum + (l.mutuelleCents ?? 0), 0)
  const gap = r.mutuelleCents - committedCents
  const explanation = gap === 0
    ? `Votre mutuelle a payé exactement les ${formatEuros(committedCents)} promis par la prise en charge ${row.reference}.`
    : gap < 0
      ? `La prise en charge ${row.reference} promettait jusqu'à ${formatEuros(committedCents)} pour le devis\u00a0; ${formatEuros(r.mutuelleCents)} ont été payés, pour ce qui a été facturé (${formatEuros(-gap)} de moins\u00a0: des soins facturés moins cher ou en partie seulement).`
      : `La prise en charge ${row.reference} promettait ${formatEuros(committedCents)}\u00a0; ${formatEuros(r.mutuelleCents)} ont été payés (${formatEuros(gap)} de plus\u00a0: la facture comptait des soins hors du devis).`
  return { reference: row.reference, careDomain: domain, plannedDate: row.agreement.plannedDate, validUntil: row.agreement.validUntil, committedCents, explanation }
}
