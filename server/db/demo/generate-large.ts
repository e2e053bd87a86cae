import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type Database from 'better-sqlite3'
import type { Db } from '../client.ts'
import type { EncodedBatch, LargeDataInput, LargeTable } from './large-households.ts'
import { Worker } from 'node:worker_threads'
import { getTableName } from 'drizzle-orm'
import { BATCH, buildBatch, FIRST_REFERENCE, insertColumns, LARGE_TABLES, numberProcedures } from './large-households.ts'

export { GENERATED_PASSWORD, generatedEmail } from './large-households.ts'
export type { LargeDataInput } from './large-households.ts'

export interface LargeDataResult {
  households: number
  reimbursements: number
  /** Seconds spent building rows (in the worker thread, alongside the writing, by default). */
  buildSeconds: number
  /** Seconds this thread spent writing, the indexes and statistics included. */
  insertSeconds: number
  /** Of insertSeconds, the indexes built at the end and ANALYZE. */
  indexSeconds: number
  /** Seconds this thread waited for the worker's next batch. */
  waitSeconds: number
}

/**
 * Adds `households` generated households (large-households.ts) to a database that holds the demo
 * data (for the advisor, the messaging subjects and the shared content), in one transaction. A
 * worker thread builds the next batches of households while this thread writes the previous ones:
 * the same rows as built here with `inWorker: false` (generate-large.test.ts compares them).
 */
export async function generateLargeData(db: Db, input: LargeDataInput, options: { inWorker?: boolean } = {}): Promise<LargeDataResult> {
  const sqlite = db.$client
  const insert = batchInserter(sqlite)
  const finish = prepareForBulkWrite(sqlite)
  let reimbursements = 0
  let building = 0
  let inserting = 0
  let waiting = 0
  let reference = FIRST_REFERENCE
  let t0 = performance.now()
  sqlite.exec('BEGIN')
  for await (const batch of (options.inWorker ?? true) ? builtInWorker(input) : builtHere(input)) {
    const t1 = performance.now()
    waiting += t1 - t0
    building += batch.buildMs
    reference = numberProcedures(batch, reference)
    insert(batch)
    reimbursements += batch.reimbursements
    t0 = performance.now()
    inserting += t0 - t1
  }
  if (!(options.inWorker ?? true))
    waiting = 0
  const t2 = performance.now()
  sqlite.exec('COMMIT')
  const t3 = performance.now()
  finish()
  const t4 = performance.now()
  inserting += t4 - t2
  return { households: input.households, reimbursements, buildSeconds: building / 1000, insertSeconds: inserting / 1000, indexSeconds: (t4 - t3) / 1000, waitSeconds: waiting / 1000 }
}

function batchRanges(households: number): { first: number, last: number }[] {
  const ranges = []
  for (let first = 1; first <= households; first += BATCH)
    ranges.push({ first, last: Math.min(households, first + BATCH - 1) })
  return ranges
}

function* builtHere(input: LargeDataInput): Generator<EncodedBatch> {
  for (const { first, last } of batchRanges(input.households))
    yield buildBatch(input, first, last)
}

/**
 * Batches requested ahead of the one being written: enough to keep the worker busy, few in memory.
 * One worker: with two (every other batch each), three threads shared the two cores and the whole
 * took longer (64.6 s against 59.7 s for 20,000 households).
 */
const AHEAD = 2

async function* builtInWorker(input: LargeDataInput): AsyncGenerator<EncodedBatch> {
  const worker = startWorker(input)
  const ranges = batchRanges(input.households)
  const received: EncodedBatch[] = []
  let failure: Error | null = null
  let wake = () => {}
  worker.on('message', (batch: EncodedBatch) => {
    received.push(batch)
    wake()
  })
  worker.on('error', (error) => {
    failure = error
    wake()
  })
  worker.on('exit', (code) => {
    failure ??= new Error(`the generator's worker stopped (exit code ${code})`)
    wake()
  })
  let requested = 0
  const request = () => {
    if (requested < ranges.length)
      worker.postMessage(ranges[requested++])
  }
  try {
    for (let i = 0; i < AHEAD; i++) request()
    for (let i = 0; i < ranges.length; i++) {
      while (!received.length) {
        if (failure)
          throw failure
        await new Promise<void>((resolve) => {
          wake = resolve
        })
      }
      request()
      yield received.shift()!
    }
  }
  finally {
    worker.removeAllListeners('exit')
    await worker.terminate()
  }
}

/**
 * The worker runs the compiled module next to this one; from the TypeScript sources (tsx, vitest)
 * it registers tsx itself first, since Node 20 hands no loader registered with --import to workers.
 */
function startWorker(input: LargeDataInput): Worker {
  const here = import.meta.url
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./large-households.worker.js', here), { workerData: input })
  const tsx = import.meta.resolve('tsx/esm/api')
  const entry = new URL('./large-households.worker.ts', here).href
  return new Worker(`import(${JSON.stringify(tsx)}).then(tsx => { tsx.register(); return import(${JSON.stringify(entry)}) })`, { eval: true, workerData: input })
}

/**
 * Generated data can be generated again: no journal, sync nor foreign-key lookups while it is
 * written (its integrity is checked by generate-large.test.ts), secondary indexes built once at
 * the end, sorted, rather than row by row in random order, reading the file mapped in memory
 * (building the indexes a third faster). The returned function puts indexes, statistics, WAL and
 * the checks back.
 */
function prepareForBulkWrite(sqlite: Database.Database): () => void {
  const tables = Object.values(LARGE_TABLES).map(table => getTableName(table))
  const indexes = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`).all(...tables) as { name: string, sql: string }[]
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  const mmapSize = sqlite.pragma('mmap_size', { simple: true }) as number
  sqlite.pragma('cache_size = -262144')
  sqlite.pragma('mmap_size = 2147418112')
  sqlite.pragma('journal_mode = OFF')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('foreign_keys = OFF')
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`)
  return () => {
    sqlite.transaction(() => {
      for (const index of indexes) sqlite.exec(index.sql)
    })()
    sqlite.exec('ANALYZE')
    sqlite.pragma(`cache_size = ${cacheSize}`)
    sqlite.pragma(`mmap_size = ${mmapSize}`)
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('journal_mode = WAL')
  }
}

/** Writes an encoded batch: prepared INSERTs bound to its values, nothing else. */
function batchInserter(sqlite: Database.Database): (batch: EncodedBatch) => void {
  const inserts = Object.entries(LARGE_TABLES).map(([name, table]) => ({ name: name as LargeTable, insert: tableInserter(sqlite, table) }))
  return (batch) => {
    for (const { name, insert } of inserts) insert(batch.tables[name])
  }
}

/** One row per statement: INSERTs of 50 rows each measured a third slower here. */
function tableInserter(sqlite: Database.Database, table: SQLiteTable): (values: unknown[]) => void {
  const columns = insertColumns(table)
  const width = columns.length
  const statement = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${columns.map(c => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
  return (values) => {
    for (let i = 0; i < values.length; i += width)
      statement.run(values.slice(i, i + width))
  }
}
