/**
 * Reference exchange rates for care paid abroad, with the day they were taken. The wizard shows
 * the converted amount as indicative; the advisor's decision uses the rate stored with the
 * request. Operators update this table (and its date) when they publish new rates.
 * Every currency here has two decimals, so amounts are in cents of that currency.
 */
export const REFERENCE_RATES_DATE = '2026-10-30'

export interface ReferenceRate {
  /** ISO 4217 code. */
  currency: string
  /** French name, as the member reads it. */
  label: string
  /** Units of the currency for one euro. */
  unitsPerEuro: number
}

export const REFERENCE_RATES: readonly ReferenceRate[] = [
  { currency: 'EUR', label: 'Euro', unitsPerEuro: 1 },
  { currency: 'USD', label: 'Dollar américain', unitsPerEuro: 1.1582 },
  { currency: 'GBP', label: 'Livre sterling', unitsPerEuro: 0.8791 },
  { currency: 'CHF', label: 'Franc suisse', unitsPerEuro: 0.9312 },
  { currency: 'CAD', label: 'Dollar canadien', unitsPerEuro: 1.6215 },
  { currency: 'AUD', label: 'Dollar australien', unitsPerEuro: 1.7664 },
  { currency: 'SEK', label: 'Couronne suédoise', unitsPerEuro: 10.9875 },
  { currency: 'NOK', label: 'Couronne norvégienne', unitsPerEuro: 11.6820 },
  { currency: 'DKK', label: 'Couronne danoise', unitsPerEuro: 7.4689 },
  { currency: 'PLN', label: 'Złoty polonais', unitsPerEuro: 4.2460 },
  { currency: 'CZK', label: 'Couronne tchèque', unitsPerEuro: 24.318 },
  { currency: 'MAD', label: 'Dirham marocain', unitsPerEuro: 10.712 },
] as const

const byCurrency = new Map(REFERENCE_RATES.map(r => [r.currency, r]))

export function referenceRate(currency: string): ReferenceRate | undefined {
  return byCurrency.get(currency.toUpperCase())
}

/** Cents of `currency` to euro cents at the reference rate, rounded to the nearest cent. */
export function toEuroCents(amountCents: number, rate: ReferenceRate): number {
  return Math.round(amountCents / rate.unitsPerEuro)
}
