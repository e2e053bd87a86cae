/** A beneficiary's rank as Social Security documents print it: 1 → "01", 12 → "12". */
export function formatRank(rank: number): string {
  return String(rank).padStart(2, '0')
}
