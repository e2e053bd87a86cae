/** Valid-looking French identifiers for the demo: IBAN with RIB key, NIR with its key, SEPA creditor id. */

/** Remainder modulo 97 of a long decimal string (too long for a double). */
function mod97(digits: string): number {
  let rest = 0
  for (const digit of digits)
    rest = (rest * 10 + Number(digit)) % 97
  return rest
}

/** Letters count as 10…35 in IBAN and ICS check digits. */
function lettersToDigits(text: string): string {
  return text.toUpperCase().replace(/[A-Z]/g, letter => String(letter.charCodeAt(0) - 55))
}

/** IBAN check per ISO 13616: move the first four characters to the end, the whole must be 1 mod 97. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact))
    return false
  return mod97(lettersToDigits(compact.slice(4) + compact.slice(0, 4))) === 1
}

/**
 * French IBAN from bank code (5 digits), branch code (5) and account number (11 digits):
 * computes the RIB key, then the IBAN check digits.
 */
export function frenchIban(bankCode: string, branchCode: string, accountNumber: string): string {
  if (!/^\d{5}$/.test(bankCode) || !/^\d{5}$/.test(branchCode) || !/^\d{11}$/.test(accountNumber))
    throw new Error('frenchIban expects numeric bank (5), branch (5) and account (11) codes')
  const ribKey = 97 - ((89 * Number(bankCode) + 15 * Number(branchCode) + 3 * Number(accountNumber)) % 97)
  const bban = `${bankCode}${branchCode}${accountNumber}${String(ribKey).padStart(2, '0')}`
  const check = 98 - mod97(lettersToDigits(`${bban}FR00`))
  return `FR${String(check).padStart(2, '0')}${bban}`
}

/** NIR: 13 digits (sex, year, month, department, commune, order) and their key, 97 − (n mod 97). */
export function nirWithKey(first13: string): string {
  if (!/^\d{13}$/.test(first13))
    throw new Error('nirWithKey expects 13 digits')
  return first13 + String(97 - mod97(first13)).padStart(2, '0')
}

/** SEPA creditor identifier (ICS): FR, check digits, business code ZZZ, national id. */
export function sepaCreditorIdentifier(nationalId: string): string {
  // the business code is left out of the check digits, as the EPC rules say
  const check = 98 - mod97(lettersToDigits(`${nationalId}FR00`))
  return `FR${String(check).padStart(2, '0')}ZZZ${nationalId}`
}
