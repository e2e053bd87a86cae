import type { Context } from '../../context.ts'
import type { Queryable } from '../../db/client.ts'
import type { ReimbursementSummaryRow } from '../../db/schema/index.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import { and, asc, desc, eq, gte, lt, ne, sum } from 'drizzle-orm'
import { addMonths } from '../../core/clock.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'
import { requireMember } from '../../core/viewer.ts'
import { guaranteesTable, proceduresTable as p, reimbursementsTable as r } from '../../db/schema/index.ts'
import { parisDay } from '../advisor/advisor.service.ts'

/** A quote is matched with care given within this many months of sending it (a quote's usual validity). */
export const QUOTE_MATCH_MONTHS = 6

/** The split the member was shown when sending the quote (stored in the démarche's details). */
export interface QuoteEstimate { socialSecurityCents: number, mutuelleCents: number, outOfPocketCents: number, guaranteeLabel: string | null }

export interface QuoteComparisonView {
  quote: ProcedureRow
  quotedOn: string
  estimatedExpenseCents: number
  estimatedSocialSecurityCents: number
  estimatedMutuelleCents: number
  estimatedOutOfPocketCents: number
  actualExpenseCents: number
  actualSocialSecurityCents: number
  actualMutuelleCents: number
  actualOutOfPocketCents: number
  explanation: string[]
}

function estimateOf(quote: ProcedureRow): QuoteEstimate | null {
  const estimate = (quote.details as { estimate?: Partial<QuoteEstimate> } | null)?.estimate
  if (!estimate || typeof estimate.socialSecurityCents !== 'number' || typeof estimate.mutuelleCents !== 'number' || typeof estimate.outOfPocketCents !== 'number')
    return null
  return { socialSecurityCents: estimate.socialSecurityCents, mutuelleCents: estimate.mutuelleCents, outOfPocketCents: estimate.outOfPocketCents, guaranteeLabel: estimate.guaranteeLabel ?? null }
}

/**
 * The household's last quote, sent before this care, for the same beneficiary and care type, that
 * this reimbursement is the first one of that care to answer: a quote announces one care, not every
 * care of its kind that follows.
 */
function matchingQuote(db: Queryable, row: ReimbursementSummaryRow): ProcedureRow | null {
  const quote = db.select().from(p).where(and(
    eq(p.memberId, row.memberId),
    eq(p.kind, 'QUOTE'),
    ne(p.status, 'REJECTED'),
    eq(p.beneficiaryId, row.beneficiaryId),
    eq(p.careType, row.careType),
  )).orderBy(desc(p.submittedAt)).all().find(q => parisDay(q.submittedAt) <= row.careDate)
  if (!quote || !estimateOf(quote))
    return null
  const quotedOn = parisDay(quote.submittedAt)
  if (row.careDate > addMonths(quotedOn, QUOTE_MATCH_MONTHS))
    return null
  const first = db.select({ id: r.id }).from(r)
    .where(and(eq(r.beneficiaryId, row.beneficiaryId), eq(r.careType, row.careType), gte(r.careDate, quotedOn)))
    .orderBy(asc(r.careDate), asc(r.paymentDate), asc(r.id)).limit(1).get()
  return first?.id === row.id ? quote : null
}

/** Forfait of the same guarantee other care used between the quote and this care, same calendar year. */
function forfaitUsedInBetween(db: Queryable, row: ReimbursementSummaryRow, quotedOn: string): number {
  if (!row.guaranteeId)
    return 0
  const from = quotedOn.slice(0, 4) === row.careDate.slice(0, 4) ? quotedOn : `${row.careDate.slice(0, 4)}-01-01`
  const total = db.select({ total: sum(r.forfaitUsedCents) }).from(r).where(and(
    eq(r.beneficiaryId, row.beneficiaryId),
    eq(r.guaranteeId, row.guaranteeId),
    gte(r.careDate, from),
    lt(r.careDate, row.careDate),
  )).get()
  return Number(total?.total ?? 0)
}

const more = (cents: number) => cents > 0 ? 'de plus' : 'de moins'

/** Why the reimbursement differs from the quote's estimate, in French, most telling reason first. */
export function explainDifference(input: { quotedOn: string, quotedCents: number, quotedBaseCents: number | null, estimate: QuoteEstimate, actual: ReimbursementSummaryRow, forfaitUsedInBetweenCents: number, guaranteeLabel: string | null }): string[] {
  const { quotedCents, estimate, actual } = input
  const lines: string[] = []
  const billed = actual.expenseCents - quotedCents
  if (billed !== 0)
    lines.push(`Le montant facturé (${formatEuros(actual.expenseCents)}) est ${billed < 0 ? 'inférieur' : 'supérieur'} de ${formatEuros(Math.abs(billed))} à celui du devis (${formatEuros(quotedCents)})\u00a0: les remboursements suivent ce qui a été facturé.`)
  if (input.quotedBaseCents !== null && input.quotedBaseCents !== actual.socialSecurityBaseCents)
    lines.push(`La base de remboursement retenue par la Sécurité sociale (${formatEuros(actual.socialSecurityBaseCents)}) diffère de celle du devis (${formatEuros(input.quotedBaseCents)}).`)
  if (input.forfaitUsedInBetweenCents > 0)
    lines.push(`Entre le devis (${frenchDate(input.quotedOn)}) et les soins (${frenchDate(actual.careDate)}), d'autres soins ont utilisé ${formatEuros(input.forfaitUsedInBetweenCents)} du forfait annuel\u00a0: il en restait moins pour ces soins.`)
  else if (input.quotedOn.slice(0, 4) !== actual.careDate.slice(0, 4) && actual.forfaitUsedCents > 0)
    lines.push(`Les soins ont eu lieu en ${actual.careDate.slice(0, 4)}, l'année suivant le devis\u00a0: le forfait annuel est reparti de zéro le 1er janvier.`)
  if (estimate.guaranteeLabel && input.guaranteeLabel && estimate.guaranteeLabel !== input.guaranteeLabel)
    lines.push(`La garantie appliquée a changé depuis le devis\u00a0: «\u00a0${input.guaranteeLabel}\u00a0» au lieu de «\u00a0${estimate.guaranteeLabel}\u00a0».`)
  const ss = actual.socialSecurityCents - estimate.socialSecurityCents
  if (ss !== 0)
    lines.push(`La Sécurité sociale a remboursé ${formatEuros(Math.abs(ss))} ${more(ss)} que l'estimation.`)
  const mutuelle = actual.mutuelleCents - estimate.mutuelleCents
  if (mutuelle !== 0)
    lines.push(`Votre mutuelle a remboursé ${formatEuros(Math.abs(mutuelle))} ${more(mutuelle)} que l'estimation.`)
  const rest = actual.outOfPocketCents - estimate.outOfPocketCents
  if (rest === 0)
    lines.push(`Votre reste à charge (${formatEuros(actual.outOfPocketCents)}) est celui que le devis annonçait.`)
  else if (actual.outOfPocketCents === 0)
    lines.push(`Il ne vous reste rien à payer, alors que le devis laissait ${formatEuros(estimate.outOfPocketCents)} à votre charge.`)
  else
    lines.push(`Votre reste à charge est de ${formatEuros(actual.outOfPocketCents)}, soit ${formatEuros(Math.abs(rest))} ${more(rest)} que les ${formatEuros(estimate.outOfPocketCents)} estimés.`)
  return lines
}

/**
 * The estimate of the quote sent before this care beside what was actually paid, with the reasons
 * for the difference; null when no sent quote announced this care. The reimbursement was scoped to
 * the household by its parent query.
 */
export function quoteComparison(ctx: Context, row: ReimbursementSummaryRow): QuoteComparisonView | null {
  const { memberId } = requireMember(ctx.viewer)
  if (row.memberId !== memberId)
    return null
  const quote = matchingQuote(ctx.db, row)
  const estimate = quote ? estimateOf(quote) : null
  if (!quote || !estimate)
    return null
  const quotedOn = parisDay(quote.submittedAt)
  const quotedCents = quote.amountEurCents ?? quote.amountCents ?? 0
  const guaranteeLabel = row.guaranteeId ? ctx.db.select({ label: guaranteesTable.label }).from(guaranteesTable).where(eq(guaranteesTable.id, row.guaranteeId)).get()?.label ?? null : null
  return {
    quote,
    quotedOn,
    estimatedExpenseCents: quotedCents,
    estimatedSocialSecurityCents: estimate.socialSecurityCents,
    estimatedMutuelleCents: estimate.mutuelleCents,
    estimatedOutOfPocketCents: estimate.outOfPocketCents,
    actualExpenseCents: row.expenseCents,
    actualSocialSecurityCents: row.socialSecurityCents,
    actualMutuelleCents: row.mutuelleCents,
    actualOutOfPocketCents: row.outOfPocketCents,
    explanation: explainDifference({ quotedOn, quotedCents, quotedBaseCents: quote.socialSecurityBaseCents, estimate, actual: row, forfaitUsedInBetweenCents: forfaitUsedInBetween(ctx.db, row, quotedOn), guaranteeLabel }),
  }
}
