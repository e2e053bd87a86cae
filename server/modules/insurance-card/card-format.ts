import bwipjs from 'bwip-js'

/** Inter-AMC care domain codes with the legend printed on the back of the card. */
export const CARE_DOMAIN_LEGENDS: Record<string, string> = {
  PHAR: 'Pharmacie',
  MED: 'Médecins',
  LABO: 'Laboratoires d\'analyses',
  RADL: 'Radiologie',
  HOSP: 'Hospitalisation',
  OPTI: 'Optique',
  DENT: 'Dentaire',
  AUDI: 'Audioprothèses',
  AUXM: 'Auxiliaires médicaux',
  SAGE: 'Sages-femmes',
  TRSP: 'Transport sanitaire',
}

export function careDomainLegend(code: string): string {
  return CARE_DOMAIN_LEGENDS[code] ?? code
}

/** Printed order of the domains, whatever order they were stored in. */
export function sortDomains(codes: readonly string[]): string[] {
  const order = Object.keys(CARE_DOMAIN_LEGENDS)
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length)
  return [...codes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

export interface HarmonisedFields {
  amcNumber: string
  conventionType: string
  routingCriterion: string
  memberNumber: string
  validFrom: string
  validTo: string
  cardNumber: string
}

/** The version tag opening the DataMatrix text, bumped if the layout ever changes. */
export const DATAMATRIX_VERSION = 'IAMC1'

// the separators may never appear inside a value, or a reader would split it wrongly
const clean = (value: string) => value.replace(/[|=\s]+/g, '')
const compactDate = (date: string) => date.replaceAll('-', '')

/**
 * Text of the card's DataMatrix: the five harmonised fields of the Inter-AMC card and the card
 * number, as `IAMC1|AMC=…|CONV=…|CSR=…|ADH=…|DEB=YYYYMMDD|FIN=YYYYMMDD|CARTE=…`. Labelled
 * fields separated by "|" so a reader can check what it got; no name, birth date or NIR (least data).
 */
export function dataMatrixText(f: HarmonisedFields): string {
  return [
    DATAMATRIX_VERSION,
    `AMC=${clean(f.amcNumber)}`,
    `CONV=${clean(f.conventionType)}`,
    `CSR=${clean(f.routingCriterion)}`,
    `ADH=${clean(f.memberNumber)}`,
    `DEB=${compactDate(f.validFrom)}`,
    `FIN=${compactDate(f.validTo)}`,
    `CARTE=${clean(f.cardNumber)}`,
  ].join('|')
}

/** Reads the text back into its fields; null when it is not a card DataMatrix of this format. */
export function parseDataMatrixText(text: string): Record<string, string> | null {
  const [version, ...parts] = text.split('|')
  if (version !== DATAMATRIX_VERSION)
    return null
  const fields = Object.fromEntries(parts.map(p => p.split('=') as [string, string]))
  for (const key of ['AMC', 'CONV', 'CSR', 'ADH', 'DEB', 'FIN', 'CARTE']) {
    if (!fields[key])
      return null
  }
  return fields
}

/** A PNG of the DataMatrix on white (a transparent background reads as black to many scanners). */
export function dataMatrixPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'datamatrix', text, scale: 6, paddingwidth: 2, paddingheight: 2, backgroundcolor: 'FFFFFF' })
}

/** The same DataMatrix as SVG markup, for the card drawn in the portal. */
export function dataMatrixSvg(text: string): string {
  return bwipjs.toSVG({ bcid: 'datamatrix', text, scale: 3, paddingwidth: 2, paddingheight: 2, backgroundcolor: 'FFFFFF' })
}
