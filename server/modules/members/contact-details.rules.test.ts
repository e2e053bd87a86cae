import { describe, expect, it } from 'vitest'
import { checkAddress, checkEmail, checkPhone, formatPhone } from './contact-details.rules.ts'

const france = { line1: '12 rue des Tanneurs', postalCode: '33000', city: 'Bordeaux', country: 'France' }
const codes = (r: { errors: { field: string | null, code: string }[] }) => r.errors.map(e => `${e.field}:${e.code}`)

describe('checkPhone', () => {
  it('stores French and international numbers in E.164, however typed', () => {
    expect(checkPhone('06 45 72 18 39').phone).toBe('+33645721839')
    expect(checkPhone('06.45.72.18.39').phone).toBe('+33645721839')
    expect(checkPhone('0033 6 45 72 18 39').phone).toBe('+33645721839')
    expect(checkPhone('01 23 45 67 89').phone).toBe('+33123456789')
    expect(checkPhone('+44 20 7946 0958').phone).toBe('+442079460958')
  })

  it('refuses what cannot be a number, and lets an empty text remove it', () => {
    expect(codes(checkPhone('0645'))).toEqual(['phone:INVALID_PHONE'])
    expect(codes(checkPhone('06 45 72 18 39 00'))).toEqual(['phone:INVALID_PHONE'])
    expect(codes(checkPhone('appelez-moi'))).toEqual(['phone:INVALID_PHONE'])
    expect(checkPhone('  ')).toEqual({ phone: null, errors: [] })
  })

  it('shows French numbers the French way and others internationally', () => {
    expect(formatPhone('+33645721839')).toBe('06 45 72 18 39')
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958')
  })
})

describe('checkAddress', () => {
  it('accepts a French address and a foreign one with its own postal format', () => {
    expect(checkAddress(france).address).toEqual({ ...france, line2: null })
    expect(checkAddress({ ...france, postalCode: '97110', city: 'Pointe-à-Pitre' }).errors).toEqual([])
    expect(checkAddress({ ...france, postalCode: '20000', city: 'Ajaccio' }).errors).toEqual([])
    expect(checkAddress({ line1: '10 Downing Street', postalCode: 'sw1a 2aa', city: 'London', country: 'Royaume-Uni' }).address?.postalCode).toBe('SW1A 2AA')
    expect(checkAddress({ ...france, country: ' france ' }).address?.country).toBe('France')
  })

  it('checks the French postal code (5 digits of a department) and the commune', () => {
    expect(codes(checkAddress({ ...france, postalCode: '3300' }))).toEqual(['address.postalCode:INVALID_POSTAL_CODE'])
    expect(codes(checkAddress({ ...france, postalCode: '96000' }))).toEqual(['address.postalCode:INVALID_POSTAL_CODE'])
    expect(codes(checkAddress({ ...france, postalCode: '00100' }))).toEqual(['address.postalCode:INVALID_POSTAL_CODE'])
    expect(codes(checkAddress({ ...france, city: '33000' }))).toEqual(['address.city:INVALID_CITY'])
    expect(codes(checkAddress({ ...france, city: 'L\'Haÿ-les-Roses' }))).toEqual([])
    expect(codes(checkAddress({ ...france, city: 'Paris Cedex 07', postalCode: '75007' }))).toEqual([])
  })

  it('names every missing part', () => {
    expect(codes(checkAddress({ line1: ' ', postalCode: '', city: '', country: 'France' }))).toEqual(['address.line1:REQUIRED', 'address.postalCode:REQUIRED', 'address.city:REQUIRED'])
  })
})

describe('checkEmail', () => {
  it('stores the address trimmed and in lower case, and refuses a malformed one', () => {
    expect(checkEmail('  Benoit.G@Exemple.FR ').email).toBe('benoit.g@exemple.fr')
    expect(codes(checkEmail('benoit@exemple'))).toEqual(['email:INVALID_EMAIL'])
    expect(codes(checkEmail('benoit exemple.fr'))).toEqual(['email:INVALID_EMAIL'])
  })
})
