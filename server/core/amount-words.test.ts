import { describe, expect, it } from 'vitest'
import { paymentState } from './amount-words.ts'

describe('paymentState', () => {
  it('says a transfer is on its way for three days, then done on its date', () => {
    expect(paymentState('2026-11-24', '2026-11-24')).toBe('En cours de virement')
    expect(paymentState('2026-11-24', '2026-11-26')).toBe('En cours de virement')
    expect(paymentState('2026-11-24', '2026-11-27')).toBe('Virement effectué le 24/11/2026')
    // eleven months later, never "en cours"
    expect(paymentState('2025-12-28', '2026-11-26')).toBe('Virement effectué le 28/12/2025')
  })
})
