import type { CareType } from '../../db/schema/index.ts'
import type { GuaranteeRule, PayerInput, SplitInput, SplitResult } from './engine.ts'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CARE_TYPES } from '../../db/schema/index.ts'
import { computeReimbursement, computeSplit } from './engine.ts'

function guarantee(careType: CareType, brssPercent: number | null, more: Partial<GuaranteeRule> = {}): GuaranteeRule {
  return { careType, label: `Garantie ${careType.toLowerCase()}`, brssPercent, yearlyForfaitCents: null, perActCeilingCents: null, hundredPercentSante: false, ...more }
}
const mainOsteo = guarantee('ALTERNATIVE_MEDICINE', null, { label: 'Médecines douces\u00a0: 4 séances de 25 € par an', yearlyForfaitCents: 10000, perActCeilingCents: 2500 })
const renfortOsteo = guarantee('ALTERNATIVE_MEDICINE', null, { label: 'Médecines douces\u00a0: 3 séances de 40 € par an', yearlyForfaitCents: 12000, perActCeilingCents: 4000 })
const payer = (contractLabel: string, rule: GuaranteeRule, forfaitUsedThisYearCents = 0): PayerInput => ({ contractLabel, guarantee: rule, forfaitUsedThisYearCents })

interface Case { name: string, input: SplitInput, expected: { mutuelleCents: number, outOfPocketCents: number, payers: number[] } }

// Every figure computed by hand, in cents: each contract pays in turn on what Social Security and the contracts before it left.
const cases: Case[] = [
  {
    // 60 €, main forfait used up: main 0, Renfort its 40 € ceiling; 20 € left
    name: 'has the top-up pay once the main contract\'s forfait is used up',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, payers: [payer('Principal', mainOsteo, 10000), payer('Renfort', renfortOsteo, 8000)] },
    expected: { mutuelleCents: 4000, outOfPocketCents: 2000, payers: [0, 4000] },
  },
  {
    // 60 €: main 25 € (its ceiling), Renfort 40 € ceiling but only 35 € of the expense left
    name: 'has the top-up pay only what the main contract left of the expense',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, payers: [payer('Principal', mainOsteo), payer('Renfort', renfortOsteo)] },
    expected: { mutuelleCents: 6000, outOfPocketCents: 0, payers: [2500, 3500] },
  },
  {
    // 60 €, 5 € left of the Renfort forfait
    name: 'keeps the top-up within what is left of its own forfait',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, payers: [payer('Principal', mainOsteo, 10000), payer('Renfort', renfortOsteo, 11500)] },
    expected: { mutuelleCents: 500, outOfPocketCents: 5500, payers: [0, 500] },
  },
  {
    // private room 140 €, no BRSS: main 200 % × 0 = 0, Renfort's 300 € hospital forfait pays it all
    name: 'has a forfait-only top-up pay what a % BRSS main guarantee cannot',
    input: { careType: 'HOSPITAL', expenseCents: 14000, socialSecurityBaseCents: 0, socialSecurityRatePercent: 0, beneficiaryIsMinor: false, payers: [payer('Principal', guarantee('HOSPITAL', 200)), payer('Renfort', guarantee('HOSPITAL', null, { yearlyForfaitCents: 30000 }))] },
    expected: { mutuelleCents: 14000, outOfPocketCents: 0, payers: [0, 14000] },
  },
  {
    // 80 € consultation, BRSS 30 €: SS 21 € − 2 €; main 150 % → 45 − 21 = 24 €; top-up 250 % → 75 − (21 + 24) = 30 €;
    // left 80 − 19 − 24 − 30 = 7 € with the 2 € participation
    name: 'counts Social Security and the contracts before it in a top-up\'s % BRSS',
    input: { careType: 'CONSULTATION', expenseCents: 8000, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70, beneficiaryIsMinor: false, payers: [payer('Principal', guarantee('CONSULTATION', 150)), payer('Renfort', guarantee('CONSULTATION', 250))] },
    expected: { mutuelleCents: 5400, outOfPocketCents: 700, payers: [2400, 3000] },
  },
  {
    // 30 € consultation: SS 21 € − 2 €; main 9 €; nothing is left above the gross share for the top-up, the 2 € stay withheld
    name: 'never lets a top-up pay back the participation forfaitaire',
    input: { careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: false, payers: [payer('Principal', guarantee('CONSULTATION', 100)), payer('Renfort', guarantee('CONSULTATION', null, { yearlyForfaitCents: 50000 }))] },
    expected: { mutuelleCents: 900, outOfPocketCents: 200, payers: [900, 0] },
  },
  {
    // crown 500 € in the 100 % Santé basket: main pays everything above SS, the top-up's forfait stays untouched
    name: 'leaves nothing for the top-up after a 100 % Santé basket',
    input: { careType: 'DENTAL', expenseCents: 50000, socialSecurityBaseCents: 12000, socialSecurityRatePercent: 70, hundredPercentSanteBasket: true, beneficiaryIsMinor: false, payers: [payer('Principal', guarantee('DENTAL', 300, { hundredPercentSante: true })), payer('Renfort', guarantee('DENTAL', null, { yearlyForfaitCents: 40000 }))] },
    expected: { mutuelleCents: 41600, outOfPocketCents: 0, payers: [41600, 0] },
  },
]

describe('computeSplit: several contracts pay one care, in order', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const r = computeSplit(input)
    expect(r.payers.map(p => p.amountCents)).toEqual(expected.payers)
    expect(r).toMatchObject({ mutuelleCents: expected.mutuelleCents, outOfPocketCents: expected.outOfPocketCents })
  })

  it('explains each contract\'s part, then the total', () => {
    const r = computeSplit(cases[1]!.input)
    const nbsp = '\u00A0'
    expect(r.explanation).toEqual([
      `Dépense\u00a0: 60,00${nbsp}€`,
      'Ce soin n\'est pas remboursé par la Sécurité sociale.',
      'Contrat «\u00a0Principal\u00a0», garantie «\u00a0Médecines douces\u00a0: 4 séances de 25 € par an\u00a0»',
      `Forfait annuel de 100,00${nbsp}€\u00a0: 100,00${nbsp}€ encore disponibles cette année, dont 25,00${nbsp}€ utilisés pour ce soin`,
      `Plafond de 25,00${nbsp}€ par acte\u00a0: la part de ce contrat est limitée à ce montant`,
      `Remboursé par votre mutuelle, contrat «\u00a0Principal\u00a0»\u00a0: 25,00${nbsp}€`,
      'Contrat «\u00a0Renfort\u00a0», garantie «\u00a0Médecines douces\u00a0: 3 séances de 40 € par an\u00a0»',
      `Forfait annuel de 120,00${nbsp}€\u00a0: 120,00${nbsp}€ encore disponibles cette année, dont 35,00${nbsp}€ utilisés pour ce soin`,
      `Remboursé par votre mutuelle, contrat «\u00a0Renfort\u00a0»\u00a0: 35,00${nbsp}€`,
      `Remboursé par votre mutuelle\u00a0: 60,00${nbsp}€ (Principal 25,00${nbsp}€ + Renfort 35,00${nbsp}€)`,
      `Reste à votre charge\u00a0: 0,00${nbsp}€`,
    ])
  })
})

// generated cares and contracts: 1 to 3 contracts, each with any kind of guarantee and forfait already used
const guaranteeArb = (careType: CareType) => fc.record({
  brssPercent: fc.option(fc.constantFrom(100, 125, 150, 200, 300), { nil: null }),
  yearlyForfaitCents: fc.option(fc.integer({ min: 0, max: 60000 }), { nil: null }),
  perActCeilingCents: fc.option(fc.integer({ min: 0, max: 40000 }), { nil: null }),
  hundredPercentSante: fc.boolean(),
}).map(g => guarantee(careType, g.brssPercent, g))

const splitArb: fc.Arbitrary<SplitInput> = fc.constantFrom(...CARE_TYPES).chain(careType => fc.record({
  careType: fc.constant(careType),
  expenseCents: fc.integer({ min: 0, max: 300000 }),
  socialSecurityBaseCents: fc.option(fc.integer({ min: 0, max: 300000 }), { nil: null }),
  socialSecurityPaidCents: fc.option(fc.integer({ min: 0, max: 300000 }), { nil: null }),
  quantity: fc.integer({ min: 1, max: 5 }),
  beneficiaryIsMinor: fc.boolean(),
  hundredPercentSanteBasket: fc.boolean(),
  withheldThisYearCents: fc.integer({ min: 0, max: 6000 }),
  payers: fc.array(fc.record({
    contractLabel: fc.constantFrom('Principal', 'Renfort', 'Sur-renfort'),
    guarantee: guaranteeArb(careType),
    forfaitUsedThisYearCents: fc.integer({ min: 0, max: 60000 }),
  }), { minLength: 0, maxLength: 3 }),
}))

function forfaitLeft(p: PayerInput): number {
  return p.guarantee.yearlyForfaitCents == null ? 0 : Math.max(0, p.guarantee.yearlyForfaitCents - (p.forfaitUsedThisYearCents ?? 0))
}

describe('computeSplit properties, over generated cares and contracts', () => {
  it('adds up: expense = Social Security + every contract\'s part + out of pocket, in whole non-negative cents', () => {
    fc.assert(fc.property(splitArb, (input) => {
      const r: SplitResult = computeSplit(input)
      const parts = r.payers.map(p => p.amountCents)
      for (const amount of [r.socialSecurityCents, r.outOfPocketCents, r.withheldCents, ...parts])
        expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true)
      expect(parts.reduce((t, p) => t + p, 0)).toBe(r.mutuelleCents)
      expect(r.socialSecurityCents + r.mutuelleCents + r.outOfPocketCents).toBe(input.expenseCents)
      expect(r.payers).toHaveLength(input.payers.length)
    }))
  })

  it('keeps each contract within its guarantee: per-act ceiling, forfait left, never above the expense', () => {
    fc.assert(fc.property(splitArb, (input) => {
      const r = computeSplit(input)
      r.payers.forEach((share, i) => {
        const p = input.payers[i]!
        if (p.guarantee.perActCeilingCents != null && !(input.hundredPercentSanteBasket && p.guarantee.hundredPercentSante))
          expect(share.amountCents).toBeLessThanOrEqual(p.guarantee.perActCeilingCents)
        expect(share.forfaitUsedCents).toBeLessThanOrEqual(forfaitLeft(p))
        expect(share.amountCents).toBeLessThanOrEqual(input.expenseCents)
      })
    }))
  })

  it('never pays back a participation forfaitaire or a franchise', () => {
    fc.assert(fc.property(splitArb, (input) => {
      const r = computeSplit(input)
      expect(r.outOfPocketCents).toBeGreaterThanOrEqual(r.withheldCents)
      expect(r.mutuelleCents).toBeLessThanOrEqual(Math.max(0, input.expenseCents - r.socialSecurityGrossCents))
    }))
  })

  it('pays in order: a top-up never changes what the contracts before it pay, and adds without taking away', () => {
    fc.assert(fc.property(splitArb, (input) => {
      const whole = computeSplit(input)
      const withoutLast = computeSplit({ ...input, payers: input.payers.slice(0, -1) })
      expect(whole.payers.slice(0, -1).map(p => p.amountCents)).toEqual(withoutLast.payers.map(p => p.amountCents))
      expect(whole.mutuelleCents).toBeGreaterThanOrEqual(withoutLast.mutuelleCents)
      expect(whole.socialSecurityCents).toBe(withoutLast.socialSecurityCents)
    }))
  })

  it('computes one contract exactly as the single-contract engine', () => {
    fc.assert(fc.property(splitArb, (input) => {
      const first = input.payers[0]
      const single = computeReimbursement({ ...input, guarantee: first?.guarantee ?? null, forfaitUsedThisYearCents: first?.forfaitUsedThisYearCents })
      const split = computeSplit({ ...input, payers: input.payers.slice(0, 1) })
      expect(split.mutuelleCents).toBe(single.mutuelleCents)
      expect(split.explanation).toEqual(single.explanation)
    }))
  })

  it('resets each forfait on 1 January: a year of cares never takes more than the yearly amount from a contract', () => {
    // a beneficiary's cares over two years, paid in date order with the forfait used counted per calendar year
    const careArb = fc.record({ date: fc.integer({ min: 0, max: 729 }), expenseCents: fc.integer({ min: 0, max: 20000 }) })
    fc.assert(fc.property(fc.array(careArb, { maxLength: 25 }), (cares) => {
      const used = new Map<string, number>()
      const yearOf = (day: number) => day < 365 ? 2025 : 2026
      for (const care of [...cares].sort((a, b) => a.date - b.date)) {
        const year = yearOf(care.date)
        const key = (label: string) => `${label}|${year}`
        const r = computeSplit({ careType: 'ALTERNATIVE_MEDICINE', expenseCents: care.expenseCents, beneficiaryIsMinor: false, payers: [payer('Principal', mainOsteo, used.get(key('Principal')) ?? 0), payer('Renfort', renfortOsteo, used.get(key('Renfort')) ?? 0)] })
        for (const share of r.payers)
          used.set(key(share.contractLabel), (used.get(key(share.contractLabel)) ?? 0) + share.forfaitUsedCents)
        // the first care of a year finds both forfaits whole
        if (care === [...cares].sort((a, b) => a.date - b.date).find(c => yearOf(c.date) === year))
          expect(r.mutuelleCents).toBe(Math.min(care.expenseCents, 2500 + 4000))
      }
      for (const [key, total] of used)
        expect(total).toBeLessThanOrEqual(key.startsWith('Principal') ? 10000 : 12000)
    }))
  })
})
