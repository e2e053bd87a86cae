import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { CareType } from '../../gql/graphql'
import { isIsoDate } from '../../utils/calendar'

/** The care types in the order of the guarantee table, for the "Type de soin" filter. */
export const CARE_TYPES: CareType[] = ['CONSULTATION', 'PHARMACY', 'LABORATORY', 'RADIOLOGY', 'HOSPITAL', 'DENTAL', 'OPTICS', 'AUDIOLOGY', 'PARAMEDICAL', 'ALTERNATIVE_MEDICINE']

export interface ReimbursementFilters {
  beneficiaryId: string | null
  careType: CareType | null
  /** Payment dates, inclusive. */
  from: string | null
  to: string | null
}

function single(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first !== '' ? first : null
}

/**
 * The URL is the single source of truth of the filters (`?beneficiaire=…&soin=…&du=…&au=…`), so
 * a link can be shared and Back restores the list; unreadable values are ignored.
 */
export function filtersFromQuery(query: LocationQuery): ReimbursementFilters {
  const careType = single(query.soin)
  const from = single(query.du)
  const to = single(query.au)
  return {
    beneficiaryId: single(query.beneficiaire),
    careType: careType && (CARE_TYPES as string[]).includes(careType) ? careType as CareType : null,
    from: isIsoDate(from) ? from : null,
    to: isIsoDate(to) ? to : null,
  }
}

export function queryFromFilters(filters: ReimbursementFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filters.beneficiaryId) query.beneficiaire = filters.beneficiaryId
  if (filters.careType) query.soin = filters.careType
  if (filters.from) query.du = filters.from
  if (filters.to) query.au = filters.to
  return query
}

export function hasFilters(filters: ReimbursementFilters): boolean {
  return Object.values(filters).some(value => value !== null)
}

/** How many filters narrow the list, as the member set them: a period (from, to or both) is one. */
export function activeFilterCount(filters: ReimbursementFilters): number {
  return [filters.beneficiaryId, filters.careType, filters.from ?? filters.to].filter(value => value !== null).length
}

/** « Filtrer, 2 filtres actifs »: the « Filtrer (2) » button as a screen reader says it. */
export function filterButtonSpoken(count: number): string {
  if (count === 0) return ''
  return count === 1 ? ', 1 filtre actif' : `, ${count} filtres actifs`
}
