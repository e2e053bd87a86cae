import { describe, expect, it } from 'vitest'
import { careTypeLabel, careTypeShortLabel, unreadMessagesLabel } from './labels'

// the label tables themselves are typed against the API's enums (a missing value fails the
// type check); what is tested here is the behaviour around them

describe('careTypeShortLabel', () => {
  it('shortens optics in lists and falls back to the full label for the others', () => {
    expect(careTypeShortLabel('OPTICS')).toBe('Optique')
    expect(careTypeShortLabel('PHARMACY')).toBe(careTypeLabel('PHARMACY'))
  })
})

describe('unreadMessagesLabel', () => {
  it('agrees in number and says nothing when all is read', () => {
    expect(unreadMessagesLabel(0)).toBe('')
    expect(unreadMessagesLabel(1)).toBe('1 message non lu')
    expect(unreadMessagesLabel(2)).toBe('2 messages non lus')
  })
})
