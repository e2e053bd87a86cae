import { describe, expect, it } from 'vitest'
import { normaliseNir } from './nir.ts'

describe('normaliseNir', () => {
  it('accepts a number with its key, typed with spaces', () => {
    // 1 84 03 33 063 127: key 97 − (1840333063127 mod 97)
    const key = String(97n - (1840333063127n % 97n)).padStart(2, '0')
    expect(normaliseNir(`1 84 03 33 063 127 ${key}`)).toBe(`1840333063127${key}`)
  })

  it('counts Corsican departments 2A and 2B as 19 and 18 for the key', () => {
    const key = String(97n - (2900219004012n % 97n)).padStart(2, '0')
    expect(normaliseNir(`290022A004012${key}`)).toBe(`290022A004012${key}`)
    expect(normaliseNir(`290022B004012${key}`)).toBeNull()
  })

  it('refuses a wrong key, a wrong length, a sex digit or month that cannot be', () => {
    const key = 97n - (1840333063127n % 97n)
    expect(normaliseNir(`1840333063127${String((key % 96n) + 1n).padStart(2, '0')}`)).toBeNull()
    expect(normaliseNir('184033306312')).toBeNull()
    expect(normaliseNir(`5840333063127${key}`)).toBeNull()
    expect(normaliseNir(`1841333063127${key}`)).toBeNull()
    expect(normaliseNir('abc')).toBeNull()
  })
})
