import { describe, expect, it } from 'vitest'
import { ibanLastFour, maskIban } from './mask-iban.ts'

describe('maskIban', () => {
  it('shows a French IBAN as the portal does: country and check digits, stars, the last eight characters', () => {
    expect(maskIban('FR7620041010011008548599384')).toBe('FR76 **** * 4859 9384')
  })

  it('reads a spaced or lower-case IBAN the same way', () => {
    expect(maskIban('fr76 2004 1010 0110 0854 8599 384')).toBe('FR76 **** * 4859 9384')
  })

  it('gives every country the same shape, so the length tells nothing', () => {
    expect(maskIban('DE89370400440532013000')).toBe('DE89 **** * 3201 3000')
    expect(maskIban('BE68539007547034')).toBe('BE68 **** * 0754 7034')
  })

  it('never shows the bank, branch or the start of the account number', () => {
    const iban = 'FR7630004008220001054321925'
    const masked = maskIban(iban)
    expect(masked).not.toContain(iban.slice(4, 19))
    expect(masked.replace(/\W/g, '').length).toBeLessThanOrEqual(12)
  })

  it('quotes only four characters for e-mails', () => {
    expect(ibanLastFour('FR76 2004 1010 0110 0854 8599 384')).toBe('9384')
  })
})
