import { describe, expect, it } from 'vitest'
import { formatMoney } from './format-money'

describe('formatMoney', () => {
  it('writes cents as euros with a comma and the euro sign after a non-breaking space', () => {
    expect(formatMoney(4500)).toBe('45,00\u00A0€')
    expect(formatMoney(441)).toBe('4,41\u00A0€')
    expect(formatMoney(0)).toBe('0,00\u00A0€')
  })

  it('groups thousands with a narrow non-breaking space', () => {
    expect(formatMoney(123456789)).toBe('1\u202F234\u202F567,89\u00A0€')
  })

  it('keeps the sign of a negative amount (a correction)', () => {
    expect(formatMoney(-4923)).toBe('-49,23\u00A0€')
  })
})
