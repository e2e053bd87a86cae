import { describe, expect, it } from 'vitest'
import { checkNewPassword } from './password-policy.ts'

const benoit = { firstName: 'Benoit', lastName: 'Garnier', email: 'benoit.garnier@example.org', birthDate: '1984-03-17', memberNumber: '202897774' }
const codes = (password: string) => checkNewPassword(password, benoit).map(e => e.code)

describe('checkNewPassword', () => {
  it('accepts a long passphrase of unrelated words, with no rule on the kind of characters', () => {
    expect(codes('cerisier velo rouge tambour')).toEqual([])
    expect(codes('Velo-Rouge-Cerisier-82!')).toEqual([])
  })

  it('refuses fewer than 12 characters, however random', () => {
    expect(codes('x7#Qm!2pLz9')).toEqual(['PASSWORD_TOO_SHORT'])
    expect(checkNewPassword('x7#Qm!2pLz9', benoit)[0]!.message).toBe('Votre mot de passe doit contenir au moins 12 caractères.')
  })

  it('refuses common and breached passwords and keyboard walks, in French', () => {
    expect(codes('azertyuiop12')).toEqual(['PASSWORD_WEAK'])
    expect(codes('motdepasse123')).toEqual(['PASSWORD_WEAK'])
    expect(codes('123456789012')).toEqual(['PASSWORD_WEAK'])
    expect(checkNewPassword('azertyuiop12', benoit)[0]!.message).toMatch(/^Ce mot de passe est trop facile à deviner\. .*couramment utilisé/)
  })

  it('refuses a password made of the member\'s own names, e-mail or birth date', () => {
    expect(codes('BenoitGarnier1984')).toEqual(['PASSWORD_PERSONAL'])
    expect(codes('benoit.garnier@example.org')).toEqual(['PASSWORD_PERSONAL'])
    expect(codes('garnier-17031984')).toEqual(['PASSWORD_PERSONAL'])
    // the same shape with someone else's names is fine for Benoit
    expect(codes('Martin.Dupuis.Tonnelier')).toEqual([])
  })

  it('asks for a password, and bounds its length', () => {
    expect(codes('')).toEqual(['REQUIRED'])
    expect(codes('a'.repeat(129))).toEqual(['TOO_LONG'])
  })
})
