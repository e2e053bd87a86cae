import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { today } from '../../core/clock.ts'
import { testClock } from '../../test/harness.ts'
import { openDatabase } from '../client.ts'
import type { Db } from '../client.ts'
import { generateLargeData } from './generate-large.ts'
import { loadDemoData } from './index.ts'
import { demoId } from './random.ts'

// the benchmark's data: varied households whose amounts add up as the portal's own do
describe('the generated households of the benchmark', () => {
  let dir: string
  let db: Db
  const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'generated-'))
    db = openDatabase(dir)
    const clock = testClock()
    await loadDemoData(db, clock)
    generateLargeData(db, { households: 40, today: today(clock), advisorAccountId: demoId('advisor', 'account'), passwordHash: 'not-a-real-hash' })
  })
  afterAll(() => {
    db.$client.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('makes households of one to six people, one or two contracts, a year of care each', () => {
    const sizes = db.$client.prepare(`SELECT count(*) AS n FROM beneficiaries b JOIN accounts a ON a.member_id = b.member_id WHERE a.email LIKE 'adherent.%' GROUP BY b.member_id`).all() as { n: number }[]
    expect(sizes).toHaveLength(40)
    expect(Math.min(...sizes.map(s => s.n))).toBeGreaterThanOrEqual(1)
    expect(Math.max(...sizes.map(s => s.n))).toBeLessThanOrEqual(6)
    expect(new Set(sizes.map(s => s.n)).size).toBeGreaterThan(2)
    expect(count(`SELECT count(*) AS n FROM (SELECT member_id FROM contracts GROUP BY member_id HAVING count(*) = 2)`)).toBeGreaterThan(0)
    expect(count(`SELECT count(*) AS n FROM reimbursements`)).toBeGreaterThan(40 * 10)
  })

  it('splits every paid care between its contracts as the engine does: shares add up to the mutuelle\'s part', () => {
    expect(count(`SELECT count(*) AS n FROM reimbursements r WHERE r.guarantee_id IS NOT NULL AND r.mutuelle_cents <> (SELECT coalesce(sum(amount_cents), -1) FROM reimbursement_shares s WHERE s.reimbursement_id = r.id)`)).toBe(0)
    expect(count(`SELECT count(*) AS n FROM reimbursements WHERE expense_cents <> social_security_cents + mutuelle_cents + out_of_pocket_cents`)).toBe(0)
    expect(db.$client.pragma('foreign_key_check')).toEqual([])
  })

  it('hands the database back as the portal runs it: WAL, synced, foreign keys enforced', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(1)
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
  })
})
