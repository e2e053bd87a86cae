import { describe, expect, it } from 'vitest'
import { REFERENCE_RATES, referenceRate, toEuroCents } from './exchange-rates.ts'

describe('reference exchange rates', () => {
  it('converts cents of a currency to euro cents, rounded to the cent', () => {
    // 120,00 $ at 1,1582 $ for 1 € = 103,6090… € → 103,61 €
    expect(toEuroCents(12000, referenceRate('USD')!)).toBe(10361)
    expect(toEuroCents(4500, referenceRate('eur')!)).toBe(4500)
  })

  it('knows each currency once, with a French name and a positive rate', () => {
    expect(new Set(REFERENCE_RATES.map(r => r.currency)).size).toBe(REFERENCE_RATES.length)
    for (const r of REFERENCE_RATES) {
      expect(r.currency).toMatch(/^[A-Z]{3}$/)
      expect(r.unitsPerEuro).toBeGreaterThan(0)
      expect(r.label).toMatch(/^[A-ZÉ]/)
    }
    expect(referenceRate('XXX')).toBeUndefined()
  })
})
