import { describe, expect, it } from 'vitest'
import { normaliseLineText, normaliseMultilineText } from './text.ts'

describe('free text as stored and shown', () => {
  it('drops control characters and a right-to-left override, as an outside test sent them', () => {
    expect(normaliseLineText('Dr\u0000 Null\u0007\u202E')).toBe('Dr Null')
    expect(normaliseLineText('facture\u202Efdp.exe')).toBe('facturefdp.exe')
  })

  it('keeps the lines and tabs of a message, with Windows line breaks made plain', () => {
    expect(normaliseMultilineText('  Bonjour,\r\n\r\n\tMerci.\u0008  ')).toBe('Bonjour,\n\n\tMerci.')
  })

  it('composes accents, so a name typed two ways is stored one way', () => {
    expect(normaliseLineText('He\u0301lia')).toBe('Hélia')
  })
})
