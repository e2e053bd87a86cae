import type { CareType } from '../../db/schema/index.ts'

/** The card domain a professional bills a care type under; médecines douces have none. */
export const CARE_TYPE_DOMAINS: Record<CareType, string | null> = {
  CONSULTATION: 'MED',
  PHARMACY: 'PHAR',
  LABORATORY: 'LABO',
  RADIOLOGY: 'RADL',
  HOSPITAL: 'HOSP',
  DENTAL: 'DENT',
  OPTICS: 'OPTI',
  AUDIOLOGY: 'AUDI',
  PARAMEDICAL: 'AUXM',
  ALTERNATIVE_MEDICINE: null,
}
