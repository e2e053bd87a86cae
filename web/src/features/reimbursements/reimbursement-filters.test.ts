import { describe, expect, it } from 'vitest'
import { activeFilterCount, filterButtonSpoken, filtersFromQuery, hasFilters, queryFromFilters } from './reimbursement-filters'

describe('reimbursement filters in the URL', () => {
  it('reads the beneficiary, care type and period', () => {
    expect(filtersFromQuery({ beneficiaire: 'b5', soin: 'PHARMACY', du: '2026-01-01', au: '2026-06-30' }))
      .toEqual({ beneficiaryId: 'b5', careType: 'PHARMACY', from: '2026-01-01', to: '2026-06-30' })
  })

  it('ignores what it cannot read', () => {
    expect(filtersFromQuery({ beneficiaire: '', soin: 'MAGIC', du: '2026-02-30', au: '30/06/2026' }))
      .toEqual({ beneficiaryId: null, careType: null, from: null, to: null })
    expect(filtersFromQuery({ beneficiaire: ['b1', 'b2'] }).beneficiaryId).toBe('b1')
  })

  it('writes only the filters in use, and reads them back the same', () => {
    const filters = { beneficiaryId: 'b5', careType: null, from: '2026-01-01', to: null }
    expect(queryFromFilters(filters)).toEqual({ beneficiaire: 'b5', du: '2026-01-01' })
    expect(filtersFromQuery(queryFromFilters(filters) as Record<string, string>)).toEqual(filters)
    expect(hasFilters(filters)).toBe(true)
    expect(hasFilters(filtersFromQuery({}))).toBe(false)
  })

  it('counts a period as one filter, whichever of its ends is set', () => {
    const none = { beneficiaryId: null, careType: null, from: null, to: null }
    expect(activeFilterCount(none)).toBe(0)
    expect(activeFilterCount({ ...none, beneficiaryId: 'b5', to: '2026-06-30' })).toBe(2)
    expect(activeFilterCount({ beneficiaryId: 'b5', careType: 'OPTICS', from: '2026-01-01', to: '2026-06-30' })).toBe(3)
  })

  it('says how many filters are on in words', () => {
    expect(filterButtonSpoken(0)).toBe('')
    expect(filterButtonSpoken(1)).toBe(', 1 filtre actif')
    expect(filterButtonSpoken(3)).toBe(', 3 filtres actifs')
  })
})
