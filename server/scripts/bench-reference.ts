import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/**
 * The floor `npm run bench` compares the portal with: node:http, better-sqlite3 and statements
 * prepared once, answering the benchmarked GraphQL requests with the same bytes as the API
 * (session lookup by cookie and JSON body parsing included, no GraphQL engine). Not a product:
 * it knows only the exact queries the benchmark sends. DATA_DIR and PORT as for the portal.
 */

const db = new Database(join(process.env.DATA_DIR!, 'espace-adherent.sqlite'), { readonly: true })
db.pragma('busy_timeout = 5000')

const session = db.prepare(`SELECT s.expires_at, s.last_seen_at, a.role, a.member_id FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ? AND s.revoked_at IS NULL`)
const IDLE_TIMEOUT_MS = 15 * 60_000

function memberOf(cookieHeader: string | undefined): string | null {
  const match = /(?:^|;\s*)sid=([^;]+)/.exec(cookieHeader ?? '')
  if (!match)
    return null
  const row = session.get(createHash('sha256').update(decodeURIComponent(match[1]!)).digest('hex')) as { expires_at: string, last_seen_at: string, role: string, member_id: string | null } | undefined
  const now = Date.now()
  if (!row || row.role !== 'MEMBER' || now >= Date.parse(row.expires_at) || now - Date.parse(row.last_seen_at) >= IDLE_TIMEOUT_MS)
    return null
  return row.member_id
}

const totals = {
  all: db.prepare(`SELECT count(*) AS n, sum(expense_cents) AS e, sum(social_security_cents) AS s, sum(mutuelle_cents) AS m, sum(out_of_pocket_cents) AS o FROM reimbursements WHERE member_id = ?`),
  beneficiary: db.prepare(`SELECT count(*) AS n, sum(expense_cents) AS e, sum(social_security_cents) AS s, sum(mutuelle_cents) AS m, sum(out_of_pocket_cents) AS o FROM reimbursements WHERE member_id = ? AND beneficiary_id = ?`),
}
const COLUMNS = `id, care_type, care_label, care_date, payment_date, expense_cents, social_security_cents, mutuelle_cents, out_of_pocket_cents, payee, beneficiary_id`
const KEYSET = `AND payment_date <= ? AND (payment_date < ? OR (payment_date = ? AND id < ?))`
const page = {
  all: db.prepare(`SELECT ${COLUMNS} FROM reimbursements WHERE member_id = ? ORDER BY payment_date DESC, id DESC LIMIT ?`),
  allAfter: db.prepare(`SELECT ${COLUMNS} FROM reimbursements WHERE member_id = ? ${KEYSET} ORDER BY payment_date DESC, id DESC LIMIT ?`),
  beneficiary: db.prepare(`SELECT ${COLUMNS} FROM reimbursements WHERE member_id = ? AND beneficiary_id = ? ORDER BY payment_date DESC, id DESC LIMIT ?`),
  beneficiaryAfter: db.prepare(`SELECT ${COLUMNS} FROM reimbursements WHERE member_id = ? AND beneficiary_id = ? ${KEYSET} ORDER BY payment_date DESC, id DESC LIMIT ?`),
}
const beneficiaries = db.prepare(`SELECT id, first_name FROM beneficiaries WHERE member_id = ?`)

interface Row { id: string, care_type: string, care_label: string, care_date: string, payment_date: string, expense_cents: number, social_security_cents: number, mutuelle_cents: number, out_of_pocket_cents: number, payee: string, beneficiary_id: string }

const cursor = (row: Row) => Buffer.from(JSON.stringify([row.payment_date, row.id])).toString('base64url')

/** The SPA's ReimbursementList query. */
function reimbursementList(memberId: string, v: { beneficiaryId?: string | null, first?: number | null, after?: string | null }): unknown {
  const first = v.first ?? 20
  const agg = (v.beneficiaryId ? totals.beneficiary.get(memberId, v.beneficiaryId) : totals.all.get(memberId)) as { n: number, e: number | null, s: number | null, m: number | null, o: number | null }
  let rows: Row[]
  if (v.after) {
    const [date, id] = JSON.parse(Buffer.from(v.after, 'base64url').toString()) as [string, string]
    rows = (v.beneficiaryId ? page.beneficiaryAfter.all(memberId, v.beneficiaryId, date, date, date, id, first + 1) : page.allAfter.all(memberId, date, date, date, id, first + 1)) as Row[]
  }
  else {
    rows = (v.beneficiaryId ? page.beneficiary.all(memberId, v.beneficiaryId, first + 1) : page.all.all(memberId, first + 1)) as Row[]
  }
  const shown = rows.slice(0, first)
  const names = new Map((beneficiaries.all(memberId) as { id: string, first_name: string }[]).map(b => [b.id, b.first_name]))
  return {
    reimbursements: {
      totalCount: agg.n,
      pageInfo: { hasNextPage: rows.length > first, endCursor: shown.length ? cursor(shown.at(-1)!) : null },
      totals: { expenseCents: agg.e ?? 0, socialSecurityCents: agg.s ?? 0, mutuelleCents: agg.m ?? 0, outOfPocketCents: agg.o ?? 0 },
      nodes: shown.map(r => ({
        id: r.id,
        careType: r.care_type,
        careLabel: r.care_label,
        careDate: r.care_date,
        paymentDate: r.payment_date,
        expenseCents: r.expense_cents,
        reimbursedCents: r.social_security_cents + r.mutuelle_cents,
        outOfPocketCents: r.out_of_pocket_cents,
        payee: r.payee,
        beneficiary: { id: r.beneficiary_id, firstName: names.get(r.beneficiary_id) },
      })),
    },
  }
}

const home = {
  member: db.prepare(`SELECT id, first_name FROM members WHERE id = ?`),
  contract: db.prepare(`SELECT id, product_label, option_label FROM contracts WHERE member_id = ? ORDER BY main DESC, start_date ASC LIMIT 1`),
  card: db.prepare(`SELECT id, card_number, valid_from, valid_to FROM insurance_cards WHERE contract_id = ? AND valid_from <= ? ORDER BY valid_to DESC LIMIT 1`),
  procedures: db.prepare(`SELECT id, kind, status, submitted_at, care_type, care_date, beneficiary_id FROM procedures WHERE member_id = ? ORDER BY submitted_at DESC, id DESC LIMIT 2`),
  news: db.prepare(`SELECT id, kind, title, summary FROM news_items ORDER BY published_at DESC, id DESC LIMIT 10`),
}
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' })

/** The SPA's HomeDashboard query. */
function homeDashboard(memberId: string): unknown {
  const member = home.member.get(memberId) as { id: string, first_name: string }
  const contract = home.contract.get(memberId) as { id: string, product_label: string, option_label: string }
  const card = home.card.get(contract.id, parisDay.format(new Date())) as { id: string, card_number: string, valid_from: string, valid_to: string }
  const names = new Map((beneficiaries.all(memberId) as { id: string, first_name: string }[]).map(b => [b.id, b.first_name]))
  const person = (id: string | null) => id ? { id, firstName: names.get(id) } : null
  const procedures = home.procedures.all(memberId) as { id: string, kind: string, status: string, submitted_at: string, care_type: string | null, care_date: string | null, beneficiary_id: string | null }[]
  const reimbursements = page.all.all(memberId, 3) as Row[]
  return {
    me: { id: member.id, firstName: member.first_name },
    insuranceCard: { id: card.id, cardNumber: card.card_number, validFrom: card.valid_from, validTo: card.valid_to, contract: { id: contract.id, label: contract.product_label, option: contract.option_label } },
    procedures: { nodes: procedures.map(p => ({ id: p.id, kind: p.kind, status: p.status, submittedAt: new Date(p.submitted_at).toISOString(), careType: p.care_type, careDate: p.care_date, beneficiary: person(p.beneficiary_id) })) },
    reimbursements: { nodes: reimbursements.map(r => ({ id: r.id, careType: r.care_type, paymentDate: r.payment_date, reimbursedCents: r.social_security_cents + r.mutuelle_cents, beneficiary: person(r.beneficiary_id) })) },
    news: { nodes: home.news.all() },
  }
}

/** Operations by name: the benchmark sends the SPA's documents, whose operation names are unique. */
const OPERATIONS: Record<string, (memberId: string, variables: any) => unknown> = {
  ReimbursementList: reimbursementList,
  HomeDashboard: homeDashboard,
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { query: string, variables?: Record<string, unknown> }
    const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? ''
    const operation = OPERATIONS[name]
    const memberId = memberOf(req.headers.cookie)
    if (!operation || !memberId) {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end('{"errors":[{"message":"unknown to the reference"}]}')
      return
    }
    // Apollo ends its JSON with a newline
    const json = `${JSON.stringify({ data: operation(memberId, body.variables ?? {}) })}\n`
    res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': Buffer.byteLength(json) })
    res.end(json)
  })
})
server.keepAliveTimeout = 60_000
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'))
