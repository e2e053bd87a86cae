import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { projectRoot } from '../core/paths.ts'
import * as schema from './schema/index.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface OpenOptions {
  /** Sees every SQL statement drizzle runs: tests count them to catch N+1 queries. */
  onQuery?: (sql: string) => void
}

/** Opens (creating if needed) the SQLite file of DATA_DIR and brings it to the latest migration. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true })
  const sqlite = new Database(join(dataDir, 'espace-adherent.sqlite'))
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  // WAL makes NORMAL durable across application crashes; only power loss can drop the last commits.
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  const onQuery = options.onQuery
  const db = drizzle(sqlite, { schema, logger: onQuery ? { logQuery: sql => onQuery(sql) } : false })
  migrate(db, { migrationsFolder: join(projectRoot, 'drizzle') })
  return db
}

/** A transaction handle; services take `Queryable` so they can run inside or outside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type Queryable = Db | Tx
