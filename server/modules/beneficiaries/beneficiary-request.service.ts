import type { Context } from '../../context.ts'
import type { UserError } from '../../core/errors.ts'
import type { BeneficiaryRow } from '../../core/loaders.ts'
import type { Queryable, Tx } from '../../db/client.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { ProcedureResult } from '../procedures/reimbursement-request.service.ts'
import type { BeneficiaryAdditionInput, BeneficiaryRemovalInput, NirOwner, SupportingDocumentKind } from './beneficiary-request.input.ts'
import { and, eq, gt, gte, inArray, isNull, or } from 'drizzle-orm'
import { addMonths, nowIso, today as todayOf } from '../../core/clock.ts'
import { userError } from '../../core/errors.ts'
import { frenchDate } from '../../core/format.ts'
import { normaliseLineText, normaliseMultilineText } from '../../core/text.ts'
import { requireMember } from '../../core/viewer.ts'
import { beneficiariesTable as b, cardRightsTable, contractBeneficiariesTable, contractsTable, insuranceCardsTable, procedureAttachmentsTable, procedureEventsTable, proceduresTable as p } from '../../db/schema/index.ts'
import { checkAttachments } from '../procedures/reimbursement-request.rules.ts'
import { addWorkingDays } from '../procedures/working-days.ts'
import { DECISION_WORKING_DAYS, nextProcedureReference } from '../procedures/reimbursement-request.service.ts'
import { maskNir } from '../members/member.service.ts'
import { normaliseNir } from './nir.ts'

export const MIN_RANK = 2
export const MAX_RANK = 19
export const MAX_NAME_LENGTH = 60
export const MAX_REASON_LENGTH = 500
/** Births and marriages are covered from the event when declared within 6 months. */
export const MAX_RETROACTIVE_MONTHS = 6
export const MAX_ADVANCE_MONTHS = 3
export const MAX_REMOVAL_ADVANCE_MONTHS = 12
const OLDEST_AGE_YEARS = 120

/** What a beneficiary démarche carries in `procedures.details`. */
export interface BeneficiaryAdditionDetails {
  firstName: string
  lastName: string
  birthDate: string
  relationship: 'SPOUSE' | 'CHILD' | 'OTHER'
  rank: number
  nir: string
  nirOwner: NirOwner
  coverageStart: string
  documentKind: SupportingDocumentKind
}
export interface BeneficiaryRemovalDetails { coverageEnd: string, reason: string | null }

const PENDING = ['SUBMITTED', 'MISSING_DOCUMENTS'] as const

/** Names compared as a person would: case, accents, hyphens and spaces do not count. */
function sameName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036F]/g, '').replace(/[\s'-]+/g, ' ').trim().toLowerCase()
  return key(a) === key(b)
}

function pendingOfKind(db: Queryable, memberId: string, kind: 'BENEFICIARY_ADDITION' | 'BENEFICIARY_REMOVAL'): ProcedureRow[] {
  return db.select().from(p).where(and(eq(p.memberId, memberId), eq(p.kind, kind), inArray(p.status, [...PENDING]))).all()
}

/** Ranks 02–19 neither held by a beneficiary of the household (past ones too) nor asked for by a pending addition. */
export function freeRanks(db: Queryable, memberId: string): number[] {
  const taken = new Set(db.select({ rank: b.rank }).from(b).where(eq(b.memberId, memberId)).all().map(r => r.rank))
  for (const row of pendingOfKind(db, memberId, 'BENEFICIARY_ADDITION'))
    taken.add((row.details as Partial<BeneficiaryAdditionDetails> | null)?.rank ?? 0)
  const free: number[] = []
  for (let rank = MIN_RANK; rank <= MAX_RANK; rank++) {
    if (!taken.has(rank))
      free.push(rank)
  }
  return free
}

export function listFreeRanks(ctx: Context): number[] {
  return freeRanks(ctx.db, requireMember(ctx.viewer).memberId)
}

/** A person of the household covered today or later with these names and birth date. */
function coveredTwin(db: Queryable, memberId: string, person: { firstName: string, lastName: string, birthDate: string }, today: string): BeneficiaryRow | undefined {
  return db.select().from(b).where(and(eq(b.memberId, memberId), eq(b.birthDate, person.birthDate))).all()
    .find(row => sameName(row.firstName, person.firstName) && sameName(row.lastName, person.lastName) && (!row.coverageEnd || row.coverageEnd >= today))
}

function checkName(field: 'firstName' | 'lastName', raw: string): { value: string, errors: UserError[] } {
  const value = normaliseLineText(raw)
  const what = field === 'firstName' ? 'le prénom' : 'le nom'
  if (!value)
    return { value, errors: [userError(field, 'REQUIRED', `Indiquez ${what} du bénéficiaire.`)] }
  if (value.length > MAX_NAME_LENGTH)
    return { value, errors: [userError(field, 'TOO_LONG', `${field === 'firstName' ? 'Le prénom' : 'Le nom'} ne doit pas dépasser ${MAX_NAME_LENGTH} caractères.`)] }
  return { value, errors: [] }
}

interface CheckedAddition { errors: UserError[], details: BeneficiaryAdditionDetails | null, fileIds: string[] }

function checkAddition(db: Queryable, memberId: string, accountId: string, today: string, input: BeneficiaryAdditionInput): CheckedAddition {
  const errors: UserError[] = []
  const first = checkName('firstName', input.firstName)
  const last = checkName('lastName', input.lastName)
  errors.push(...first.errors, ...last.errors)

  const birthDate = input.birthDate
  if (birthDate > today)
    errors.push(userError('birthDate', 'FUTURE_DATE', 'La date de naissance ne peut pas être dans le futur.'))
  else if (birthDate < addMonths(today, -12 * OLDEST_AGE_YEARS))
    errors.push(userError('birthDate', 'TOO_OLD', 'Vérifiez la date de naissance.'))

  const relationship = input.relationship
  if (relationship !== 'SPOUSE' && relationship !== 'CHILD' && relationship !== 'OTHER')
    errors.push(userError('relationship', 'UNSUPPORTED', 'L\'adhérent principal est déjà couvert\u00a0: choisissez conjoint(e), enfant ou autre ayant droit.'))

  const free = freeRanks(db, memberId)
  let rank = input.rank ?? free[0] ?? null
  if (input.rank != null && (input.rank < MIN_RANK || input.rank > MAX_RANK)) {
    errors.push(userError('rank', 'RANK_OUT_OF_RANGE', 'Le rang d\'un bénéficiaire va de 02 à 19 (01 est celui de l\'adhérent principal).'))
    rank = null
  }
  else if (rank === null || !free.includes(rank)) {
    const hint = free.length ? ` Rangs libres\u00a0: ${free.map(r => String(r).padStart(2, '0')).join(', ')}.` : ''
    errors.push(userError('rank', 'RANK_TAKEN', rank === null ? 'Tous les rangs de 02 à 19 sont déjà attribués\u00a0: écrivez à votre conseiller.' : `Le rang ${String(rank).padStart(2, '0')} est déjà attribué dans votre foyer.${hint}`))
  }

  const nirOwner: NirOwner = input.nirOwner === 'INSURED' ? 'INSURED' : 'BENEFICIARY'
  const nir = input.nir?.trim() ? normaliseNir(input.nir) : null
  if (!input.nir?.trim())
    errors.push(userError('nir', 'REQUIRED', 'Indiquez le numéro de sécurité sociale du bénéficiaire ou de l\'assuré auquel il est rattaché.'))
  else if (!nir)
    errors.push(userError('nir', 'INVALID_NIR', 'Ce numéro de sécurité sociale n\'est pas valide\u00a0: vérifiez les 13 chiffres et la clé de 2 chiffres.'))
  else if (nirOwner === 'BENEFICIARY' && birthDate <= today && /^(?:0[1-9]|1[0-2])$/.test(nir.slice(3, 5)) && nir.slice(1, 5) !== `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}`)
    // the number carries the year and month of birth (unless the month is unknown, 20–99)
    errors.push(userError('nir', 'INVALID_NIR', 'Ce numéro ne correspond pas à la date de naissance indiquée\u00a0: s\'agit-il du numéro de l\'assuré auquel le bénéficiaire est rattaché\u00a0?'))

  const coverageStart = input.coverageStart ?? today
  const earliest = addMonths(today, -MAX_RETROACTIVE_MONTHS)
  const latest = addMonths(today, MAX_ADVANCE_MONTHS)
  if (coverageStart < birthDate && birthDate <= today)
    errors.push(userError('coverageStart', 'TOO_EARLY', 'La couverture ne peut pas commencer avant la naissance.'))
  else if (coverageStart < earliest)
    errors.push(userError('coverageStart', 'TOO_EARLY', `La couverture peut remonter à 6 mois au plus\u00a0: choisissez une date à partir du ${frenchDate(earliest)}.`))
  else if (coverageStart > latest)
    errors.push(userError('coverageStart', 'TOO_LATE', `Choisissez une date de début au plus tard le ${frenchDate(latest)}.`))

  const documentKind = input.documentKind as SupportingDocumentKind | null | undefined
  if (!documentKind)
    errors.push(userError('documentKind', 'REQUIRED', 'Indiquez le justificatif joint\u00a0: livret de famille, acte de naissance ou attestation de PACS.'))

  const files = checkAttachments(db, accountId, input.attachmentIds ?? [])
  errors.push(...files.errors.map(e => e.code === 'REQUIRED' ? userError('attachmentIds', 'REQUIRED', 'Joignez le justificatif\u00a0: livret de famille, acte de naissance ou attestation de PACS.') : e))

  if (!first.errors.length && !last.errors.length && birthDate <= today) {
    const person = { firstName: first.value, lastName: last.value, birthDate }
    if (coveredTwin(db, memberId, person, today)) {
      errors.push(userError(null, 'ALREADY_COVERED', `${person.firstName} ${person.lastName}, né(e) le ${frenchDate(birthDate)}, est déjà couvert(e) par votre contrat.`))
    }
    else if (pendingOfKind(db, memberId, 'BENEFICIARY_ADDITION').some((row) => {
      const d = row.details as Partial<BeneficiaryAdditionDetails> | null
      return d?.birthDate === birthDate && sameName(d.firstName ?? '', person.firstName) && sameName(d.lastName ?? '', person.lastName)
    })) {
      errors.push(userError(null, 'ALREADY_REQUESTED', `Une demande d'ajout de ${person.firstName} ${person.lastName} est déjà en cours.`))
    }
  }

  if (errors.length || !rank || !nir || !documentKind)
    return { errors, details: null, fileIds: [] }
  return {
    errors: [],
    details: { firstName: first.value, lastName: last.value, birthDate, relationship: relationship as BeneficiaryAdditionDetails['relationship'], rank, nir, nirOwner, coverageStart, documentKind },
    fileIds: files.fileIds,
  }
}

function fileProcedure(tx: Tx, ctx: { memberId: string, accountId: string, today: string, now: string }, values: Pick<ProcedureRow, 'kind' | 'beneficiaryId' | 'details'>, fileIds: string[]): ProcedureRow {
  const procedure = tx.insert(p).values({
    memberId: ctx.memberId,
    kind: values.kind,
    status: 'SUBMITTED',
    beneficiaryId: values.beneficiaryId,
    reference: nextProcedureReference(tx, ctx.today.slice(0, 4)),
    submittedAt: ctx.now,
    updatedAt: ctx.now,
    estimatedDecisionDate: addWorkingDays(ctx.today, DECISION_WORKING_DAYS),
    details: values.details,
  }).returning().get()
  tx.insert(procedureEventsTable).values({ procedureId: procedure.id, status: 'SUBMITTED', at: ctx.now, actorAccountId: ctx.accountId }).run()
  if (fileIds.length)
    tx.insert(procedureAttachmentsTable).values(fileIds.map(fileId => ({ procedureId: procedure.id, fileId, addedAt: ctx.now }))).run()
  return procedure
}

/** Files an « Ajout de bénéficiaire » démarche with its supporting document, or French field errors and nothing saved. */
export function requestBeneficiaryAddition(ctx: Context, input: BeneficiaryAdditionInput): ProcedureResult {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const checked = checkAddition(tx, viewer.memberId, viewer.accountId, today, input)
    if (!checked.details)
      return { procedure: null, errors: checked.errors }
    const procedure = fileProcedure(tx, { ...viewer, today, now }, { kind: 'BENEFICIARY_ADDITION', beneficiaryId: null, details: { ...checked.details } }, checked.fileIds)
    return { procedure, errors: [] }
  }, { behavior: 'immediate' })
}

/** Files a « Retrait de bénéficiaire » démarche: the coverage ends on the chosen day once an advisor accepts. */
export function requestBeneficiaryRemoval(ctx: Context, input: BeneficiaryRemovalInput): ProcedureResult {
  const viewer = requireMember(ctx.viewer)
  const today = todayOf(ctx.clock)
  const now = nowIso(ctx.clock)
  return ctx.db.transaction((tx) => {
    const errors: UserError[] = []
    // another household's id reads exactly like an unknown one
    const person = tx.select().from(b).where(and(eq(b.id, input.beneficiaryId), eq(b.memberId, viewer.memberId))).get()
    if (!person)
      errors.push(userError('beneficiaryId', 'NOT_FOUND', 'Choisissez un bénéficiaire de votre contrat.'))
    else if (person.relationship === 'SELF')
      errors.push(userError('beneficiaryId', 'NOT_REMOVABLE', 'L\'adhérent principal ne peut pas être retiré de son propre contrat.'))
    else if (person.coverageEnd && person.coverageEnd < today)
      errors.push(userError('beneficiaryId', 'NOT_REMOVABLE', `${person.firstName} n'est plus couvert(e) depuis le ${frenchDate(person.coverageEnd)}.`))
    else if (pendingOfKind(tx, viewer.memberId, 'BENEFICIARY_REMOVAL').some(row => row.beneficiaryId === person.id))
      errors.push(userError('beneficiaryId', 'ALREADY_REQUESTED', `Une demande de retrait de ${person.firstName} est déjà en cours.`))

    const latest = addMonths(today, MAX_REMOVAL_ADVANCE_MONTHS)
    if (input.coverageEnd < today)
      errors.push(userError('coverageEnd', 'TOO_EARLY', 'La fin de couverture ne peut pas être dans le passé.'))
    else if (person && input.coverageEnd < person.coverageStart)
      errors.push(userError('coverageEnd', 'TOO_EARLY', `La couverture de ${person.firstName} commence le ${frenchDate(person.coverageStart)}\u00a0: choisissez une date ultérieure.`))
    else if (input.coverageEnd > latest)
      errors.push(userError('coverageEnd', 'TOO_LATE', `Choisissez une date de fin au plus tard le ${frenchDate(latest)}.`))

    const reason = input.reason ? normaliseMultilineText(input.reason) || null : null
    if (reason && reason.length > MAX_REASON_LENGTH)
      errors.push(userError('reason', 'TOO_LONG', `Le motif ne doit pas dépasser ${MAX_REASON_LENGTH} caractères.`))
    const files = input.attachmentIds?.length ? checkAttachments(tx, viewer.accountId, input.attachmentIds) : { errors: [], fileIds: [] }
    errors.push(...files.errors)
    if (errors.length || !person)
      return { procedure: null, errors }
    const details: BeneficiaryRemovalDetails = { coverageEnd: input.coverageEnd, reason }
    const procedure = fileProcedure(tx, { ...viewer, today, now }, { kind: 'BENEFICIARY_REMOVAL', beneficiaryId: person.id, details: { ...details } }, files.fileIds)
    return { procedure, errors: [] }
  }, { behavior: 'immediate' })
}

/**
 * ACCEPT of an addition: the person joins the household from the chosen day, on every active
 * contract, and on the tiers-payant cards valid from then with the member's own care domains.
 * Checked again here: another request may have taken the rank since.
 */
export function acceptBeneficiaryAddition(tx: Tx, procedure: ProcedureRow, today: string): { beneficiaryId: string, note: string } | UserError {
  const d = procedure.details as BeneficiaryAdditionDetails | null
  if (!d?.firstName || !d.birthDate || !d.rank || !d.coverageStart)
    return userError(null, 'INCOMPLETE_REQUEST', 'La demande est incomplète\u00a0: refusez-la en l\'expliquant.')
  if (coveredTwin(tx, procedure.memberId, d, today))
    return userError(null, 'ALREADY_COVERED', `${d.firstName} ${d.lastName} est déjà couvert(e)\u00a0: refusez la demande en l'expliquant.`)
  if (tx.select({ id: b.id }).from(b).where(and(eq(b.memberId, procedure.memberId), eq(b.rank, d.rank))).get())
    return userError(null, 'RANK_TAKEN', `Le rang ${String(d.rank).padStart(2, '0')} est déjà attribué dans ce foyer\u00a0: demandez à l'adhérent d'en choisir un autre.`)
  const holder = tx.select().from(b).where(and(eq(b.memberId, procedure.memberId), eq(b.relationship, 'SELF'))).get()
  const added = tx.insert(b).values({
    memberId: procedure.memberId,
    firstName: d.firstName,
    lastName: d.lastName,
    birthDate: d.birthDate,
    relationship: d.relationship,
    rank: d.rank,
    nir: d.nirOwner === 'BENEFICIARY' ? d.nir : null,
    coverageStart: d.coverageStart,
    socialSecurityFund: holder?.socialSecurityFund ?? null,
    // the mutuelle asks the caisse for the link: décomptes arrive once it is set up
    noemieStatus: 'PENDING',
  }).returning().get()

  const contracts = tx.select().from(contractsTable).where(and(eq(contractsTable.memberId, procedure.memberId), eq(contractsTable.status, 'ACTIVE'), or(isNull(contractsTable.endDate), gte(contractsTable.endDate, d.coverageStart)))).all()
  for (const contract of contracts) {
    tx.insert(contractBeneficiariesTable).values({ contractId: contract.id, beneficiaryId: added.id, startDate: contract.startDate > d.coverageStart ? contract.startDate : d.coverageStart }).run()
    const cards = tx.select().from(insuranceCardsTable).where(and(eq(insuranceCardsTable.contractId, contract.id), gte(insuranceCardsTable.validTo, d.coverageStart))).all()
    for (const card of cards) {
      const holderRights = holder ? tx.select().from(cardRightsTable).where(and(eq(cardRightsTable.cardId, card.id), eq(cardRightsTable.beneficiaryId, holder.id))).get() : undefined
      if (holderRights)
        tx.insert(cardRightsTable).values({ cardId: card.id, beneficiaryId: added.id, domains: holderRights.domains }).run()
    }
  }
  tx.update(p).set({ beneficiaryId: added.id }).where(eq(p.id, procedure.id)).run()
  return { beneficiaryId: added.id, note: `Demande acceptée\u00a0: ${d.firstName} est couvert(e) à compter du ${frenchDate(d.coverageStart)}.` }
}

/** ACCEPT of a removal: the coverage ends on the chosen day, on the beneficiary and on each contract. */
export function acceptBeneficiaryRemoval(tx: Tx, procedure: ProcedureRow): { note: string } | UserError {
  const d = procedure.details as BeneficiaryRemovalDetails | null
  const person = procedure.beneficiaryId ? tx.select().from(b).where(eq(b.id, procedure.beneficiaryId)).get() : undefined
  if (!d?.coverageEnd || !person)
    return userError(null, 'INCOMPLETE_REQUEST', 'La demande est incomplète\u00a0: refusez-la en l\'expliquant.')
  if (person.coverageEnd && person.coverageEnd < d.coverageEnd)
    return userError(null, 'NOT_REMOVABLE', `La couverture de ${person.firstName} s'arrête déjà le ${frenchDate(person.coverageEnd)}.`)
  tx.update(b).set({ coverageEnd: d.coverageEnd }).where(eq(b.id, person.id)).run()
  tx.update(contractBeneficiariesTable).set({ endDate: d.coverageEnd })
    .where(and(eq(contractBeneficiariesTable.beneficiaryId, person.id), or(isNull(contractBeneficiariesTable.endDate), gt(contractBeneficiariesTable.endDate, d.coverageEnd)))).run()
  return { note: `Demande acceptée\u00a0: ${person.firstName} reste couvert(e) jusqu'au ${frenchDate(d.coverageEnd)} inclus.` }
}

/** The request of a beneficiary démarche as the API shows it: the NIR masked. */
export function beneficiaryRequestDetails(row: ProcedureRow) {
  if (row.kind !== 'BENEFICIARY_ADDITION' && row.kind !== 'BENEFICIARY_REMOVAL')
    return null
  const d = (row.details ?? {}) as Partial<BeneficiaryAdditionDetails & BeneficiaryRemovalDetails>
  return {
    firstName: d.firstName ?? null,
    lastName: d.lastName ?? null,
    birthDate: d.birthDate ?? null,
    relationship: d.relationship ?? null,
    rank: d.rank ?? null,
    nirMasked: d.nir ? maskNir(d.nir) : null,
    nirOwner: d.nirOwner ?? null,
    coverageStart: d.coverageStart ?? null,
    documentKind: d.documentKind ?? null,
    coverageEnd: d.coverageEnd ?? null,
    reason: d.reason ?? null,
  }
}

/** The same request as an advisor decides it: everything but the Social Security number (least data). */
export function advisorBeneficiaryRequest(row: ProcedureRow) {
  const details = beneficiaryRequestDetails(row)
  if (!details)
    return null
  const { nirMasked: _unused, ...needed } = details
  return needed
}
