import type { GuaranteeRule } from '../../modules/reimbursements/engine.ts'
import type { CareType, ProcedureKind, ProcedureStatus } from '../schema/index.ts'
import type { Random } from './random.ts'
import type { DemoRows, ProcedureRow } from './rows.ts'
import { addDays, addMonths } from '../../core/clock.ts'
import { CARE_REFERENCES, computeSplit, withholdingCapGroup } from '../../modules/reimbursements/engine.ts'
import { amountColumns, isMinorOn, shareRows } from '../../modules/reimbursements/reimbursement-calculation.ts'
import { firstOfMonth, frenchMonth, instant, lastOfMonth, yearOf } from './calendar.ts'
import { sepaCreditorIdentifier } from './identifiers.ts'
import { messageSubject } from './reference-data.ts'
import { demoId } from './random.ts'

/** Building blocks shared by the demo households: guarantees, schedule, card, care history, procedures, threads. */

/** The demo mutuelle's SEPA creditor identifier (ICS), with valid check digits. */
export const CREDITOR_IDENTIFIER = sepaCreditorIdentifier('548217')

export interface HouseholdContext {
  rows: DemoRows
  today: string
  random: Random
  /** Prefix of every demo id of this household, e.g. "benoit". */
  key: string
  memberId: string
  memberAccountId: string
  advisorAccountId: string
}

export interface BeneficiaryRef {
  id: string
  firstName: string
  birthDate: string
  /** Where this beneficiary's reimbursements are paid when the member is the payee. */
  reimbursementAccountId: string
}

export interface ContractRef {
  id: string
  /** Product name members know the contract by, e.g. "Horizon Renfort". */
  label: string
  guarantees: Partial<Record<CareType, { id: string, rule: GuaranteeRule }>>
}

export interface GuaranteeSpec {
  careType: CareType
  label: string
  brssPercent: number | null
  yearlyForfaitCents?: number
  perActCeilingCents?: number
  hundredPercentSante?: boolean
}

export function addGuarantees(ctx: HouseholdContext, contractKey: string, contractId: string, specs: GuaranteeSpec[]): ContractRef {
  const guarantees: ContractRef['guarantees'] = {}
  specs.forEach((spec, index) => {
    const id = demoId(ctx.key, 'guarantee', contractKey, spec.careType)
    const rule: GuaranteeRule = {
      careType: spec.careType,
      label: spec.label,
      brssPercent: spec.brssPercent,
      yearlyForfaitCents: spec.yearlyForfaitCents ?? null,
      perActCeilingCents: spec.perActCeilingCents ?? null,
      hundredPercentSante: spec.hundredPercentSante ?? false,
    }
    ctx.rows.guarantees.push({ id, contractId, ...rule, sortOrder: index + 1 })
    guarantees[spec.careType] = { id, rule }
  })
  const contract = ctx.rows.contracts.find(c => c.id === contractId)
  if (!contract)
    throw new Error(`add contract ${contractId} before its guarantees`)
  return { id: contractId, label: contract.productLabel, guarantees }
}

/**
 * Twelve monthly instalments around today (six due, six to come), debited on the 5th.
 * amountCents is what the member pays; the employer's share is paid by the employer. The
 * instalment rejected `rejectedMonthsAgo` months ago is presented again with the next debit,
 * with the contract's rejection fee.
 */
export function addContributionSchedule(ctx: HouseholdContext, contract: { key: string, id: string, monthlyCents: number, employerCents: number, rejectionFeeCents?: number }, mandateId: string, rejectedMonthsAgo: number | null): void {
  const thisMonth = firstOfMonth(ctx.today)
  const added: typeof ctx.rows.instalments = []
  for (let offset = -6; offset <= 5; offset++) {
    const dueDate = addDays(addMonths(thisMonth, offset), 4)
    const due = dueDate < ctx.today
    const rejected = due && rejectedMonthsAgo !== null && offset === -rejectedMonthsAgo
    const status = !due ? 'SCHEDULED' : rejected ? 'REJECTED' : 'PAID'
    const id = demoId(ctx.key, 'instalment', contract.key, dueDate)
    const previous = added.at(-1)
    if (previous?.status === 'REJECTED')
      previous.representedById = id
    added.push({
      id,
      contractId: contract.id,
      dueDate,
      amountCents: contract.monthlyCents - contract.employerCents,
      employerShareCents: contract.employerCents,
      status,
      method: 'SEPA_DIRECT_DEBIT',
      paidAt: status === 'PAID' ? instant(dueDate, '06:00') : null,
      mandateId,
      rejectionFeeCents: rejected ? contract.rejectionFeeCents ?? 0 : 0,
    })
  }
  ctx.rows.instalments.push(...added)
}

/** The last debit of a mandate, to keep it alive (a mandate lapses after 36 months without one). */
export function lastDebitAt(rows: DemoRows, mandateId: string): string | null {
  const paid = rows.instalments.filter(i => i.mandateId === mandateId && i.paidAt).map(i => i.paidAt!).sort()
  return paid.at(-1) ?? null
}

/** The tiers-payant card of the current calendar year, with the care domains of each beneficiary. */
export function addInsuranceCard(ctx: HouseholdContext, contract: { key: string, id: string }, cardNumber: string, rights: { beneficiaryId: string, domains: string[] }[]): string {
  const year = yearOf(ctx.today)
  const id = demoId(ctx.key, 'card', contract.key, String(year))
  ctx.rows.insuranceCards.push({
    id,
    contractId: contract.id,
    cardNumber,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    issuedAt: instant(`${year - 1}-12-15`, '07:00'),
  })
  for (const right of rights)
    ctx.rows.cardRights.push({ cardId: id, ...right })
  return id
}

export interface ProcedureEventSpec { status: ProcedureStatus, at: string, note?: string }

export interface ProcedureSpec {
  key: string
  kind: ProcedureKind
  beneficiaryId?: string | null
  /** Oldest first; the first is the submission, the last gives the current status. */
  events: ProcedureEventSpec[]
  estimatedDecisionDate: string
  fields?: Partial<Pick<ProcedureRow, 'careType' | 'careDate' | 'abroad' | 'country' | 'currency' | 'amountCents' | 'amountEurCents' | 'exchangeRate' | 'socialSecurityBaseCents' | 'socialSecurityPaidCents' | 'details'>>
}

/** A procedure and its timeline. The reference (DEM-…) is given once all procedures exist. */
export function addProcedure(ctx: HouseholdContext, spec: ProcedureSpec): string {
  const id = demoId(ctx.key, 'procedure', spec.key)
  const first = spec.events[0]
  const last = spec.events.at(-1)
  if (!first || !last || first.status !== 'SUBMITTED')
    throw new Error(`procedure ${spec.key} must start with its submission`)
  const decided = last.status === 'ACCEPTED' || last.status === 'REJECTED'
  ctx.rows.procedures.push({
    id,
    memberId: ctx.memberId,
    kind: spec.kind,
    status: last.status,
    beneficiaryId: spec.beneficiaryId ?? null,
    reference: '',
    submittedAt: first.at,
    updatedAt: last.at,
    estimatedDecisionDate: spec.estimatedDecisionDate,
    decidedAt: decided ? last.at : null,
    decisionNote: spec.events.length > 1 ? last.note ?? null : null,
    abroad: false,
    ...spec.fields,
  })
  spec.events.forEach((event, index) => {
    ctx.rows.procedureEvents.push({
      id: demoId(ctx.key, 'procedure', spec.key, 'event', String(index)),
      procedureId: id,
      status: event.status,
      at: event.at,
      note: event.note ?? null,
      // the member submits, an advisor decides
      actorAccountId: index === 0 ? ctx.memberAccountId : ctx.advisorAccountId,
    })
  })
  return id
}

/** Gives every procedure a reference like DEM-2026-104233, increasing with submission time. */
export function assignProcedureReferences(rows: DemoRows, random: Random): void {
  let counter = 104_000
  const ordered = [...rows.procedures].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id!.localeCompare(b.id!))
  for (const procedure of ordered) {
    counter += random.int(40, 900)
    procedure.reference = `DEM-${procedure.submittedAt.slice(0, 4)}-${String(counter).padStart(6, '0')}`
  }
}

export type Origin = 'TELETRANSMISSION' | 'REQUEST' | 'TIERS_PAYANT'

export interface CareAct {
  careDate: string
  paymentDate: string
  beneficiary: BeneficiaryRef
  careType: CareType
  careLabel: string
  providerName: string
  expenseCents: number
  /** From the décompte; omitted, the engine's reference base applies. */
  socialSecurityBaseCents?: number
  socialSecurityRatePercent?: number
  quantity?: number
  hundredPercentSanteBasket?: boolean
  origin: Origin
  /** For REQUEST acts: the procedure to link, else one is created (submitted the day after the care). */
  procedureId?: string
}

/** The household's contracts covering a beneficiary on a day, main first, then by start date (as the mutuelle pays). */
function contractsCoveringOn(ctx: HouseholdContext, contracts: ContractRef[], beneficiaryId: string, date: string): ContractRef[] {
  const within = (start: string, end: string | null | undefined) => start <= date && (end == null || end >= date)
  return ctx.rows.contracts
    .filter(c => c.memberId === ctx.memberId && within(c.startDate, c.endDate))
    .filter(c => ctx.rows.contractBeneficiaries.some(cb => cb.contractId === c.id && cb.beneficiaryId === beneficiaryId && within(cb.startDate, cb.endDate)))
    .sort((a, b) => Number(b.main ?? false) - Number(a.main ?? false) || a.startDate.localeCompare(b.startDate))
    .map(c => contracts.find(ref => ref.id === c.id)!)
}

/**
 * Pays a history of care through the reimbursement engine, in care-date order: every contract
 * covering the beneficiary that day pays in turn (main first, then top-ups), keeping per
 * beneficiary and calendar year the forfait used per guarantee and the amounts withheld per cap.
 */
export function addReimbursements(ctx: HouseholdContext, contracts: ContractRef[], acts: CareAct[]): void {
  const forfaitUsed = new Map<string, number>()
  const withheld = new Map<string, number>()
  const ordered = acts.map((act, index) => ({ act, index })).sort((a, b) => a.act.careDate.localeCompare(b.act.careDate) || a.index - b.index)
  for (const { act, index } of ordered) {
    if (act.paymentDate <= act.careDate)
      throw new Error(`act ${index} of ${ctx.key} is paid before it is given`)
    const covering = contractsCoveringOn(ctx, contracts, act.beneficiary.id, act.careDate)
    if (!covering.length)
      throw new Error(`act ${index} of ${ctx.key} is given on a day no contract covers`)
    const payers = covering.flatMap(contract => contract.guarantees[act.careType] ? [{ contract, guarantee: contract.guarantees[act.careType]! }] : [])
    const year = yearOf(act.careDate)
    const capKey = `${act.beneficiary.id}|${year}|${withholdingCapGroup(CARE_REFERENCES[act.careType].withholding)}`
    const forfaitKey = (guaranteeId: string) => `${act.beneficiary.id}|${year}|${guaranteeId}`
    const decompte = act.socialSecurityBaseCents != null
    const result = computeSplit({
      careType: act.careType,
      expenseCents: act.expenseCents,
      socialSecurityBaseCents: act.socialSecurityBaseCents ?? null,
      socialSecurityRatePercent: act.socialSecurityRatePercent ?? null,
      quantity: act.quantity ?? 1,
      beneficiaryIsMinor: isMinorOn(act.beneficiary.birthDate, act.careDate),
      hundredPercentSanteBasket: act.hundredPercentSanteBasket ?? false,
      withheldThisYearCents: withheld.get(capKey) ?? 0,
      payers: payers.map(p => ({ contractLabel: p.contract.label, guarantee: p.guarantee.rule, forfaitUsedThisYearCents: forfaitUsed.get(forfaitKey(p.guarantee.id)) ?? 0 })),
    })
    const shares = payers.map((p, i) => ({ contractId: p.contract.id, guaranteeId: p.guarantee.id, rule: p.guarantee.rule, share: result.payers[i]! }))
    for (const share of shares)
      forfaitUsed.set(forfaitKey(share.guaranteeId), (forfaitUsed.get(forfaitKey(share.guaranteeId)) ?? 0) + share.share.forfaitUsedCents)
    // the row names the first contract that paid, as the mutuelle's own statements do
    const first = shares.find(x => x.share.amountCents > 0) ?? shares[0]
    withheld.set(capKey, (withheld.get(capKey) ?? 0) + result.withheldCents)

    let procedureId = act.procedureId ?? null
    if (act.origin === 'REQUEST' && !procedureId) {
      if (addDays(act.careDate, 2) >= act.paymentDate)
        throw new Error(`request ${index} of ${ctx.key} needs three days between care and payment`)
      procedureId = addProcedure(ctx, {
        key: `request-${act.careDate}-${index}`,
        kind: 'REIMBURSEMENT',
        beneficiaryId: act.beneficiary.id,
        events: [
          { status: 'SUBMITTED', at: instant(addDays(act.careDate, 1), '18:40') },
          { status: 'ACCEPTED', at: instant(addDays(act.paymentDate, -1), '10:15'), note: 'Demande acceptée.' },
        ],
        estimatedDecisionDate: addDays(act.careDate, 11),
        fields: {
          careType: act.careType,
          careDate: act.careDate,
          amountCents: act.expenseCents,
          amountEurCents: act.expenseCents,
          socialSecurityBaseCents: decompte ? result.socialSecurityBaseCents : null,
          socialSecurityPaidCents: decompte ? result.socialSecurityCents : null,
        },
      })
    }

    const payee = act.origin === 'TIERS_PAYANT' ? 'PROVIDER' : 'MEMBER'
    const id = demoId(ctx.key, 'reimbursement', act.careDate, String(index))
    ctx.rows.reimbursements.push({
      id,
      memberId: ctx.memberId,
      contractId: first?.contractId ?? covering[0]!.id,
      beneficiaryId: act.beneficiary.id,
      careType: act.careType,
      careLabel: act.careLabel,
      careDate: act.careDate,
      paymentDate: act.paymentDate,
      providerName: act.providerName,
      decompteNumber: `${act.paymentDate.replaceAll('-', '')}${ctx.random.digits(6)}`,
      ...amountColumns(result),
      guaranteeId: first?.guaranteeId ?? null,
      hundredPercentSante: (act.hundredPercentSanteBasket ?? false) && (first?.rule.hundredPercentSante ?? false),
      payee,
      origin: act.origin,
      bankAccountId: payee === 'MEMBER' ? act.beneficiary.reimbursementAccountId : null,
      procedureId,
    })
    ctx.rows.reimbursementShares.push(...shareRows(id, shares))
  }
}

export interface ThreadMessageSpec { from: 'MEMBER' | 'ADVISOR', daysAgo: number, time: string, body: string }

export interface ThreadSpec {
  key: string
  category: string
  subject: string
  messages: ThreadMessageSpec[]
  unreadByMember?: boolean
}

/** A thread is "Traité" once the advisor has written last, "En cours" while the member waits. */
export function addThread(ctx: HouseholdContext, spec: ThreadSpec): void {
  const { categoryId, subjectId } = messageSubject(spec.category, spec.subject)
  const id = demoId(ctx.key, 'thread', spec.key)
  const sentAt = (m: ThreadMessageSpec) => instant(addDays(ctx.today, -m.daysAgo), m.time)
  const first = spec.messages[0]
  const last = spec.messages.at(-1)
  if (!first || !last)
    throw new Error(`thread ${spec.key} has no message`)
  const answered = last.from === 'ADVISOR'
  ctx.rows.messageThreads.push({
    id,
    memberId: ctx.memberId,
    categoryId,
    subjectId,
    status: answered ? 'ANSWERED' : 'OPEN',
    unreadByMember: answered && (spec.unreadByMember ?? false),
    unreadByAdvisor: !answered,
    createdAt: sentAt(first),
    updatedAt: sentAt(last),
  })
  spec.messages.forEach((message, index) => {
    ctx.rows.messages.push({
      id: demoId(ctx.key, 'thread', spec.key, 'message', String(index)),
      threadId: id,
      authorKind: message.from,
      authorAccountId: message.from === 'MEMBER' ? ctx.memberAccountId : ctx.advisorAccountId,
      body: message.body,
      sentAt: sentAt(message),
    })
  })
}

/** One benefits statement (relevé de prestations) per month of the past year, issued a few days after the month ends. */
export function addBenefitsStatements(ctx: HouseholdContext, contractId: string): void {
  const thisMonth = firstOfMonth(ctx.today)
  for (let offset = -12; offset <= -1; offset++) {
    const periodStart = addMonths(thisMonth, offset)
    const periodEnd = lastOfMonth(periodStart)
    const issuedOn = addDays(periodEnd, 3)
    if (issuedOn >= ctx.today)
      continue
    ctx.rows.documents.push({
      id: demoId(ctx.key, 'document', 'statement', periodStart),
      memberId: ctx.memberId,
      contractId,
      kind: 'BENEFITS_STATEMENT',
      title: `Relevé de prestations — ${frenchMonth(periodStart)}`,
      year: yearOf(periodStart),
      periodStart,
      periodEnd,
      issuedAt: instant(issuedOn, '05:30'),
      fileId: null,
    })
  }
}
