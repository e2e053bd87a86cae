import type { Queryable } from './client.ts'

const caches = new WeakMap<object, Map<string, unknown>>()

/**
 * A statement prepared once per database handle and reused: drizzle builds the SQL and SQLite
 * compiles it on the first call only. `key` names the statement's shape (which filters are
 * present), never its values: values go through `sql.placeholder`. A transaction handle gets its
 * own cache, dropped with it.
 */
export function prepared<T>(db: Queryable, key: string, build: () => T): T {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(key) as T | undefined
  if (statement === undefined) {
    statement = build()
    cache.set(key, statement)
  }
  return statement
}
