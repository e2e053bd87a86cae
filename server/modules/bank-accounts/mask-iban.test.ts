import { describe, expect, it } from 'vitest'
import { maskIban } from './mask-iban.ts'

describe('maskIban', () => {
  it('keeps only the country code, the check digits and the last four characters of a French IBAN', () => {
    expect(maskIban('FR7620041010011008548599384')).toBe('FR76 **** **** **** **** *** 9384')
  })

  it('reads a spaced IBAN the same way', () => {
    expect(maskIban('FR76 2004 1010 0110 0854 8599 384')).toBe('FR76 **** **** **** **** *** 9384')
  })

  it('masks shorter IBANs without leaking the middle', () => {
    expect(maskIban('BE68539007547034')).toBe('BE68 **** **** 7034')
    expect(maskIban('de89370400440532013000')).toBe('DE89 **** **** **** ** 3000')
  })
})
