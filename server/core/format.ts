/** French formats for text the server writes itself: PDFs, explanations, user errors. */

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })

/**
 * "1 234,56 €", with regular no-break spaces: ICU uses a narrow one for thousands, which the
 * WinAnsi standard PDF fonts cannot print.
 */
export function formatEuros(cents: number): string {
  // whole cents are written by hand (the same text, a tenth of the time: explanations use many);
  // ICU for the rest (fractions of a cent, -0, huge amounts)
  if (!Number.isInteger(cents) || Math.abs(cents) >= 1e15 || Object.is(cents, -0))
    return euroFormat.format(cents / 100).replace(/\u202F/g, '\u00A0')
  const abs = Math.abs(cents)
  const euros = String(Math.floor(abs / 100))
  let grouped = euros.slice(0, (euros.length - 1) % 3 + 1)
  for (let i = grouped.length; i < euros.length; i += 3)
    grouped += `\u00A0${euros.slice(i, i + 3)}`
  const rest = abs % 100
  return `${cents < 0 ? '-' : ''}${grouped},${rest < 10 ? '0' : ''}${rest}\u00A0€`
}

/** "2026-08-25" → "25/08/2026". */
export function frenchDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}
