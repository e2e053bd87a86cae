import { describe, expect, it } from 'vitest'
import { formatEuros } from './format.ts'

const icu = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
const reference = (cents: number) => icu.format(cents / 100).replace(/\u202F/g, '\u00A0')

describe('formatEuros', () => {
  it('writes amounts as French readers expect, with no-break spaces', () => {
    expect(formatEuros(123456)).toBe('1\u00A0234,56\u00A0€')
    expect(formatEuros(-5)).toBe('-0,05\u00A0€')
    expect(formatEuros(100000000)).toBe('1\u00A0000\u00A0000,00\u00A0€')
  })

  it('writes every whole amount exactly as ICU does', () => {
    const amounts = [0, -0, 0.5, 1.5, -2.5, 12.345, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21]
    for (let cents = -200_000; cents <= 200_000; cents++) amounts.push(cents)
    for (let digits = 6; digits <= 15; digits++) {
      for (const lead of [1, 9, 10, 99, 999]) amounts.push(lead * 10 ** (digits - String(lead).length) + 7, -(lead * 10 ** (digits - String(lead).length)))
    }
    const different = amounts.filter(cents => formatEuros(cents) !== reference(cents))
    expect(different).toEqual([])
  })
})
