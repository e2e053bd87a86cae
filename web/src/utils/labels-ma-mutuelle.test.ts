import { describe, expect, it } from 'vitest'
import { contractStatusLabel, contributionMethodLabel, documentKindLabel, instalmentStatusLabel, noemieStatusLabel } from './labels'

describe('labels of Ma mutuelle', () => {
  it('names instalment statuses as the schedule shows them', () => {
    expect(instalmentStatusLabel('PAID')).toBe('Payée')
    expect(instalmentStatusLabel('SCHEDULED')).toBe('À venir')
    expect(instalmentStatusLabel('REJECTED')).toBe('Rejetée')
    expect(contributionMethodLabel('SEPA_DIRECT_DEBIT')).toBe('Prélèvement SEPA')
  })

  it('names contract, télétransmission and document states in French', () => {
    expect(contractStatusLabel('ACTIVE')).toBe('En vigueur')
    expect(noemieStatusLabel('HELD_BY_PREVIOUS_INSURER')).toBe('Détenue par votre ancienne mutuelle')
    expect(noemieStatusLabel('PENDING')).toBe('En cours d\'activation')
    expect(documentKindLabel('CERTIFICATE')).toBe('Attestation de droits')
  })
})
