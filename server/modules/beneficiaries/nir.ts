/**
 * The French Social Security number (NIR, « numéro de sécurité sociale »): 13 characters —
 * sex (1, 2, or 3/4/7/8 for provisional numbers), year and month of birth, department (2A/2B for
 * Corsica), commune, order — and a 2-digit key, 97 − (n mod 97), Corsica counting as 19 (2A) and 18 (2B).
 */
const NIR_PATTERN = /^[1-478]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2A|2B)\d{6}\d{2}$/

/** The NIR without spaces, dots or dashes, upper-case, or null when it is not one (format or key). */
export function normaliseNir(raw: string): string | null {
  const nir = raw.replace(/[\s.-]/g, '').toUpperCase()
  if (!NIR_PATTERN.test(nir))
    return null
  const body = nir.slice(0, 13).replace('2A', '19').replace('2B', '18')
  const key = 97n - (BigInt(body) % 97n)
  return key === BigInt(nir.slice(13)) ? nir : null
}
