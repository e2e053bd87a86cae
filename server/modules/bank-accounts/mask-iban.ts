/**
 * An IBAN as people may see it: the country code and check digits, then only the last four
 * characters; the rest is starred in groups of four, so the length still reads right.
 * "FR7620041010011008548599384" → "FR76 **** **** **** **** *** 9384".
 * The full IBAN never leaves the server except in the bank-details change flow.
 */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase()
  if (compact.length <= 8)
    return `${compact.slice(0, 4)} ${'*'.repeat(Math.max(0, compact.length - 4))}`.trim()
  const hidden = '*'.repeat(compact.length - 8).match(/.{1,4}/g) ?? []
  return [compact.slice(0, 4), ...hidden, compact.slice(-4)].join(' ')
}
