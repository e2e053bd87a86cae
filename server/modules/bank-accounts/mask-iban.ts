/**
 * The portal's one way to show an IBAN, as DESIGN.md and the seed's portal show it: the country
 * code and check digits, a fixed run of stars (so the length reveals nothing), then the last
 * eight characters in two groups. "FR7620041010011008548599384" → "FR76 **** * 4859 9384".
 * The whole IBAN never leaves the server once saved; e-mails quote only the last four characters.
 */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase()
  const last = compact.slice(-8)
  return `${compact.slice(0, 4)} **** * ${last.slice(0, 4)} ${last.slice(4)}`
}

/** The last four characters, all an e-mail may quote of an IBAN. */
export function ibanLastFour(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase().slice(-4)
}
