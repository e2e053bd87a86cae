import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../core/clock.ts'
import { testClock } from '../../test/harness.ts'
import { openDatabase } from '../client.ts'
import type { Db } from '../client.ts'
import { getTableName } from 'drizzle-orm'
import { generateLargeData } from './generate-large.ts'
import { loadDemoData } from './index.ts'
import { LARGE_TABLES } from './large-households.ts'
import { demoId } from './random.ts'

// the benchmark's data: varied households whose amounts add up as the portal's own do
describe('the generated households of the benchmark', () => {
  const dirs: string[] = []
  let db: Db
  const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n
  // 300 households: two batches of households, the second one short
  const generate = async (inWorker: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'generated-'))
    dirs.push(dir)
    const generated = openDatabase(dir)
    const clock = testClock()
    await loadDemoData(generated, clock)
    await generateLargeData(generated, { households: 300, today: today(clock), advisorAccountId: demoId('advisor', 'account'), passwordHash: 'not-a-real-hash' }, { inWorker })
    return generated
  }
  beforeAll(async () => {
    db = await generate(true)
  })
  afterAll(() => {
    db.$client.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('makes households of one to six people, one or two contracts, a year of care each', () => {
    const sizes = db.$client.prepare(`SELECT count(*) AS n FROM beneficiaries b JOIN accounts a ON a.member_id = b.member_id WHERE a.email LIKE 'adherent.%' GROUP BY b.member_id`).all() as { n: number }[]
    expect(sizes).toHaveLength(300)
    expect(Math.min(...sizes.map(s => s.n))).toBeGreaterThanOrEqual(1)
    expect(Math.max(...sizes.map(s => s.n))).toBeLessThanOrEqual(6)
    expect(new Set(sizes.map(s => s.n)).size).toBeGreaterThan(2)
    expect(count(`SELECT count(*) AS n FROM (SELECT member_id FROM contracts GROUP BY member_id HAVING count(*) = 2)`)).toBeGreaterThan(0)
    expect(count(`SELECT count(*) AS n FROM reimbursements`)).toBeGreaterThan(300 * 10)
  })

  it('splits every paid care between its contracts as the engine does: shares add up to the mutuelle\'s part', () => {
    expect(count(`SELECT count(*) AS n FROM reimbursements r WHERE r.guarantee_id IS NOT NULL AND r.mutuelle_cents <> (SELECT coalesce(sum(amount_cents), -1) FROM reimbursement_shares s WHERE s.reimbursement_id = r.id)`)).toBe(0)
    expect(count(`SELECT count(*) AS n FROM reimbursements WHERE expense_cents <> social_security_cents + mutuelle_cents + out_of_pocket_cents`)).toBe(0)
    expect(db.$client.pragma('foreign_key_check')).toEqual([])
  })

  it('builds the same rows, in the same order, in its worker thread as without it', async () => {
    const here = await generate(false)
    // every row with its rowid, but the demo's password hashes (salted afresh each time)
    const digests = (d: Db) => Object.fromEntries(Object.values(LARGE_TABLES).map((table) => {
      const name = getTableName(table)
      const hash = createHash('sha256')
      for (const row of d.$client.prepare(`SELECT rowid, * FROM "${name}" ${name === 'accounts' ? `WHERE email LIKE 'adherent.%'` : ''} ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row))
      return [name, hash.digest('hex')]
    }))
    try {
      expect(digests(here)).toEqual(digests(db))
      expect(count(`SELECT count(*) AS n FROM procedures WHERE reference LIKE 'DEM-%-0300000'`)).toBe(1)
    }
    finally {
      here.$client.close()
    }
  })

  it('hands the database back as the portal runs it: WAL, synced, foreign keys enforced', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(1)
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
  })
})
