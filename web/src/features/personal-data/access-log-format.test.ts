import { describe, expect, it } from 'vitest'
import { accessMoment, actorKindLabel, formatAccessMoment } from './access-log-format'

describe('formatAccessMoment', () => {
  it('reads an instant as the day and time it was in France, winter and summer', () => {
    expect(formatAccessMoment('2026-11-26T10:05:00.000Z')).toBe('26/11/2026 à 11:05')
    expect(formatAccessMoment('2026-07-01T21:30:00.000Z')).toBe('01/07/2026 à 23:30')
  })

  it('puts an access just before midnight UTC on the next French day', () => {
    expect(accessMoment('2026-12-31T23:15:00.000Z')).toEqual({ day: '01/01/2027', time: '00:15' })
  })

  it('gives unreadable input back unchanged', () => {
    expect(formatAccessMoment('hier')).toBe('hier')
  })
})

describe('actorKindLabel', () => {
  it('says where the person comes from', () => {
    expect(actorKindLabel('ADVISOR')).toBe('Votre mutuelle')
    expect(actorKindLabel('PARTNER')).toBe('Professionnel de santé partenaire')
  })
})
