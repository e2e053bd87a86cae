const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })

/** Euro cents (the API's unit) as French currency text: 4500 → "45,00 €" (non-breaking spaces). */
export function formatMoney(cents: number): string {
  return euros.format(cents / 100)
}
