import { describe, expect, it } from 'vitest'
import { formatDate, formatLongDate, yearOf } from './format-date'

describe('formatDate', () => {
  it('writes a calendar day as dd/mm/yyyy', () => {
    expect(formatDate('2026-08-25')).toBe('25/08/2026')
    expect(formatDate('2026-01-01')).toBe('01/01/2026')
  })

  it('shows an instant as the day it was in France', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('01/01/2026')
  })

  it('gives unreadable input back unchanged', () => {
    expect(formatDate('bientôt')).toBe('bientôt')
  })
})

describe('formatLongDate', () => {
  it('writes the month in words', () => {
    expect(formatLongDate('2026-08-25')).toBe('25 août 2026')
    expect(formatLongDate('2026-02-12')).toBe('12 février 2026')
  })

  it('writes the first of the month "1er"', () => {
    expect(formatLongDate('2026-07-01')).toBe('1er juillet 2026')
  })
})

describe('yearOf', () => {
  it('gives the calendar year', () => {
    expect(yearOf('2026-12-31')).toBe('2026')
  })
})
