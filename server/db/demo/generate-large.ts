import type { Db } from '../client.ts'
import { eq } from 'drizzle-orm'
import { accountsTable } from '../schema/index.ts'
import { DEMO_ACCOUNTS } from './index.ts'

// Global reference rows: kept shared, not cloned. Everything else hanging off the member is.
const SHARED_ID_COLUMNS = new Set(['category_id', 'subject_id', 'file_id', 'actor_account_id', 'author_account_id', 'requested_by_account_id'])
const UNIQUE_TEXT_COLUMNS = new Set(['member_number', 'email', 'number', 'card_number', 'reference', 'token_hash', 'decompte_number'])

/** Which rows of each member-scoped table belong to the household being cloned. */
const HOUSEHOLD_ROWS: Record<string, string> = {
  members: 'id = :m',
  accounts: 'member_id = :m',
  beneficiaries: 'member_id = :m',
  contracts: 'member_id = :m',
  contract_beneficiaries: 'contract_id IN (SELECT id FROM contracts WHERE member_id = :m)',
  guarantees: 'contract_id IN (SELECT id FROM contracts WHERE member_id = :m)',
  bank_accounts: 'member_id = :m',
  beneficiary_bank_accounts: 'beneficiary_id IN (SELECT id FROM beneficiaries WHERE member_id = :m)',
  sepa_mandates: 'member_id = :m',
  contribution_instalments: 'contract_id IN (SELECT id FROM contracts WHERE member_id = :m)',
  insurance_cards: 'contract_id IN (SELECT id FROM contracts WHERE member_id = :m)',
  card_rights: 'card_id IN (SELECT c.id FROM insurance_cards c JOIN contracts k ON k.id = c.contract_id WHERE k.member_id = :m)',
  procedures: 'member_id = :m',
  procedure_events: 'procedure_id IN (SELECT id FROM procedures WHERE member_id = :m)',
  reimbursements: 'member_id = :m',
  reimbursement_shares: 'reimbursement_id IN (SELECT id FROM reimbursements WHERE member_id = :m)',
  documents: 'member_id = :m',
  message_threads: 'member_id = :m',
  messages: 'thread_id IN (SELECT id FROM message_threads WHERE member_id = :m)',
}

/**
 * Multiplies Benoit's household `copies` times, in SQL, for benchmarks: every id and unique value
 * gets a `-<n>` suffix, so foreign keys stay consistent. Clone n signs in as benoit+n@example.org
 * with Benoit's password.
 */
export function cloneDemoHousehold(db: Db, copies: number): void {
  const sqlite = db.$client
  const benoit = db.select().from(accountsTable).where(eq(accountsTable.email, DEMO_ACCOUNTS.benoit.email)).get()
  if (!benoit?.memberId)
    throw new Error('load the demo data first')
  const statements = Object.entries(HOUSEHOLD_ROWS).map(([table, where]) => {
    const columns = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(c => c.name)
    const select = columns.map((c) => {
      if (c === 'email')
        return `replace(email, '@', '+' || :n || '@')`
      if ((c === 'id' || c.endsWith('_id')) && !SHARED_ID_COLUMNS.has(c))
        return `CASE WHEN ${c} IS NULL THEN NULL ELSE ${c} || '-' || :n END`
      if (UNIQUE_TEXT_COLUMNS.has(c))
        return `${c} || '-' || :n`
      return c
    })
    return sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select.join(', ')} FROM ${table} WHERE ${where.replaceAll(':m', '@m')}`)
  })
  const cloneAll = sqlite.transaction((n: number) => {
    for (const s of statements) s.run({ n: String(n), m: benoit.memberId })
  })
  for (let n = 1; n <= copies; n++) cloneAll(n)
  sqlite.exec('ANALYZE')
}
