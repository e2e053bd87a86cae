/** Countries members most often receive care in, with the currency usually paid there. */
export const COUNTRIES: { name: string, currency: string }[] = [
  { name: 'Allemagne', currency: 'EUR' },
  { name: 'Australie', currency: 'AUD' },
  { name: 'Autriche', currency: 'EUR' },
  { name: 'Belgique', currency: 'EUR' },
  { name: 'Canada', currency: 'CAD' },
  { name: 'Danemark', currency: 'DKK' },
  { name: 'Espagne', currency: 'EUR' },
  { name: 'États-Unis', currency: 'USD' },
  { name: 'Grèce', currency: 'EUR' },
  { name: 'Irlande', currency: 'EUR' },
  { name: 'Italie', currency: 'EUR' },
  { name: 'Luxembourg', currency: 'EUR' },
  { name: 'Maroc', currency: 'MAD' },
  { name: 'Norvège', currency: 'NOK' },
  { name: 'Pays-Bas', currency: 'EUR' },
  { name: 'Pologne', currency: 'PLN' },
  { name: 'Portugal', currency: 'EUR' },
  { name: 'République tchèque', currency: 'CZK' },
  { name: 'Royaume-Uni', currency: 'GBP' },
  { name: 'Suède', currency: 'SEK' },
  { name: 'Suisse', currency: 'CHF' },
]

/** The select's value for a country not in the list, typed by the member. */
export const OTHER_COUNTRY = 'AUTRE'
