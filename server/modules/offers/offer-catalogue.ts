import type { CareType } from '../../db/schema/index.ts'

/**
 * The options a member can move to, per product: the mutuelle's price list and guarantee tables.
 * Prices are monthly, per covered person, in euro cents: the household's price is what its
 * members cost on the start date. Reference data, like the Social Security rates of the engine.
 */

export interface GuaranteeSpec {
  careType: CareType
  label: string
  brssPercent: number | null
  yearlyForfaitCents?: number
  perActCeilingCents?: number
  hundredPercentSante?: boolean
}

export interface OfferOption {
  code: string
  label: string
  /** One line saying what the option adds, for the choice. */
  summary: string
  /** Member and spouse (or any adult beneficiary), per month. */
  adultMonthlyCents: number
  /** Each child covered, per month. */
  childMonthlyCents: number
  guarantees: GuaranteeSpec[]
}

const GSI_OPTION_A: GuaranteeSpec[] = [
  { careType: 'CONSULTATION', label: 'Consultations et visites de médecins généralistes et spécialistes', brssPercent: 150 },
  { careType: 'PHARMACY', label: 'Médicaments remboursés par la Sécurité sociale', brssPercent: 100 },
  { careType: 'LABORATORY', label: 'Analyses et examens de biologie médicale', brssPercent: 100 },
  { careType: 'RADIOLOGY', label: 'Radiologie et imagerie médicale', brssPercent: 150 },
  { careType: 'HOSPITAL', label: 'Hospitalisation\u00a0: frais de séjour et honoraires', brssPercent: 200 },
  { careType: 'DENTAL', label: 'Soins, prothèses et orthodontie dentaires (panier 100 % Santé inclus)', brssPercent: 300, hundredPercentSante: true },
  { careType: 'OPTICS', label: 'Optique\u00a0: 100 % Santé classe A, ou forfait annuel de 450 € (classe B)', brssPercent: 100, yearlyForfaitCents: 45000, hundredPercentSante: true },
  { careType: 'AUDIOLOGY', label: 'Aides auditives\u00a0: 100 % Santé classe I, ou forfait annuel de 600 € (classe II)', brssPercent: 100, yearlyForfaitCents: 60000, perActCeilingCents: 170000, hundredPercentSante: true },
  { careType: 'PARAMEDICAL', label: 'Auxiliaires médicaux (kinésithérapie, soins infirmiers, orthophonie)', brssPercent: 100 },
  { careType: 'ALTERNATIVE_MEDICINE', label: 'Médecines douces (ostéopathie, chiropraxie, acupuncture, sophrologie)\u00a0: 4 séances de 25 € par an', brssPercent: null, yearlyForfaitCents: 10000, perActCeilingCents: 2500 },
]

export const OFFER_CATALOGUE: Record<string, OfferOption[]> = {
  'Garanties sociale interministériel': [
    { code: 'A', label: 'Option A', summary: 'Les garanties essentielles, 100 % Santé inclus.', adultMonthlyCents: 5520, childMonthlyCents: 2400, guarantees: GSI_OPTION_A },
    {
      code: 'B',
      label: 'Option B',
      summary: 'Mieux remboursé pour l\'optique, le dentaire et les spécialistes.',
      adultMonthlyCents: 6480,
      childMonthlyCents: 2850,
      guarantees: [
        { careType: 'CONSULTATION', label: 'Consultations et visites de médecins généralistes et spécialistes', brssPercent: 200 },
        { careType: 'PHARMACY', label: 'Médicaments remboursés par la Sécurité sociale', brssPercent: 100 },
        { careType: 'LABORATORY', label: 'Analyses et examens de biologie médicale', brssPercent: 100 },
        { careType: 'RADIOLOGY', label: 'Radiologie et imagerie médicale', brssPercent: 200 },
        { careType: 'HOSPITAL', label: 'Hospitalisation\u00a0: frais de séjour et honoraires', brssPercent: 250 },
        { careType: 'DENTAL', label: 'Soins, prothèses et orthodontie dentaires (panier 100 % Santé inclus)', brssPercent: 400, hundredPercentSante: true },
        { careType: 'OPTICS', label: 'Optique\u00a0: 100 % Santé classe A, ou forfait annuel de 600 € (classe B)', brssPercent: 100, yearlyForfaitCents: 60000, hundredPercentSante: true },
        { careType: 'AUDIOLOGY', label: 'Aides auditives\u00a0: 100 % Santé classe I, ou forfait annuel de 800 € (classe II)', brssPercent: 100, yearlyForfaitCents: 80000, perActCeilingCents: 170000, hundredPercentSante: true },
        { careType: 'PARAMEDICAL', label: 'Auxiliaires médicaux (kinésithérapie, soins infirmiers, orthophonie)', brssPercent: 150 },
        { careType: 'ALTERNATIVE_MEDICINE', label: 'Médecines douces (ostéopathie, chiropraxie, acupuncture, sophrologie)\u00a0: 5 séances de 35 € par an', brssPercent: null, yearlyForfaitCents: 17500, perActCeilingCents: 3500 },
      ],
    },
    {
      code: 'C',
      label: 'Option C',
      summary: 'Le niveau le plus protecteur, hospitalisation et dentaire renforcés.',
      adultMonthlyCents: 7650,
      childMonthlyCents: 3300,
      guarantees: [
        { careType: 'CONSULTATION', label: 'Consultations et visites de médecins généralistes et spécialistes', brssPercent: 250 },
        { careType: 'PHARMACY', label: 'Médicaments remboursés par la Sécurité sociale', brssPercent: 100 },
        { careType: 'LABORATORY', label: 'Analyses et examens de biologie médicale', brssPercent: 150 },
        { careType: 'RADIOLOGY', label: 'Radiologie et imagerie médicale', brssPercent: 250 },
        { careType: 'HOSPITAL', label: 'Hospitalisation\u00a0: frais de séjour et honoraires', brssPercent: 300 },
        { careType: 'DENTAL', label: 'Soins, prothèses et orthodontie dentaires (panier 100 % Santé inclus)', brssPercent: 500, hundredPercentSante: true },
        { careType: 'OPTICS', label: 'Optique\u00a0: 100 % Santé classe A, ou forfait annuel de 750 € (classe B)', brssPercent: 100, yearlyForfaitCents: 75000, hundredPercentSante: true },
        { careType: 'AUDIOLOGY', label: 'Aides auditives\u00a0: 100 % Santé classe I, ou forfait annuel de 1 000 € (classe II)', brssPercent: 100, yearlyForfaitCents: 100000, perActCeilingCents: 170000, hundredPercentSante: true },
        { careType: 'PARAMEDICAL', label: 'Auxiliaires médicaux (kinésithérapie, soins infirmiers, orthophonie)', brssPercent: 200 },
        { careType: 'ALTERNATIVE_MEDICINE', label: 'Médecines douces (ostéopathie, chiropraxie, acupuncture, sophrologie)\u00a0: 6 séances de 40 € par an', brssPercent: null, yearlyForfaitCents: 24000, perActCeilingCents: 4000 },
      ],
    },
  ],
}

export function optionsOfProduct(productLabel: string): OfferOption[] {
  return OFFER_CATALOGUE[productLabel] ?? []
}

export function findOption(productLabel: string, code: string): OfferOption | null {
  return optionsOfProduct(productLabel).find(o => o.code === code) ?? null
}

export function optionByLabel(productLabel: string, label: string): OfferOption | null {
  return optionsOfProduct(productLabel).find(o => o.label === label) ?? null
}

/** The household's monthly price of an option: adults (member, spouse, others) and children covered. */
export function householdMonthlyCents(option: OfferOption, people: { relationship: string }[]): number {
  return people.reduce((total, p) => total + (p.relationship === 'CHILD' ? option.childMonthlyCents : option.adultMonthlyCents), 0)
}
