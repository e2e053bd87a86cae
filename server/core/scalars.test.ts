import { describe, expect, it } from 'vitest'
import { DateScalar, DateTimeScalar } from './scalars.ts'

describe('dates in answers', () => {
  it('answers a stored day as it is, and refuses a day the calendar lacks', () => {
    expect(DateScalar.serialize('2026-12-03')).toBe('2026-12-03')
    expect(DateScalar.serialize('2028-02-29')).toBe('2028-02-29')
    expect(() => DateScalar.serialize('2026-02-30')).toThrow('Date invalide')
    expect(() => DateScalar.serialize('2026-13-01')).toThrow('Date invalide')
  })

  it('answers every instant in UTC with milliseconds, whatever form it was stored in', () => {
    expect(DateTimeScalar.serialize('2026-12-03T09:30:00.000Z')).toBe('2026-12-03T09:30:00.000Z')
    expect(DateTimeScalar.serialize('2026-12-03T10:30:00+01:00')).toBe('2026-12-03T09:30:00.000Z')
    expect(DateTimeScalar.serialize('2026-12-31T23:59:59.999Z')).toBe('2026-12-31T23:59:59.999Z')
    expect(() => DateTimeScalar.serialize('2026-02-30T09:30:00.000Z')).toThrow('Horodatage invalide')
  })
})
