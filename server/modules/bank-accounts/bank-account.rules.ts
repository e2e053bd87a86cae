import type { UserError } from '../../core/errors.ts'
import { getCountrySpecifications, isSEPACountry, validateBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools'
import { userError } from '../../core/errors.ts'
import { normaliseLineText } from '../../core/text.ts'

/** What a bank's RIB prints for the holder fits in 70 characters (SEPA "name" field). */
export const MAX_HOLDER_LENGTH = 70

const regionNames = new Intl.DisplayNames(['fr'], { type: 'region' })
function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code
  }
  catch {
    return code
  }
}

/** The IBAN in electronic form (no spaces, upper case), or a French field error. */
export function checkIban(raw: string): { iban: string | null, errors: UserError[] } {
  const iban = raw.replace(/[\s-]+/g, '').toUpperCase()
  const fail = (code: Parameters<typeof userError>[1], message: string) => ({ iban: null, errors: [userError('iban', code, message)] })
  if (!iban)
    return fail('REQUIRED', 'Saisissez l\'IBAN qui figure sur votre RIB.')
  if (!/^[A-Z0-9]+$/.test(iban))
    return fail('INVALID_IBAN_FORMAT', 'Un IBAN ne contient que des lettres et des chiffres.')
  const country = iban.slice(0, 2)
  const spec = getCountrySpecifications()[country]
  if (!/^[A-Z]{2}$/.test(country) || !spec?.chars)
    return fail('INVALID_IBAN_FORMAT', 'Un IBAN commence par le code du pays (FR pour la France), puis deux chiffres de clé.')
  if (!isSEPACountry(country))
    return fail('IBAN_COUNTRY_NOT_SEPA', `Les comptes tenus hors de la zone SEPA (ici\u00a0: ${countryName(country)}) ne peuvent pas recevoir vos remboursements ni servir au prélèvement de vos cotisations.`)
  const result = validateIBAN(iban)
  if (result.valid)
    return { iban, errors: [] }
  const errors = result.errorCodes
  if (errors.includes(ValidationErrorsIBAN.WrongBBANLength))
    return fail('INVALID_IBAN_LENGTH', `Un IBAN ${country === 'FR' ? 'français' : `de ce pays (${countryName(country)})`} compte ${spec.chars} caractères\u00a0; vous en avez saisi ${iban.length}.`)
  if (errors.includes(ValidationErrorsIBAN.ChecksumNotNumber))
    return fail('INVALID_IBAN_FORMAT', 'Les deux caractères qui suivent le code pays sont des chiffres (la clé de l\'IBAN).')
  if (errors.includes(ValidationErrorsIBAN.WrongBBANFormat))
    return fail('INVALID_IBAN_FORMAT', 'Cet IBAN contient une lettre là où sa banque attend un chiffre (ou l\'inverse)\u00a0: vérifiez-le sur votre RIB.')
  return fail('INVALID_IBAN_CHECKSUM', 'Cet IBAN n\'est pas valide\u00a0: sa clé de contrôle ne correspond pas. Vérifiez chaque caractère sur votre RIB.')
}

/** Optional BIC: empty is fine (SEPA routes on the IBAN alone); otherwise 8 or 11 characters. */
export function checkBic(raw: string | null | undefined): { bic: string | null, errors: UserError[] } {
  const bic = (raw ?? '').replace(/\s+/g, '').toUpperCase()
  if (!bic)
    return { bic: null, errors: [] }
  if (!validateBIC(bic).valid)
    return { bic: null, errors: [userError('bic', 'INVALID_BIC', 'Ce BIC n\'est pas valide\u00a0: il compte 8 ou 11 lettres et chiffres, par exemple PSSTFRPPBOR. Vous pouvez aussi le laisser vide.')] }
  return { bic, errors: [] }
}

// control characters and invisible formatting characters, refused rather than silently dropped:
// the holder must read exactly as the RIB prints it
const INVISIBLE = /[\p{Cc}\p{Cf}]/u
// letters of any alphabet with their accents, digits, and the punctuation banks print on a RIB
const HOLDER = /^[\p{L}\p{M}0-9 '’.,\-/&()+]+$/u

/** The holder as the RIB prints it: one line, at most 70 characters, no control characters. */
export function checkHolderName(raw: string): { holderName: string | null, errors: UserError[] } {
  const fail = (code: Parameters<typeof userError>[1], message: string) => ({ holderName: null, errors: [userError('holderName', code, message)] })
  if (INVISIBLE.test(raw.replace(/ /g, '')))
    return fail('INVALID_CHARACTERS', 'Le titulaire contient des caractères invisibles ou de contrôle\u00a0: saisissez-le à nouveau, tel qu\'il apparaît sur votre RIB.')
  const holderName = normaliseLineText(raw)
  if (!holderName)
    return fail('REQUIRED', 'Indiquez le titulaire du compte, tel qu\'il apparaît sur votre RIB.')
  if (holderName.length > MAX_HOLDER_LENGTH)
    return fail('TOO_LONG', `Le titulaire ne doit pas dépasser ${MAX_HOLDER_LENGTH} caractères (il en compte ${holderName.length}).`)
  if (!HOLDER.test(holderName))
    return fail('INVALID_CHARACTERS', 'Le titulaire ne peut contenir que des lettres, des chiffres, des espaces et les signes \' - . , / & ( ) +.')
  return { holderName, errors: [] }
}
