import { describe, expect, it } from 'vitest'
import { bicProblem, caretAfter, groupIban, holderProblem, ibanProblem } from './iban-input'

describe('the IBAN as typed', () => {
  it('is grouped by four in upper case, whatever the member pastes', () => {
    expect(groupIban('fr7620041010011008548599384')).toBe('FR76 2004 1010 0110 0854 8599 384')
    expect(groupIban('FR76-2004 10')).toBe('FR76 2004 10')
    expect(groupIban('FR76 ')).toBe('FR76')
  })

  it('keeps the caret after the same character when a space is added before it', () => {
    // "FR762" typed: the caret was after the 5th character, now after "FR76 2"
    expect(caretAfter('FR76 2', 5)).toBe(6)
    expect(caretAfter('FR76 2004', 2)).toBe(2)
  })

  it('says in French what is wrong', () => {
    expect(ibanProblem('FR76 2004 1010 0110 0854 8599 384')).toBeNull()
    expect(ibanProblem('FR76 2004 1010 0110 0854 8599 385')).toMatch(/clé de contrôle/)
    expect(ibanProblem('FR76 2004 1010 0110 0854 8599 38')).toMatch(/compte 27 caractères\u00a0; vous en avez saisi 26/)
    expect(ibanProblem('TR33 0006 1005 1978 6457 8413 26')).toMatch(/hors de la zone SEPA/)
    expect(ibanProblem('FR76 2004 1010 0110 0854 8599 3A4')).toMatch(/lettre là où/)
    expect(ibanProblem('')).toMatch(/Saisissez/)
  })

  it('accepts an empty BIC and refuses a malformed one', () => {
    expect(bicProblem('')).toBeNull()
    expect(bicProblem('psstfrppbor')).toBeNull()
    expect(bicProblem('PSST-FR')).toMatch(/8 ou 11/)
  })

  it('wants the holder on one line, 70 characters at most, without symbols', () => {
    expect(holderProblem('Benoit Garnier')).toBeNull()
    expect(holderProblem('M. ou Mme Benoît & Sarah L\'Hôte-Garnier')).toBeNull()
    expect(holderProblem(' ')).toMatch(/Indiquez/)
    expect(holderProblem('B'.repeat(71))).toMatch(/70 caractères/)
    expect(holderProblem('<b>')).toMatch(/ne peut contenir/)
  })
})
