import type { MemberRow } from '../../core/loaders.ts'
import type { Address } from './member.type.ts'

/** Social Security numbers are health-adjacent identifiers: only the sex digit, the last three digits of the birth order number and the two-digit key show. */
export function maskNir(nir: string): string {
  const digits = nir.replace(/\s/g, '')
  return `${digits.slice(0, 1)} ** ** ** *** ${digits.slice(-5, -2)} ${digits.slice(-2)}`
}

export function addressOf(row: MemberRow): Address {
  return { line1: row.addressLine1, line2: row.addressLine2, postalCode: row.postalCode, city: row.city, country: row.country }
}
