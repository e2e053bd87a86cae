import { describe, expect, it } from 'vitest'
import { addMonths, ageOn, dayInFrance, isIsoDate, lastOfMonth } from './calendar.ts'

describe('the calendar shared by the server and the SPA', () => {
  it('gives the day in Paris, whatever the time zone of the machine', () => {
    // 23:30 UTC on 31 December is already 1 January in France
    expect(dayInFrance(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01')
  })

  it('changes day at midnight in Paris, one instant after another, in winter and in summer', () => {
    expect(dayInFrance(new Date('2026-12-02T22:59:59.999Z'))).toBe('2026-12-02')
    expect(dayInFrance(new Date('2026-12-02T23:00:00.000Z'))).toBe('2026-12-03')
    expect(dayInFrance(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14')
    expect(dayInFrance(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15')
    expect(() => dayInFrance(new Date('not a date'))).toThrow(RangeError)
  })

  it('moves by months, keeping the day when the month has it and its last day otherwise', () => {
    expect(addMonths('2026-11-26', -24)).toBe('2024-11-26')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    // two years before a leap day is the last day of February
    expect(addMonths('2028-02-29', -24)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
  })

  it('knows the length of February in leap years and the age of someone born on a leap day', () => {
    expect(lastOfMonth('2028-02-10')).toBe('2028-02-29')
    expect(lastOfMonth('2100-02-10')).toBe('2100-02-28')
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
  })

  it('accepts only real calendar days', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('28/02/2026')).toBe(false)
    expect(isIsoDate(undefined)).toBe(false)
  })
})
