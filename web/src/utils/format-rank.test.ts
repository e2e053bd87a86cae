import { describe, expect, it } from 'vitest'
import { formatRank } from './format-rank'

describe('formatRank', () => {
  it('writes ranks on two digits, 01 to 19', () => {
    expect(formatRank(1)).toBe('01')
    expect(formatRank(5)).toBe('05')
    expect(formatRank(19)).toBe('19')
  })
})
