import type { UserError } from '../../core/errors.ts'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { userError } from '../../core/errors.ts'
import { normaliseLineText } from '../../core/text.ts'

export const FRANCE = 'France'

/** One address per line of the French postal standard (NF Z10-011): 38 characters, 100 allowed for abroad. */
const MAX_LINE = 100
const MAX_CITY = 60

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/

/** The e-mail as stored (trimmed, lower case), or an error on `field`. */
export function checkEmail(raw: string, field = 'email'): { email: string | null, errors: UserError[] } {
  const email = raw.trim().toLowerCase()
  if (!email)
    return { email: null, errors: [userError(field, 'REQUIRED', 'Saisissez votre adresse e-mail.')] }
  if (!EMAIL.test(email) || email.length > 254)
    return { email: null, errors: [userError(field, 'INVALID_EMAIL', 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')] }
  return { email, errors: [] }
}

/**
 * A French or international number in E.164 (+33645721839), read the way it is usually typed:
 * « 06 45 72 18 39 », « +44 20 7946 0958 », « 0033 6 45… ». An empty text removes the number.
 */
export function checkPhone(raw: string, field = 'phone'): { phone: string | null, errors: UserError[] } {
  const typed = raw.trim()
  if (!typed)
    return { phone: null, errors: [] }
  const parsed = typed.length <= 40 ? parsePhoneNumberFromString(typed, 'FR') : undefined
  if (!parsed?.isValid())
    return { phone: null, errors: [userError(field, 'INVALID_PHONE', 'Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78, ou +44 20 7946 0958 pour l\'étranger.')] }
  return { phone: parsed.number, errors: [] }
}

/** How a stored number is shown: « 06 45 72 18 39 » in France, « +44 20 7946 0958 » elsewhere. */
export function formatPhone(e164: string | null): string | null {
  if (!e164)
    return null
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed)
    return e164
  return parsed.country === 'FR' ? parsed.formatNational() : parsed.formatInternational()
}

/** Departments a French postal code may start with: 01–95 (20 for Corsica), and 97x/98x overseas. */
function isFrenchPostalCode(code: string): boolean {
  if (!/^\d{5}$/.test(code))
    return false
  const department = Number(code.slice(0, 2))
  if (department >= 1 && department <= 95)
    return true
  // DROM (971–976) and the collectivités d'outre-mer with La Poste codes (975, 977, 978, 986–988)
  return /^(?:97[1-8]|98[6-8])/.test(code)
}

// a commune's name: letters (any accent), spaces, hyphens, apostrophes, and the digits of « Paris 15 » or « Cedex 07 »
const COMMUNE = /^(?=(?:.*\p{L}){2})[\p{L}\d][\p{L}\d '’.-]*$/u

export interface AddressFields {
  line1: string
  line2?: string | null
  postalCode: string
  city: string
  country: string
}

export interface CheckedAddress {
  line1: string
  line2: string | null
  postalCode: string
  city: string
  country: string
}

function normaliseCountry(raw: string): string {
  const country = normaliseLineText(raw)
  return /^france$/i.test(country) || country === '' ? FRANCE : country
}

/** A postal address, in France (5-digit postal code, commune) or abroad (country named). Errors on `address.*`. */
export function checkAddress(input: AddressFields): { address: CheckedAddress | null, errors: UserError[] } {
  const errors: UserError[] = []
  const line1 = normaliseLineText(input.line1)
  const line2 = input.line2 ? normaliseLineText(input.line2) || null : null
  const postalCode = normaliseLineText(input.postalCode).toUpperCase()
  const city = normaliseLineText(input.city)
  const country = normaliseCountry(input.country)
  const inFrance = country === FRANCE

  if (!line1)
    errors.push(userError('address.line1', 'REQUIRED', 'Saisissez le numéro et le nom de la voie.'))
  else if (line1.length > MAX_LINE)
    errors.push(userError('address.line1', 'TOO_LONG', `L'adresse ne peut pas dépasser ${MAX_LINE} caractères.`))
  if (line2 && line2.length > MAX_LINE)
    errors.push(userError('address.line2', 'TOO_LONG', `Le complément d'adresse ne peut pas dépasser ${MAX_LINE} caractères.`))

  if (!postalCode)
    errors.push(userError('address.postalCode', 'REQUIRED', 'Saisissez le code postal.'))
  else if (inFrance && !isFrenchPostalCode(postalCode))
    errors.push(userError('address.postalCode', 'INVALID_POSTAL_CODE', 'Saisissez un code postal français de 5 chiffres, par exemple 75015. Pour une adresse à l\'étranger, indiquez le pays.'))
  else if (!inFrance && !/^[A-Z0-9][A-Z0-9 -]{1,11}$/.test(postalCode))
    errors.push(userError('address.postalCode', 'INVALID_POSTAL_CODE', 'Saisissez le code postal tel qu\'il s\'écrit dans ce pays (lettres, chiffres, espaces ou tirets).'))

  if (!city)
    errors.push(userError('address.city', 'REQUIRED', 'Saisissez la commune.'))
  else if (city.length > MAX_CITY)
    errors.push(userError('address.city', 'TOO_LONG', `La commune ne peut pas dépasser ${MAX_CITY} caractères.`))
  else if (!COMMUNE.test(city))
    errors.push(userError('address.city', 'INVALID_CITY', 'Saisissez le nom de la commune en lettres, par exemple Saint-Étienne.'))

  if (country.length > MAX_CITY || !COMMUNE.test(country))
    errors.push(userError('address.country', 'INVALID_COUNTRY', 'Saisissez le nom du pays en lettres, par exemple Belgique.'))

  if (errors.length)
    return { address: null, errors }
  return { address: { line1, line2, postalCode, city, country }, errors }
}
