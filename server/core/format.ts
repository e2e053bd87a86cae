/** French formats for text the server writes itself: PDFs, explanations, user errors. */

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })

/**
 * "1 234,56 €", with regular no-break spaces: ICU uses a narrow one for thousands, which the
 * WinAnsi standard PDF fonts cannot print.
 */
export function formatEuros(cents: number): string {
  return euroFormat.format(cents / 100).replace(/\u202F/g, '\u00A0')
}

/** "2026-08-25" → "25/08/2026". */
export function frenchDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}
