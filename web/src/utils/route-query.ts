import type { LocationQuery } from 'vue-router'

/** A text query parameter (the first one when repeated), or null. */
export function queryWord(query: LocationQuery, name: string): string | null {
  const raw = query[name]
  const value = Array.isArray(raw) ? raw[0] : raw
  return typeof value === 'string' && value ? value : null
}
