import { describe, expect, it } from 'vitest'
import { centsToInput, parseAmountToCents } from './parse-money'

describe('parseAmountToCents', () => {
  it('reads euros the way members type them', () => {
    expect(parseAmountToCents('45')).toBe(4500)
    expect(parseAmountToCents('45,5')).toBe(4550)
    expect(parseAmountToCents('45.50')).toBe(4550)
    expect(parseAmountToCents(' 1 234,56 € ')).toBe(123456)
    expect(parseAmountToCents('0,05')).toBe(5)
  })

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '12,345', '-4', '1,2,3', '4e3'])
      expect(parseAmountToCents(text)).toBeNull()
  })
})

describe('centsToInput', () => {
  it('writes cents with a decimal comma', () => {
    expect(centsToInput(4500)).toBe('45,00')
    expect(centsToInput(5)).toBe('0,05')
  })
})
