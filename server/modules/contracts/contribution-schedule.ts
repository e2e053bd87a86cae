import type { contributionInstalmentsTable } from '../../db/schema/index.ts'
import { formatEuros, frenchDate } from '../../core/format.ts'

export type InstalmentRow = typeof contributionInstalmentsTable.$inferSelect

/** Where an instalment's money stands: taken, due with no debit planned, or in a debit to come. */
export type Settlement = 'PAID' | 'TO_SETTLE' | 'TO_COME'

/** A rejected instalment presented again with a later debit, with the fee its rejection cost. */
export interface RepresentedPart {
  id: string
  dueDate: string
  amountCents: number
  rejectionFeeCents: number
}

export interface ScheduleLine extends InstalmentRow {
  /** Rejected instalments this debit presented again (with their fees). */
  represented: RepresentedPart[]
  /** What this debit takes: its own instalment plus what it presents again. */
  debitCents: number
  /** A rejected instalment: the due date of the debit that presented it again; null while it stays to settle. */
  representedOn: string | null
  /** Where this instalment (and its rejection fee) stands. */
  settlement: Settlement
  /** What became of a rejected instalment, or what this debit presented again; the page and the PDF print it. */
  note: string | null
}

export interface ScheduleTotals {
  /** The instalments, member share. */
  memberTotalCents: number
  employerTotalCents: number
  /** Rejection fees charged over the schedule. */
  rejectionFeesCents: number
  /** The member's year: instalments and rejection fees; equals paid + to settle + to come. */
  yearlyTotalCents: number
  paidCents: number
  toSettleCents: number
  upcomingCents: number
  /** Member share of the instalments the bank rejected, whatever became of them. */
  rejectedCents: number
}

const SETTLEMENT_OF_STATUS = { PAID: 'PAID', SCHEDULED: 'TO_COME', REJECTED: 'TO_SETTLE' } as const

/**
 * The échéancier as the member reads it. A rejected instalment follows the debit that presented it
 * again (paid with it, or to come with it); without one, or when that debit was rejected in turn
 * and not presented again, it stays to settle. Each instalment and fee lands in exactly one of
 * paid, to settle and to come, so the three add up to the yearly total.
 */
export function buildSchedule(instalments: InstalmentRow[]): { lines: ScheduleLine[], totals: ScheduleTotals } {
  const byId = new Map(instalments.map(i => [i.id, i]))

  // the debit that finally carries an instalment: itself, or the end of its chain of re-presentations
  const carrier = (row: InstalmentRow): InstalmentRow => {
    const seen = new Set<string>()
    let at = row
    while (at.status === 'REJECTED' && at.representedById && !seen.has(at.id)) {
      seen.add(at.id)
      const next = byId.get(at.representedById)
      if (!next)
        break
      at = next
    }
    return at
  }

  const lines: ScheduleLine[] = instalments.map((row) => {
    const represented = instalments
      .filter(r => r.status === 'REJECTED' && r.representedById === row.id)
      .map(r => ({ id: r.id, dueDate: r.dueDate, amountCents: r.amountCents, rejectionFeeCents: r.rejectionFeeCents }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    const next = row.status === 'REJECTED' && row.representedById ? byId.get(row.representedById) : undefined
    const line = {
      ...row,
      represented,
      debitCents: row.amountCents + represented.reduce((t, r) => t + r.amountCents + r.rejectionFeeCents, 0),
      representedOn: next?.dueDate ?? null,
      settlement: SETTLEMENT_OF_STATUS[carrier(row).status],
    }
    return { ...line, note: lineNote(line) }
  })

  const sum = (rows: ScheduleLine[], pick: (l: ScheduleLine) => number) => rows.reduce((t, l) => t + pick(l), 0)
  const owed = (l: ScheduleLine) => l.amountCents + l.rejectionFeeCents
  const memberTotalCents = sum(lines, l => l.amountCents)
  const rejectionFeesCents = sum(lines, l => l.rejectionFeeCents)
  return {
    lines,
    totals: {
      memberTotalCents,
      employerTotalCents: sum(lines, l => l.employerShareCents),
      rejectionFeesCents,
      yearlyTotalCents: memberTotalCents + rejectionFeesCents,
      paidCents: sum(lines.filter(l => l.settlement === 'PAID'), owed),
      toSettleCents: sum(lines.filter(l => l.settlement === 'TO_SETTLE'), owed),
      upcomingCents: sum(lines.filter(l => l.settlement === 'TO_COME'), owed),
      rejectedCents: sum(lines.filter(l => l.status === 'REJECTED'), l => l.amountCents),
    },
  }
}

function lineNote(line: Omit<ScheduleLine, 'note'>): string | null {
  const fee = line.rejectionFeeCents > 0 ? ` Frais de rejet\u00a0: ${formatEuros(line.rejectionFeeCents)}.` : ''
  if (line.status === 'REJECTED') {
    if (!line.representedOn)
      return `À régler\u00a0: aucun prélèvement ne la représente.${fee}`
    const on = frenchDate(line.representedOn)
    if (line.settlement === 'PAID')
      return `Représentée avec le prélèvement du ${on} et payée.${fee}`
    if (line.settlement === 'TO_COME')
      return `Sera représentée avec le prélèvement du ${on}.${fee}`
    return `Représentée le ${on} et rejetée à nouveau\u00a0: à régler.${fee}`
  }
  if (!line.represented.length)
    return null
  const parts = line.represented.map(r => `l'échéance du ${frenchDate(r.dueDate)} représentée (${formatEuros(r.amountCents)})`)
  const fees = line.represented.reduce((t, r) => t + r.rejectionFeeCents, 0)
  if (fees > 0)
    parts.push(`${formatEuros(fees)} de frais de rejet`)
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}` : parts[0]
  const verb = line.status === 'SCHEDULED' ? 'inclura' : 'inclut'
  return `Prélèvement de ${formatEuros(line.debitCents)}\u00a0: il ${verb} ${listed}.`
}
