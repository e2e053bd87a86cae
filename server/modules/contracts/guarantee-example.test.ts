import type { GuaranteeRule } from '../reimbursements/engine.ts'
import { describe, expect, it } from 'vitest'
import { guaranteeExample, guaranteeSummary, hundredPercentSanteExample } from './guarantee-example.ts'

const rule = (r: Partial<GuaranteeRule> & Pick<GuaranteeRule, 'careType'>): GuaranteeRule =>
  ({ label: 'Garantie', brssPercent: null, yearlyForfaitCents: null, perActCeilingCents: null, hundredPercentSante: false, ...r })

const split = (e: ReturnType<typeof guaranteeExample>) => [e.socialSecurityCents, e.mutuelleCents, e.outOfPocketCents]

describe('the worked example of a guarantee (computed by the reimbursement engine)', () => {
  // each case: the guarantee of Benoit's "Option A" or "Horizon Renfort", and the split worked out by hand
  const cases: [string, GuaranteeRule, number[]][] = [
    // 50 € specialist, BRSS 30 €: SS 70 % × 30 = 21 € − 2 € participation forfaitaire = 19 €;
    // 150 % × 30 = 45 € − 21 € = 24 € (room 50 − 21 = 29 €); left 50 − 19 − 24 = 7 € (2 € PF + 5 € above 150 %)
    ['a consultation at 150 % BRSS', rule({ careType: 'CONSULTATION', brssPercent: 150 }), [1900, 2400, 700]],
    // 10 € box at 65 %: 6,50 € − 1 € franchise = 5,50 €; 100 % × 10 − 6,50 = 3,50 €; left the 1 € franchise
    ['a box of medicine at 100 % BRSS', rule({ careType: 'PHARMACY', brssPercent: 100 }), [550, 350, 100]],
    // 40 € lab test at 60 %: 24 € − 2 € PF = 22 €; 40 − 24 = 16 €; left the 2 € PF
    ['a blood test at 100 % BRSS', rule({ careType: 'LABORATORY', brssPercent: 100 }), [2200, 1600, 200]],
    // 40 € X-ray at 70 %: 28 € − 2 € PF = 26 €; 150 % × 40 − 28 = 32 € but only 40 − 28 = 12 € is left to cover; left 2 €
    ['an X-ray at 150 % BRSS, capped by the expense', rule({ careType: 'RADIOLOGY', brssPercent: 150 }), [2600, 1200, 200]],
    // 1 450 € stay, BRSS 1 120 € at 80 % = 896 €; 200 % × 1 120 − 896 = 1 344 €, capped at 1 450 − 896 = 554 €; nothing left
    ['a hospital stay at 200 % BRSS', rule({ careType: 'HOSPITAL', brssPercent: 200 }), [89600, 55400, 0]],
    // 500 € crown, BRSS 120 € at 70 % = 84 €; 300 % × 120 − 84 = 276 €; left 500 − 84 − 276 = 140 €
    ['a crown at 300 % BRSS', rule({ careType: 'DENTAL', brssPercent: 300, hundredPercentSante: true }), [8400, 27600, 14000]],
    // 500 € glasses, BRSS 0,09 € at 60 % = 0,05 €; 100 % × 0,09 − 0,05 = 0,04 € + forfait 450 €; left 500 − 0,05 − 450,04 = 49,91 €
    ['glasses at 100 % BRSS + 450 € a year', rule({ careType: 'OPTICS', brssPercent: 100, yearlyForfaitCents: 45000, hundredPercentSante: true }), [5, 45004, 4991]],
    // 1 500 € hearing aid, BRSS 400 € at 60 % = 240 €; 400 − 240 = 160 € + forfait 600 € = 760 € (under the 1 700 € ceiling); left 500 €
    ['a class II hearing aid at 100 % BRSS + 600 €', rule({ careType: 'AUDIOLOGY', brssPercent: 100, yearlyForfaitCents: 60000, perActCeilingCents: 170000, hundredPercentSante: true }), [24000, 76000, 50000]],
    // 17,10 € physiotherapy at 60 % = 10,26 € − 1 € franchise = 9,26 €; 17,10 − 10,26 = 6,84 €; left the 1 € franchise
    ['a physiotherapy session at 100 % BRSS', rule({ careType: 'PARAMEDICAL', brssPercent: 100 }), [926, 684, 100]],
    // 60 € osteopathy, nothing from SS; forfait 100 € a year but at most 25 € an act; left 35 €
    ['an osteopathy session with a forfait of 25 € an act', rule({ careType: 'ALTERNATIVE_MEDICINE', yearlyForfaitCents: 10000, perActCeilingCents: 2500 }), [0, 2500, 3500]],
    // Horizon Renfort: 1 450 € stay, SS 896 €, forfait 300 € a year; left 1 450 − 896 − 300 = 254 €
    ['a hospital stay with a 300 € yearly forfait only', rule({ careType: 'HOSPITAL', yearlyForfaitCents: 30000 }), [89600, 30000, 25400]],
    // Horizon Renfort: 500 € glasses, SS 0,05 €, forfait 150 €; left 349,95 €
    ['glasses with a 150 € yearly forfait only', rule({ careType: 'OPTICS', yearlyForfaitCents: 15000 }), [5, 15000, 34995]],
  ]

  it.each(cases)('splits %s as worked out by hand', (_name, guarantee, expected) => {
    const example = guaranteeExample(guarantee)
    expect(split(example)).toEqual(expected)
    expect(example.socialSecurityCents + example.mutuelleCents + example.outOfPocketCents).toBe(example.expenseCents)
    expect(example.explanation.at(-1)).toMatch(/^Reste à votre charge/)
  })

  it('describes the act in French with its price and base', () => {
    expect(guaranteeExample(rule({ careType: 'CONSULTATION', brssPercent: 150 })).description)
      .toBe('Pour une consultation chez un spécialiste à 50,00\u00A0€ (base de remboursement 30,00\u00A0€)')
    expect(guaranteeExample(rule({ careType: 'ALTERNATIVE_MEDICINE', yearlyForfaitCents: 10000 })).description)
      .toBe('Pour une séance d\'ostéopathie à 60,00\u00A0€')
  })

  it('leaves nothing to pay on the 100 % Santé basket when the guarantee covers it', () => {
    // 99 € class A glasses, BRSS 32 € at 60 % = 19,20 €: the mutuelle pays the other 79,80 €
    const optics = hundredPercentSanteExample(rule({ careType: 'OPTICS', brssPercent: 100, yearlyForfaitCents: 45000, hundredPercentSante: true }))!
    expect(split(optics)).toEqual([1920, 7980, 0])
    // 500 € crown of the basket: SS 84 €, the mutuelle 416 €
    expect(split(hundredPercentSanteExample(rule({ careType: 'DENTAL', brssPercent: 300, hundredPercentSante: true }))!)).toEqual([8400, 41600, 0])
    expect(hundredPercentSanteExample(rule({ careType: 'DENTAL', yearlyForfaitCents: 40000 }))).toBeNull()
    expect(hundredPercentSanteExample(rule({ careType: 'CONSULTATION', brssPercent: 150, hundredPercentSante: true }))).toBeNull()
  })

  it('states the rule as the guarantee table does', () => {
    expect(guaranteeSummary({ brssPercent: 150, yearlyForfaitCents: null, perActCeilingCents: null })).toBe('150 % BRSS (Sécurité sociale incluse)')
    expect(guaranteeSummary({ brssPercent: 100, yearlyForfaitCents: 45000, perActCeilingCents: null })).toBe('100 % BRSS (Sécurité sociale incluse) + forfait de 450,00\u00A0€ par an et par bénéficiaire')
    expect(guaranteeSummary({ brssPercent: null, yearlyForfaitCents: 10000, perActCeilingCents: 2500 })).toBe('Forfait de 100,00\u00A0€ par an et par bénéficiaire, dans la limite de 25,00\u00A0€ par acte')
  })
})
