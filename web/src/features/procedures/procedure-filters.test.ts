import { describe, expect, it } from 'vitest'
import { procedureFiltersFromQuery, queryFromProcedureFilters } from './procedure-filters'

describe('démarches filters in the URL', () => {
  it('reads the status and kind, ignoring unknown values', () => {
    expect(procedureFiltersFromQuery({ statut: 'MISSING_DOCUMENTS', type: 'REIMBURSEMENT' })).toEqual({ status: 'MISSING_DOCUMENTS', kind: 'REIMBURSEMENT' })
    expect(procedureFiltersFromQuery({ statut: 'LOST', type: '' })).toEqual({ status: null, kind: null })
  })

  it('writes only the filters in use', () => {
    expect(queryFromProcedureFilters({ status: 'SUBMITTED', kind: null })).toEqual({ statut: 'SUBMITTED' })
  })
})
