import { describe, expect, it } from 'vitest'
import { addMonthsTo, isIsoDate, todayInFrance } from './calendar'

describe('calendar', () => {
  it('gives today as the day in Paris', () => {
    // 23:30 UTC on 31 December is already 1 January in France
    expect(todayInFrance(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01')
  })

  it('moves by months, keeping the day when it exists', () => {
    expect(addMonthsTo('2026-11-26', -24)).toBe('2024-11-26')
    expect(addMonthsTo('2026-03-31', -1)).toBe('2026-02-28')
  })

  it('accepts only real calendar days', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('28/02/2026')).toBe(false)
    expect(isIsoDate(undefined)).toBe(false)
  })
})
