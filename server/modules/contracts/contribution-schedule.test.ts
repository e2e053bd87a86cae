import type { InstalmentRow } from './contribution-schedule.ts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildSchedule } from './contribution-schedule.ts'

const month = (i: number) => `${2026 + Math.floor((7 + i) / 12)}-${String(((7 + i) % 12) + 1).padStart(2, '0')}-05`

function instalment(i: number, status: InstalmentRow['status'], more: Partial<InstalmentRow> = {}): InstalmentRow {
  return { id: `i${i}`, contractId: 'c', dueDate: month(i), amountCents: 13740, employerShareCents: 4500, status, method: 'SEPA_DIRECT_DEBIT', paidAt: status === 'PAID' ? `${month(i)}T06:00:00.000Z` : null, mandateId: 'm', representedById: null, rejectionFeeCents: 0, ...more }
}

describe('buildSchedule', () => {
  it('counts a rejected instalment presented again with the next paid debit as paid, fee included, and says so on both lines', () => {
    const { lines, totals } = buildSchedule([
      instalment(0, 'PAID'),
      instalment(1, 'REJECTED', { representedById: 'i2', rejectionFeeCents: 800 }),
      instalment(2, 'PAID'),
      instalment(3, 'SCHEDULED'),
    ])
    expect(lines[1]).toMatchObject({ settlement: 'PAID', representedOn: '2026-10-05', note: 'Représentée avec le prélèvement du 05/10/2026 et payée. Frais de rejet\u00a0: 8,00\u00A0€.' })
    expect(lines[2]).toMatchObject({ settlement: 'PAID', debitCents: 2 * 13740 + 800, represented: [{ id: 'i1', dueDate: '2026-09-05', amountCents: 13740, rejectionFeeCents: 800 }] })
    expect(lines[2]!.note).toBe('Prélèvement de 282,80\u00A0€\u00a0: il inclut l\'échéance du 05/09/2026 représentée (137,40\u00A0€) et 8,00\u00A0€ de frais de rejet.')
    expect(totals).toEqual({ memberTotalCents: 4 * 13740, employerTotalCents: 4 * 4500, rejectionFeesCents: 800, yearlyTotalCents: 4 * 13740 + 800, paidCents: 3 * 13740 + 800, toSettleCents: 0, upcomingCents: 13740, rejectedCents: 13740 })
  })

  it('puts a rejected instalment presented with a debit to come in « à venir », and one with no debit in « à régler »', () => {
    const coming = buildSchedule([instalment(0, 'REJECTED', { representedById: 'i1' }), instalment(1, 'SCHEDULED')])
    expect(coming.totals).toMatchObject({ paidCents: 0, toSettleCents: 0, upcomingCents: 2 * 13740 })
    expect(coming.lines[1]!.note).toBe('Prélèvement de 274,80\u00A0€\u00a0: il inclura l\'échéance du 05/08/2026 représentée (137,40\u00A0€).')
    const stranded = buildSchedule([instalment(0, 'PAID'), instalment(1, 'REJECTED', { rejectionFeeCents: 500 })])
    expect(stranded.totals).toMatchObject({ paidCents: 13740, toSettleCents: 13740 + 500, upcomingCents: 0 })
    expect(stranded.lines[1]).toMatchObject({ settlement: 'TO_SETTLE', representedOn: null, note: 'À régler\u00a0: aucun prélèvement ne la représente. Frais de rejet\u00a0: 5,00\u00A0€.' })
  })

  it('keeps a debit rejected twice to settle, both instalments and both fees', () => {
    const { lines, totals } = buildSchedule([
      instalment(0, 'REJECTED', { representedById: 'i1', rejectionFeeCents: 800 }),
      instalment(1, 'REJECTED', { rejectionFeeCents: 800 }),
      instalment(2, 'SCHEDULED'),
    ])
    expect(lines.map(l => l.settlement)).toEqual(['TO_SETTLE', 'TO_SETTLE', 'TO_COME'])
    expect(lines[0]!.note).toBe('Représentée le 05/09/2026 et rejetée à nouveau\u00a0: à régler. Frais de rejet\u00a0: 8,00\u00A0€.')
    expect(totals).toMatchObject({ toSettleCents: 2 * 13740 + 1600, upcomingCents: 13740 })
  })

  // generated schedules: any statuses, any re-presentation of a rejected instalment by a later one
  const schedules = fc.array(fc.record({
    status: fc.constantFrom('PAID', 'SCHEDULED', 'REJECTED') as fc.Arbitrary<InstalmentRow['status']>,
    amountCents: fc.integer({ min: 0, max: 100_000 }),
    employerShareCents: fc.integer({ min: 0, max: 50_000 }),
    feeCents: fc.integer({ min: 0, max: 2_000 }),
    representedAhead: fc.option(fc.integer({ min: 1, max: 11 })),
  }), { minLength: 0, maxLength: 12 }).map(specs => specs.map((s, i) => instalment(i, s.status, {
    amountCents: s.amountCents,
    employerShareCents: s.employerShareCents,
    rejectionFeeCents: s.status === 'REJECTED' ? s.feeCents : 0,
    representedById: s.status === 'REJECTED' && s.representedAhead != null && i + s.representedAhead < specs.length ? `i${i + s.representedAhead}` : null,
  })))

  it('always adds up: paid + to settle + to come = the yearly total, instalments and fees each counted once', () => {
    fc.assert(fc.property(schedules, (rows) => {
      const { lines, totals } = buildSchedule(rows)
      expect(totals.paidCents + totals.toSettleCents + totals.upcomingCents).toBe(totals.yearlyTotalCents)
      expect(totals.yearlyTotalCents).toBe(rows.reduce((t, r) => t + r.amountCents + r.rejectionFeeCents, 0))
      // every debit takes its own instalment and exactly what it presents again
      expect(lines.reduce((t, l) => t + l.debitCents, 0)).toBe(totals.memberTotalCents + lines.filter(l => l.representedById).reduce((t, l) => t + l.amountCents + l.rejectionFeeCents, 0))
      for (const line of lines) {
        if (line.status !== 'REJECTED')
          expect(line.settlement).toBe(line.status === 'PAID' ? 'PAID' : 'TO_COME')
        else if (!line.representedById)
          expect(line.settlement).toBe('TO_SETTLE')
        // a rejected line says what became of it
        if (line.status === 'REJECTED')
          expect(line.note).toMatch(line.settlement === 'TO_SETTLE' ? /à régler/i : /^(Représentée|Sera représentée) avec le prélèvement du/)
      }
    }))
  })
})
