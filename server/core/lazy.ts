/**
 * A value computed on first use, then kept: behind a getter, what a query does not ask for (a
 * count, totals, the card's beneficiaries on the home page) costs no SQL.
 */
export function lazy<T>(compute: () => T): () => T {
  let computed = false
  let value: T
  return () => {
    if (!computed) {
      value = compute()
      computed = true
    }
    return value
  }
}
