/**
 * What a member types as an amount ("45", "45,5", "1 234,56 €", "45.50") in cents, or null when
 * it is not an amount. Two decimals at most: a third digit is a typing error, not a rounding.
 */
export function parseAmountToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00A0\u202F€]/g, '').replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null
  const [units, decimals = ''] = cleaned.split('.')
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'))
  return Number.isSafeInteger(cents) ? cents : null
}

/** Cents back to what the field shows: 4500 → "45,00". */
export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',')
}
