import { electronicFormatIBAN, getCountrySpecifications, isSEPACountry, validateBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools'

// The same checks as the server (ibantools), for instant feedback as the member types; the
// server checks again and its answer is the one that counts.

/** The IBAN as it is typed, upper case and grouped by four: "FR76 3000 4…". */
export function groupIban(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/(.{4})(?=.)/g, '$1 ')
}

/** Where the caret goes after regrouping: after the same number of letters and digits. */
export function caretAfter(grouped: string, significantBefore: number): number {
  let seen = 0
  for (let i = 0; i < grouped.length; i++) {
    if (seen === significantBefore) return i
    if (grouped[i] !== ' ') seen++
  }
  return grouped.length
}

export function ibanProblem(raw: string): string | null {
  if (/[^A-Z0-9\s-]/i.test(raw)) return 'Un IBAN ne contient que des lettres et des chiffres.'
  const iban = electronicFormatIBAN(raw) ?? ''
  if (!iban) return 'Saisissez l\'IBAN qui figure sur votre RIB.'
  const country = iban.slice(0, 2)
  const spec = getCountrySpecifications()[country]
  if (!spec?.chars) return 'Un IBAN commence par le code du pays (FR pour la France), puis deux chiffres de clé.'
  if (!isSEPACountry(country)) return 'Les comptes tenus hors de la zone SEPA ne peuvent pas recevoir vos remboursements ni servir au prélèvement de vos cotisations.'
  const result = validateIBAN(iban)
  if (result.valid) return null
  if (result.errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength))
    return `Un IBAN ${country === 'FR' ? 'français' : 'de ce pays'} compte ${spec.chars} caractères\u00a0; vous en avez saisi ${iban.length}.`
  if (result.errorCodes.includes(ValidationErrorsIBAN.ChecksumNotNumber))
    return 'Les deux caractères qui suivent le code pays sont des chiffres (la clé de l\'IBAN).'
  if (result.errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat))
    return 'Cet IBAN contient une lettre là où sa banque attend un chiffre (ou l\'inverse)\u00a0: vérifiez-le sur votre RIB.'
  return 'Cet IBAN n\'est pas valide\u00a0: sa clé de contrôle ne correspond pas. Vérifiez chaque caractère sur votre RIB.'
}

export function bicProblem(raw: string): string | null {
  const bic = raw.replace(/\s+/g, '').toUpperCase()
  if (!bic || validateBIC(bic).valid) return null
  return 'Ce BIC n\'est pas valide\u00a0: il compte 8 ou 11 lettres et chiffres, par exemple PSSTFRPPBOR. Vous pouvez aussi le laisser vide.'
}

export const MAX_HOLDER_LENGTH = 70

export function holderProblem(raw: string): string | null {
  const holder = raw.trim().replace(/\s+/g, ' ')
  if (!holder) return 'Indiquez le titulaire du compte, tel qu\'il apparaît sur votre RIB.'
  if (holder.length > MAX_HOLDER_LENGTH) return `Le titulaire ne doit pas dépasser ${MAX_HOLDER_LENGTH} caractères (il en compte ${holder.length}).`
  if (!/^[\p{L}\p{M}0-9 '’.,\-/&()+]+$/u.test(holder)) return 'Le titulaire ne peut contenir que des lettres, des chiffres, des espaces et les signes \' - . , / & ( ) +.'
  return null
}
