import { describe, expect, it } from 'vitest'
import { careTypeLabel, careTypeShortLabel, procedureKindLabel, procedureStatusLabel, relationshipLabel, unreadMessagesLabel } from './labels'

describe('labels', () => {
  it('names care types as the portal does', () => {
    expect(careTypeLabel('DENTAL')).toBe('Soins dentaires')
    expect(careTypeLabel('OPTICS')).toBe('Soins optiques')
    expect(careTypeLabel('ALTERNATIVE_MEDICINE')).toBe('Médecines douces')
    expect(careTypeLabel('PARAMEDICAL')).toBe('Auxiliaires médicaux')
  })

  it('shortens optics to "Optique" in lists and keeps the other labels', () => {
    expect(careTypeShortLabel('OPTICS')).toBe('Optique')
    expect(careTypeShortLabel('PHARMACY')).toBe('Pharmacie')
  })

  it('names the four procedure statuses', () => {
    expect(procedureStatusLabel('SUBMITTED')).toBe('En cours')
    expect(procedureStatusLabel('ACCEPTED')).toBe('Acceptée')
    expect(procedureStatusLabel('REJECTED')).toBe('Refusée')
    expect(procedureStatusLabel('MISSING_DOCUMENTS')).toBe('Pièces manquantes')
  })

  it('names procedure kinds and relationships in French', () => {
    expect(procedureKindLabel('QUOTE')).toBe('Analyse de devis')
    expect(relationshipLabel('CHILD')).toBe('Enfant')
  })
})

describe('unreadMessagesLabel', () => {
  it('agrees in number and says nothing when all is read', () => {
    expect(unreadMessagesLabel(0)).toBe('')
    expect(unreadMessagesLabel(1)).toBe('1 message non lu')
    expect(unreadMessagesLabel(2)).toBe('2 messages non lus')
  })
})
