import { describe, expect, it } from 'vitest'
import { procedureTitle } from './procedure-title'

describe('procedureTitle', () => {
  it('names a claim by its care, care date and beneficiary', () => {
    expect(procedureTitle({
      kind: 'REIMBURSEMENT',
      careType: 'DENTAL',
      careDate: '2026-06-04',
      submittedAt: '2026-06-10T09:12:00Z',
      beneficiary: { firstName: 'Léa' },
    })).toBe('Soins dentaires le 04/06/2026 pour Léa')
  })

  it('names a quote without care date by its kind, care and sending day', () => {
    expect(procedureTitle({
      kind: 'QUOTE',
      careType: 'OPTICS',
      careDate: null,
      submittedAt: '2026-02-12T10:00:00Z',
      beneficiary: { firstName: 'Sarah' },
    })).toBe('Analyse de devis (soins optiques) du 12/02/2026 pour Sarah')
  })

  it('names a prise en charge by its care and the day the care is planned, not a care already given', () => {
    expect(procedureTitle({
      kind: 'COVERAGE_AGREEMENT',
      careType: 'OPTICS',
      careDate: '2026-12-10',
      submittedAt: '2026-11-26T10:00:00Z',
      beneficiary: { firstName: 'Léa' },
    })).toBe('Prise en charge (soins optiques), soins prévus le 10/12/2026 pour Léa')
  })

  it('names a household procedure by its kind and sending day alone', () => {
    expect(procedureTitle({
      kind: 'BANK_DETAILS_CHANGE',
      careType: null,
      careDate: null,
      submittedAt: '2026-03-02T08:00:00Z',
      beneficiary: null,
    })).toBe('Modification des coordonnées bancaires du 02/03/2026')
  })
})
