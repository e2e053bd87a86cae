import type { CareType } from '../../db/schema/index.ts'
import type { EngineInput, EngineResult, GuaranteeRule } from './engine.ts'
import { describe, expect, it } from 'vitest'
import { CARE_TYPES } from '../../db/schema/index.ts'
import { formatEuros } from '../../core/format.ts'
import { CARE_REFERENCES, computeReimbursement, withholdingCapGroup } from './engine.ts'

function guarantee(careType: CareType, brssPercent: number | null, more: Partial<GuaranteeRule> = {}): GuaranteeRule {
  return { careType, label: `Garantie ${careType.toLowerCase()}`, brssPercent, yearlyForfaitCents: null, perActCeilingCents: null, hundredPercentSante: false, ...more }
}

interface Case { name: string, input: EngineInput, expected: Partial<EngineResult> }

// Every figure below is computed by hand, in cents: gross = round(BRSS × rate), net SS = gross − withheld,
// mutuelle ≤ expense − gross, out-of-pocket = expense − net SS − mutuelle.
const cases: Case[] = [
  {
    // 50 € paid, BRSS 30 €: SS 70 % × 30 = 21 €; 100 % BRSS → 30 − 21 = 9 €; left 50 − 21 − 9 = 20 €
    name: 'applies the Social Security rate to the BRSS, never to the price paid',
    input: { careType: 'CONSULTATION', expenseCents: 5000, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70, beneficiaryIsMinor: true, guarantee: guarantee('CONSULTATION', 100) },
    expected: { socialSecurityBaseCents: 3000, socialSecurityGrossCents: 2100, socialSecurityCents: 2100, mutuelleCents: 900, outOfPocketCents: 2000, usedReferenceBase: false },
  },
  {
    // no décompte: BRSS 30 € and 70 % from the references → 21 €
    name: 'estimates a consultation from the 30 € reference base at 70 % without a décompte',
    input: { careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: true, guarantee: guarantee('CONSULTATION', 100) },
    expected: { socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70, usedReferenceBase: true, socialSecurityCents: 2100, mutuelleCents: 900, outOfPocketCents: 0 },
  },
  {
    // 25 € paid: base min(30, 25) = 25 €, SS 70 % → 17,50 €; not covered → 7,50 € left
    name: 'caps the reference base at the expense',
    input: { careType: 'CONSULTATION', expenseCents: 2500, beneficiaryIsMinor: true, guarantee: null },
    expected: { socialSecurityBaseCents: 2500, socialSecurityCents: 1750, mutuelleCents: 0, outOfPocketCents: 750 },
  },
  {
    // medicine: base = price 45 €, SS 65 % = 29,25 €, 100 % BRSS → 15,75 €, nothing left for a child
    name: 'takes the price as the base of a medicine and reimburses it at 65 %',
    input: { careType: 'PHARMACY', expenseCents: 4500, beneficiaryIsMinor: true, guarantee: guarantee('PHARMACY', 100) },
    expected: { socialSecurityBaseCents: 4500, socialSecurityRatePercent: 65, socialSecurityCents: 2925, mutuelleCents: 1575, outOfPocketCents: 0 },
  },
  {
    // 30 €: gross 21 €, 2 € kept by SS → 19 €; mutuelle 30 − 21 = 9 €; the 2 € stay with the member
    name: 'withholds the 2 € participation forfaitaire from the Social Security share of an adult\'s consultation',
    input: { careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: false, guarantee: guarantee('CONSULTATION', 100) },
    expected: { socialSecurityGrossCents: 2100, withheldCents: 200, withholdingKind: 'PARTICIPATION_FORFAITAIRE', socialSecurityCents: 1900, mutuelleCents: 900, outOfPocketCents: 200 },
  },
  {
    // 3 boxes for 48 €: gross 65 % = 31,20 €, franchise 3 × 1 € → 28,20 €; mutuelle 48 − 31,20 = 16,80 €; 3 € left
    name: 'withholds a 1 € franchise per medicine box',
    input: { careType: 'PHARMACY', expenseCents: 4800, quantity: 3, beneficiaryIsMinor: false, guarantee: guarantee('PHARMACY', 100) },
    expected: { socialSecurityGrossCents: 3120, withheldCents: 300, withholdingKind: 'FRANCHISE_MEDICINE', socialSecurityCents: 2820, mutuelleCents: 1680, outOfPocketCents: 300 },
  },
  {
    // physiotherapy 17,10 €: gross 60 % = 10,26 €, franchise 1 € → 9,26 €; mutuelle 17,10 − 10,26 = 6,84 €
    name: 'withholds a 1 € franchise per paramedical act',
    input: { careType: 'PARAMEDICAL', expenseCents: 1710, beneficiaryIsMinor: false, guarantee: guarantee('PARAMEDICAL', 100) },
    expected: { socialSecurityBaseCents: 1710, socialSecurityGrossCents: 1026, withheldCents: 100, withholdingKind: 'FRANCHISE_PARAMEDICAL', socialSecurityCents: 926, mutuelleCents: 684, outOfPocketCents: 100 },
  },
  {
    // minor: gross 21 € paid in full, mutuelle 9 €, nothing left
    name: 'withholds nothing from a minor\'s consultation',
    input: { careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: true, guarantee: guarantee('CONSULTATION', 100) },
    expected: { withheldCents: 0, withholdingKind: 'NONE', socialSecurityCents: 2100, mutuelleCents: 900, outOfPocketCents: 0 },
  },
  {
    // 49 € already withheld this year: only 1 € of the 2 € → SS 20 €
    name: 'withholds only what is left of the 50 € yearly cap',
    input: { careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: false, withheldThisYearCents: 4900, guarantee: guarantee('CONSULTATION', 100) },
    expected: { withheldCents: 100, socialSecurityCents: 2000, mutuelleCents: 900, outOfPocketCents: 100 },
  },
  {
    // 50 € already withheld: nothing more this year
    name: 'withholds nothing once the 50 € yearly cap is reached',
    input: { careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: false, withheldThisYearCents: 5000, guarantee: guarantee('CONSULTATION', 100) },
    expected: { withheldCents: 0, withholdingKind: 'NONE', socialSecurityCents: 2100, mutuelleCents: 900, outOfPocketCents: 0 },
  },
  {
    // 3 acts the same day, 90 €: 3 × 2 € capped at 4 €; gross 63 € → 59 €; mutuelle 90 − 63 = 27 €
    name: 'caps the participation forfaitaire at 4 € a day',
    input: { careType: 'CONSULTATION', expenseCents: 9000, socialSecurityBaseCents: 9000, socialSecurityRatePercent: 70, quantity: 3, beneficiaryIsMinor: false, guarantee: guarantee('CONSULTATION', 100) },
    expected: { withheldCents: 400, socialSecurityGrossCents: 6300, socialSecurityCents: 5900, mutuelleCents: 2700, outOfPocketCents: 400 },
  },
  {
    // lab test of 2,50 €: gross 60 % = 1,50 €, so only 1,50 € of the 2 € can be kept; mutuelle 2,50 − 1,50 = 1 €
    name: 'never withholds more than the Social Security gross share',
    input: { careType: 'LABORATORY', expenseCents: 250, beneficiaryIsMinor: false, guarantee: guarantee('LABORATORY', 100) },
    expected: { socialSecurityGrossCents: 150, withheldCents: 150, socialSecurityCents: 0, mutuelleCents: 100, outOfPocketCents: 150 },
  },
  {
    // 300 % BRSS would pay 90 − 21 = 69 €, but only 30 − 21 = 9 € are left above the gross share
    name: 'never lets the mutuelle reimburse a withheld amount, however generous the guarantee',
    input: { careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: false, guarantee: guarantee('CONSULTATION', 300) },
    expected: { withheldCents: 200, mutuellePercentPartCents: 900, mutuelleCents: 900, outOfPocketCents: 200 },
  },
  {
    // 50 € with dépassement, BRSS 30 €: 150 % × 30 = 45 € − 21 € = 24 €; left 50 − 19 − 24 = 7 € (2 € withheld included)
    name: 'pays the guarantee\'s % BRSS, Social Security included, minus the Social Security gross share',
    input: { careType: 'CONSULTATION', expenseCents: 5000, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70, beneficiaryIsMinor: false, guarantee: guarantee('CONSULTATION', 150) },
    expected: { socialSecurityCents: 1900, mutuellePercentPartCents: 2400, mutuelleCents: 2400, outOfPocketCents: 700 },
  },
  {
    // osteopathy 60 €, forfait 100 € of which 80 € used: 20 € paid, 40 € left to pay
    name: 'pays a forfait up to what is left of the beneficiary\'s yearly amount',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, forfaitUsedThisYearCents: 8000, guarantee: guarantee('ALTERNATIVE_MEDICINE', null, { yearlyForfaitCents: 10000 }) },
    expected: { socialSecurityCents: 0, mutuelleForfaitPartCents: 2000, mutuelleCents: 2000, forfaitUsedCents: 2000, outOfPocketCents: 4000 },
  },
  {
    // osteopathy 60 €, 4 × 25 € a year: 25 € ceiling per session, so only 25 € of the forfait are used
    name: 'applies the per-act ceiling and consumes only the forfait actually paid',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, guarantee: guarantee('ALTERNATIVE_MEDICINE', null, { yearlyForfaitCents: 10000, perActCeilingCents: 2500 }) },
    expected: { mutuelleCents: 2500, forfaitUsedCents: 2500, outOfPocketCents: 3500 },
  },
  {
    // hearing aid 1 500 €, BRSS 400 €: SS 240 €; 100 % BRSS → 160 €; forfait 600 € → 760 €; ceiling 300 € trims the forfait to 140 €
    name: 'trims the forfait before the % BRSS share when the per-act ceiling is reached',
    input: { careType: 'AUDIOLOGY', expenseCents: 150000, beneficiaryIsMinor: false, guarantee: guarantee('AUDIOLOGY', 100, { yearlyForfaitCents: 60000, perActCeilingCents: 30000 }) },
    expected: { socialSecurityCents: 24000, mutuellePercentPartCents: 16000, mutuelleForfaitPartCents: 14000, mutuelleCents: 30000, forfaitUsedCents: 14000, outOfPocketCents: 96000 },
  },
  {
    // glasses 409,23 €, BRSS 0,09 €: SS round(5,4) = 0,05 €; 100 % BRSS → 0,04 €; forfait 450 € covers the remaining 409,14 €
    name: 'adds the yearly forfait to the % BRSS share for glasses with a near-zero BRSS',
    input: { careType: 'OPTICS', expenseCents: 40923, beneficiaryIsMinor: false, guarantee: guarantee('OPTICS', 100, { yearlyForfaitCents: 45000 }) },
    expected: { socialSecurityBaseCents: 9, socialSecurityCents: 5, mutuellePercentPartCents: 4, mutuelleForfaitPartCents: 40914, mutuelleCents: 40918, outOfPocketCents: 0 },
  },
  {
    // glasses 600 € with a 200 € forfait: SS 0,05 €, mutuelle 0,04 € + 200 € → 399,91 € left
    name: 'leaves the part of a dear equipment above the forfait to the member',
    input: { careType: 'OPTICS', expenseCents: 60000, beneficiaryIsMinor: false, guarantee: guarantee('OPTICS', 100, { yearlyForfaitCents: 20000 }) },
    expected: { socialSecurityCents: 5, mutuelleCents: 20004, forfaitUsedCents: 20000, outOfPocketCents: 39991 },
  },
  {
    // 20 € session, 100 € forfait untouched: only 20 € can be paid
    name: 'never pays more than the expense minus the Social Security gross share',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 2000, beneficiaryIsMinor: false, guarantee: guarantee('ALTERNATIVE_MEDICINE', null, { yearlyForfaitCents: 10000 }) },
    expected: { mutuelleCents: 2000, forfaitUsedCents: 2000, outOfPocketCents: 0 },
  },
  {
    // class A glasses 105 €: SS 0,05 €, the 100 % Santé guarantee pays the other 104,95 €, without touching the forfait
    name: 'leaves no out-of-pocket on a 100 % Santé optical basket',
    input: { careType: 'OPTICS', expenseCents: 10500, beneficiaryIsMinor: false, hundredPercentSanteBasket: true, guarantee: guarantee('OPTICS', 100, { yearlyForfaitCents: 45000, hundredPercentSante: true }) },
    expected: { socialSecurityCents: 5, mutuelleCents: 10495, forfaitUsedCents: 0, outOfPocketCents: 0 },
  },
  {
    // ceramic crown 500 €, BRSS 120 €: SS 84 €, the guarantee pays 416 €
    name: 'leaves no out-of-pocket on a 100 % Santé dental crown',
    input: { careType: 'DENTAL', expenseCents: 50000, socialSecurityBaseCents: 12000, socialSecurityRatePercent: 70, beneficiaryIsMinor: false, hundredPercentSanteBasket: true, guarantee: guarantee('DENTAL', 300, { hundredPercentSante: true }) },
    expected: { socialSecurityCents: 8400, mutuelleCents: 41600, outOfPocketCents: 0 },
  },
  {
    // same crown, guarantee not flagged: 300 % × 120 = 360 € − 84 € = 276 €; 500 − 84 − 276 = 140 € left
    name: 'applies the ordinary rules to a 100 % Santé basket when the guarantee does not cover it in full',
    input: { careType: 'DENTAL', expenseCents: 50000, socialSecurityBaseCents: 12000, socialSecurityRatePercent: 70, beneficiaryIsMinor: false, hundredPercentSanteBasket: true, guarantee: guarantee('DENTAL', 300) },
    expected: { socialSecurityCents: 8400, mutuelleCents: 27600, outOfPocketCents: 14000 },
  },
  {
    // 100 % Santé hearing aid 950 €: SS 60 % × 400 = 240 €, mutuelle 710 €
    name: 'leaves no out-of-pocket on a 100 % Santé class I hearing aid',
    input: { careType: 'AUDIOLOGY', expenseCents: 95000, beneficiaryIsMinor: false, hundredPercentSanteBasket: true, guarantee: guarantee('AUDIOLOGY', 100, { hundredPercentSante: true, perActCeilingCents: 30000 }) },
    expected: { socialSecurityCents: 24000, mutuelleCents: 71000, outOfPocketCents: 0 },
  },
  {
    name: 'pays nothing when the contract does not cover the care',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, guarantee: null },
    expected: { socialSecurityCents: 0, mutuelleCents: 0, outOfPocketCents: 6000 },
  },
  {
    // ALD consultation at 100 %: the décompte shows 28 € paid, so gross 30 € with 2 € withheld; nothing left for the mutuelle
    name: 'takes the amount paid on the décompte as the Social Security share',
    input: { careType: 'CONSULTATION', expenseCents: 3000, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 100, socialSecurityPaidCents: 2800, beneficiaryIsMinor: false, guarantee: guarantee('CONSULTATION', 100) },
    expected: { usedReferenceBase: false, socialSecurityGrossCents: 3000, withheldCents: 200, socialSecurityCents: 2800, mutuelleCents: 0, outOfPocketCents: 200 },
  },
  {
    // stay of 1 200 € on a 1 000 € base: SS 80 % = 800 €; 100 % BRSS → 200 €; 200 € of dépassement left
    name: 'reimburses a hospital stay at 80 % of the base',
    input: { careType: 'HOSPITAL', expenseCents: 120000, socialSecurityBaseCents: 100000, beneficiaryIsMinor: false, guarantee: guarantee('HOSPITAL', 100) },
    expected: { socialSecurityRatePercent: 80, socialSecurityCents: 80000, mutuelleCents: 20000, outOfPocketCents: 20000, withheldCents: 0, usedReferenceBase: true },
  },
  {
    // osteopathy: no SS base nor rate, only the forfait
    name: 'pays no Social Security share for alternative medicine',
    input: { careType: 'ALTERNATIVE_MEDICINE', expenseCents: 5500, beneficiaryIsMinor: false, guarantee: guarantee('ALTERNATIVE_MEDICINE', null, { yearlyForfaitCents: 10000, perActCeilingCents: 2500 }) },
    expected: { socialSecurityBaseCents: 0, socialSecurityRatePercent: 0, socialSecurityCents: 0, mutuelleCents: 2500, outOfPocketCents: 3000 },
  },
  {
    // X-ray 21,28 €: base = price, SS 70 % = 14,90 €, 2 € withheld → 12,90 €; 150 % → 31,92 − 14,90 capped at 21,28 − 14,90 = 6,38 €
    name: 'withholds the participation forfaitaire on a radiology act',
    input: { careType: 'RADIOLOGY', expenseCents: 2128, beneficiaryIsMinor: false, guarantee: guarantee('RADIOLOGY', 150) },
    expected: { socialSecurityGrossCents: 1490, withheldCents: 200, socialSecurityCents: 1290, mutuelleCents: 638, outOfPocketCents: 200 },
  },
]

describe('computeReimbursement', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(computeReimbursement(input)).toMatchObject(expected)
  })

  it.each(cases)('adds up to the expense: $name', ({ input }) => {
    const r = computeReimbursement(input)
    expect(r.socialSecurityCents + r.mutuelleCents + r.outOfPocketCents).toBe(r.expenseCents)
    expect(r.socialSecurityGrossCents - r.withheldCents).toBe(r.socialSecurityCents)
    expect(r.mutuellePercentPartCents + r.mutuelleForfaitPartCents).toBe(r.mutuelleCents)
    expect(r.outOfPocketCents).toBeGreaterThanOrEqual(r.withheldCents)
  })

  it('keeps every amount a non-negative integer that adds up, whatever the inputs', () => {
    // a deterministic sweep over care types, prices, bases and guarantees
    let seed = 42
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let i = 0; i < 2000; i++) {
      const careType = CARE_TYPES[next(CARE_TYPES.length)]!
      const expenseCents = next(200000)
      const withBase = next(2) === 0
      const r = computeReimbursement({
        careType,
        expenseCents,
        socialSecurityBaseCents: withBase ? next(expenseCents + 5000) : null,
        socialSecurityPaidCents: next(4) === 0 ? next(expenseCents + 1) : null,
        quantity: 1 + next(4),
        beneficiaryIsMinor: next(3) === 0,
        hundredPercentSanteBasket: next(4) === 0,
        withheldThisYearCents: next(6000),
        forfaitUsedThisYearCents: next(20000),
        guarantee: next(6) === 0
          ? null
          : guarantee(careType, next(3) === 0 ? null : [100, 150, 200, 300][next(4)]!, {
              yearlyForfaitCents: next(2) === 0 ? null : next(50000),
              perActCeilingCents: next(3) === 0 ? next(40000) : null,
              hundredPercentSante: next(2) === 0,
            }),
      })
      const amounts = [r.socialSecurityGrossCents, r.withheldCents, r.socialSecurityCents, r.mutuellePercentPartCents, r.mutuelleForfaitPartCents, r.mutuelleCents, r.outOfPocketCents, r.forfaitUsedCents]
      for (const amount of amounts) {
        expect(Number.isInteger(amount)).toBe(true)
        expect(amount).toBeGreaterThanOrEqual(0)
      }
      expect(r.socialSecurityCents + r.mutuelleCents + r.outOfPocketCents).toBe(expenseCents)
      expect(r.outOfPocketCents).toBeGreaterThanOrEqual(r.withheldCents)
      expect(r.withheldCents).toBeLessThanOrEqual(5000)
    }
  })

  it('explains the amounts line by line in French', () => {
    // 50 € consultation, BRSS 30 €, adult, 150 %: SS 21 € − 2 € = 19 €, mutuelle 24 €, left 7 €
    const r = computeReimbursement({ careType: 'CONSULTATION', expenseCents: 5000, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70, beneficiaryIsMinor: false, guarantee: { ...guarantee('CONSULTATION', 150), label: 'Consultations et visites' } })
    const nbsp = '\u00A0'
    expect(r.explanation).toEqual([
      `Dépense\u00a0: 50,00${nbsp}€`,
      `Base de remboursement de la Sécurité sociale (BRSS)\u00a0: 30,00${nbsp}€ (d'après le décompte de la Sécurité sociale)`,
      `Sécurité sociale\u00a0: 70 % de 30,00${nbsp}€ = 21,00${nbsp}€`,
      `Participation forfaitaire retenue par la Sécurité sociale (1 acte)\u00a0: 2,00${nbsp}€, que votre mutuelle n'a pas le droit de rembourser`,
      `Remboursé par la Sécurité sociale\u00a0: 19,00${nbsp}€`,
      `Votre garantie «\u00a0Consultations et visites\u00a0»\u00a0: 150 % de la BRSS, Sécurité sociale incluse, soit 45,00${nbsp}€ − 21,00${nbsp}€ = 24,00${nbsp}€`,
      `Remboursé par votre mutuelle\u00a0: 24,00${nbsp}€`,
      `Reste à votre charge\u00a0: 7,00${nbsp}€, dont participation forfaitaire\u00a0: 2,00${nbsp}€`,
    ])
  })

  it('explains a forfait trimmed by the per-act ceiling with the amount finally used', () => {
    // osteopathy 60 €, 75 € left of 100 €, 25 € a session: 25 € paid, 35 € left
    const r = computeReimbursement({ careType: 'ALTERNATIVE_MEDICINE', expenseCents: 6000, beneficiaryIsMinor: false, forfaitUsedThisYearCents: 2500, guarantee: { ...guarantee('ALTERNATIVE_MEDICINE', null, { yearlyForfaitCents: 10000, perActCeilingCents: 2500 }), label: 'Médecines douces' } })
    const nbsp = '\u00A0'
    expect(r.explanation).toEqual([
      `Dépense\u00a0: 60,00${nbsp}€`,
      'Ce soin n\'est pas remboursé par la Sécurité sociale.',
      'Votre garantie «\u00a0Médecines douces\u00a0»',
      `Forfait annuel de 100,00${nbsp}€\u00a0: 75,00${nbsp}€ encore disponibles cette année, dont 25,00${nbsp}€ utilisés pour ce soin`,
      `Plafond de 25,00${nbsp}€ par acte\u00a0: la part de votre mutuelle est limitée à ce montant`,
      `Remboursé par votre mutuelle\u00a0: 25,00${nbsp}€`,
      `Reste à votre charge\u00a0: 35,00${nbsp}€`,
    ])
  })

  it('says why the % BRSS share was limited to what is left of the expense', () => {
    // 30 €, 300 %: 90 − 21 = 69 € due by the rule, limited to 30 − 21 = 9 €
    const r = computeReimbursement({ careType: 'CONSULTATION', expenseCents: 3000, beneficiaryIsMinor: true, guarantee: guarantee('CONSULTATION', 300) })
    expect(r.explanation).toContain('Limité à 9,00\u00A0€\u00a0: la part de votre mutuelle ne peut dépasser la dépense moins la part de la Sécurité sociale (30,00\u00A0€ − 21,00\u00A0€)')
  })

  it('tells a minor why nothing was withheld', () => {
    const r = computeReimbursement({ careType: 'PHARMACY', expenseCents: 441, beneficiaryIsMinor: true, guarantee: guarantee('PHARMACY', 100) })
    expect(r.explanation).toContain('Pas de franchise médicale\u00a0: le bénéficiaire a moins de 18 ans.')
    // 4,41 €: SS round(286,65) = 2,87 €, mutuelle 1,54 €
    expect(r).toMatchObject({ socialSecurityCents: 287, mutuelleCents: 154, outOfPocketCents: 0 })
  })

  it('refuses amounts that are not whole non-negative cents', () => {
    expect(() => computeReimbursement({ careType: 'PHARMACY', expenseCents: 12.5, beneficiaryIsMinor: false, guarantee: null })).toThrow(RangeError)
    expect(() => computeReimbursement({ careType: 'PHARMACY', expenseCents: -100, beneficiaryIsMinor: false, guarantee: null })).toThrow(RangeError)
    expect(() => computeReimbursement({ careType: 'PHARMACY', expenseCents: 100, quantity: 0, beneficiaryIsMinor: false, guarantee: null })).toThrow(RangeError)
  })
})

describe('CARE_REFERENCES', () => {
  it('gives every care type a French label and a Social Security rate', () => {
    for (const careType of CARE_TYPES) {
      expect(CARE_REFERENCES[careType].label).toMatch(/^[A-ZÉ]/)
      expect(CARE_REFERENCES[careType].socialSecurityRatePercent).toBeGreaterThanOrEqual(0)
    }
    expect(CARE_REFERENCES.OPTICS.referenceBaseCents).toBe(9)
    expect(CARE_REFERENCES.AUDIOLOGY.referenceBaseCents).toBe(40000)
  })
})

describe('withholdingCapGroup', () => {
  it('puts the three franchises under one yearly cap and the participation forfaitaire under its own', () => {
    expect(withholdingCapGroup('FRANCHISE_MEDICINE')).toBe('FRANCHISE')
    expect(withholdingCapGroup('FRANCHISE_PARAMEDICAL')).toBe('FRANCHISE')
    expect(withholdingCapGroup('FRANCHISE_TRANSPORT')).toBe('FRANCHISE')
    expect(withholdingCapGroup('PARTICIPATION_FORFAITAIRE')).toBe('PARTICIPATION_FORFAITAIRE')
  })
})

describe('formatEuros', () => {
  it('formats cents the French way with regular no-break spaces', () => {
    expect(formatEuros(123456)).toBe('1\u00A0234,56\u00A0€')
    expect(formatEuros(4500)).toBe('45,00\u00A0€')
    expect(formatEuros(5)).toBe('0,05\u00A0€')
    expect(formatEuros(0)).toBe('0,00\u00A0€')
  })
})
