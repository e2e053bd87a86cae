import { createHash, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { maskIban } from '../modules/bank-accounts/mask-iban.ts'
import { guaranteeExample, guaranteeSummary, hundredPercentSanteExample } from '../modules/contracts/guarantee-example.ts'
import { CARE_TYPE_DOMAINS } from '../modules/coverage/care-domains.ts'

/**
 * The floor `npm run bench` compares the portal with: node:http, better-sqlite3 and statements
 * prepared once, answering the benchmarked GraphQL requests with the same bytes as the API
 * (session lookup by cookie and JSON body parsing included, no GraphQL engine). Not a product:
 * it knows only the exact queries the benchmark sends. DATA_DIR and PORT as for the portal. The
 * pure domain functions (guarantee examples, IBAN masking, card domains) are the portal's own:
 * what is measured is the plumbing around them. Writes what the portal writes on these requests
 * (a partner's audit line and call counter, an advisor's queue listing once per window).
 */

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' })
const instant = (iso: string | null) => iso === null ? null : new Date(iso).toISOString()

const db = new Database(join(process.env.DATA_DIR!, 'espace-adherent.sqlite'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.pragma('busy_timeout = 5000')

const session = db.prepare(`SELECT s.expires_at, s.last_seen_at, a.id AS account_id, a.role, a.member_id FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ? AND s.revoked_at IS NULL`)
const IDLE_TIMEOUT_MS = 15 * 60_000

interface Viewer { role: string, accountId: string, memberId: string | null, partner?: { tokenId: string, name: string } }

const partnerToken = db.prepare(`SELECT id, name, revoked_at, expires_at FROM partner_tokens WHERE token_hash = ?`)
const partnerCall = db.prepare(`INSERT INTO partner_token_usage (token_id, day, calls, last_call_at) VALUES (?, ?, 1, ?) ON CONFLICT (token_id, day) DO UPDATE SET calls = calls + 1, last_call_at = excluded.last_call_at`)

function viewerOf(headers: { cookie?: string, authorization?: string }): Viewer | null {
  const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
  if (headers.authorization?.startsWith('Bearer ')) {
    const row = partnerToken.get(sha256(headers.authorization.slice(7).trim())) as { id: string, name: string, revoked_at: string | null, expires_at: string | null } | undefined
    if (!row || row.revoked_at || (row.expires_at && Date.now() >= Date.parse(row.expires_at)))
      return null
    const now = new Date()
    partnerCall.run(row.id, parisDay.format(now), now.toISOString())
    return { role: 'PARTNER', accountId: row.id, memberId: null, partner: { tokenId: row.id, name: row.name } }
  }
  const match = /(?:^|;\s*)sid=([^;]+)/.exec(headers.cookie ?? '')
  if (!match)
    return null
  const row = session.get(sha256(decodeURIComponent(match[1]!))) as { expires_at: string, last_seen_at: string, account_id: string, role: string, member_id: string | null } | undefined
  const now = Date.now()
  if (!row || now >= Date.parse(row.expires_at) || now - Date.parse(row.last_seen_at) >= IDLE_TIMEOUT_MS)
    return null
  return { role: row.role, accountId: row.account_id, memberId: row.member_id }
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
        mutuelleCents: r.mutuelle_cents,
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
  missing: db.prepare(`SELECT id, kind, status, submitted_at, care_type, care_date, beneficiary_id FROM procedures WHERE member_id = ? AND status = 'MISSING_DOCUMENTS' ORDER BY submitted_at DESC, id DESC LIMIT 3`),
  missingCount: db.prepare(`SELECT count(*) AS n FROM procedures WHERE member_id = ? AND status = 'MISSING_DOCUMENTS'`),
  news: db.prepare(`SELECT id, kind, title, summary FROM news_items ORDER BY published_at DESC, id DESC LIMIT 10`),
  journeys: db.prepare(`SELECT id, status FROM commercial_journeys WHERE member_id = ? ORDER BY status = 'IN_PROGRESS' DESC, updated_at DESC, id DESC`),
}

/** The SPA's HomeDashboard query. */
function homeDashboard(memberId: string): unknown {
  const member = home.member.get(memberId) as { id: string, first_name: string }
  const contract = home.contract.get(memberId) as { id: string, product_label: string, option_label: string }
  const card = home.card.get(contract.id, parisDay.format(new Date())) as { id: string, card_number: string, valid_from: string, valid_to: string }
  const names = new Map((beneficiaries.all(memberId) as { id: string, first_name: string }[]).map(b => [b.id, b.first_name]))
  const person = (id: string | null) => id ? { id, firstName: names.get(id) } : null
  type HomeProcedure = { id: string, kind: string, status: string, submitted_at: string, care_type: string | null, care_date: string | null, beneficiary_id: string | null }
  const homeProcedure = (p: HomeProcedure) => ({ id: p.id, kind: p.kind, status: p.status, submittedAt: new Date(p.submitted_at).toISOString(), careType: p.care_type, careDate: p.care_date, beneficiary: person(p.beneficiary_id) })
  const reimbursements = page.all.all(memberId, 3) as Row[]
  return {
    me: { id: member.id, firstName: member.first_name },
    insuranceCard: { id: card.id, cardNumber: card.card_number, validFrom: card.valid_from, validTo: card.valid_to, contract: { id: contract.id, label: contract.product_label, option: contract.option_label } },
    commercialJourneys: home.journeys.all(memberId),
    procedures: { nodes: (home.procedures.all(memberId) as HomeProcedure[]).map(homeProcedure) },
    missingDocuments: { totalCount: (home.missingCount.get(memberId) as { n: number }).n, nodes: (home.missing.all(memberId) as HomeProcedure[]).map(homeProcedure) },
    reimbursements: { nodes: reimbursements.map(r => ({ id: r.id, careType: r.care_type, paymentDate: r.payment_date, reimbursedCents: r.social_security_cents + r.mutuelle_cents, beneficiary: person(r.beneficiary_id) })) },
    news: { nodes: home.news.all() },
  }
}

const contracts = {
  all: db.prepare(`SELECT id, product_label, option_label, number, main, responsible FROM contracts WHERE member_id = ? ORDER BY main DESC, start_date ASC`),
  amendments: db.prepare(`SELECT option_label FROM contract_amendments WHERE contract_id = ? AND effective_date <= ? ORDER BY effective_date DESC LIMIT 1`),
  guarantees: db.prepare(`SELECT id, care_type, label, brss_percent, yearly_forfait_cents, per_act_ceiling_cents, hundred_percent_sante FROM guarantees WHERE contract_id = ? AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?) ORDER BY sort_order`),
  covered: db.prepare(`SELECT b.id, b.first_name FROM contract_beneficiaries cb JOIN beneficiaries b ON b.id = cb.beneficiary_id WHERE cb.contract_id = ? ORDER BY b.rank`),
  usage: db.prepare(`SELECT r.beneficiary_id, sh.guarantee_id, sum(sh.forfait_used_cents) AS used FROM reimbursement_shares sh JOIN reimbursements r ON r.id = sh.reimbursement_id WHERE sh.contract_id = ? AND r.care_date >= ? AND r.care_date <= ? GROUP BY r.beneficiary_id, sh.guarantee_id`),
}
interface ContractRow { id: string, product_label: string, option_label: string, number: string, main: number, responsible: number }
interface GuaranteeRow { id: string, care_type: string, label: string, brss_percent: number | null, yearly_forfait_cents: number | null, per_act_ceiling_cents: number | null, hundred_percent_sante: number }

/** The SPA's ContractGuarantees query, for the main contract. */
function contractGuarantees(viewer: Viewer): unknown {
  const day = parisDay.format(new Date())
  const year = Number(day.slice(0, 4))
  const rows = contracts.all.all(viewer.memberId) as ContractRow[]
  const tab = (c: ContractRow) => ({ id: c.id, label: c.product_label, option: (contracts.amendments.get(c.id, day) as { option_label: string } | undefined)?.option_label ?? c.option_label, number: c.number, main: c.main === 1 })
  const main = rows[0]!
  const guarantees = (contracts.guarantees.all(main.id, day, day) as GuaranteeRow[]).map((g) => {
    const rule = { careType: g.care_type as never, label: g.label, brssPercent: g.brss_percent, yearlyForfaitCents: g.yearly_forfait_cents, perActCeilingCents: g.per_act_ceiling_cents, hundredPercentSante: g.hundred_percent_sante === 1 }
    const e = guaranteeExample(rule)
    const h = hundredPercentSanteExample(rule)
    return {
      id: g.id,
      careType: g.care_type,
      label: g.label,
      summary: guaranteeSummary(rule),
      brssPercent: g.brss_percent,
      yearlyForfaitCents: g.yearly_forfait_cents,
      perActCeilingCents: g.per_act_ceiling_cents,
      hundredPercentSante: rule.hundredPercentSante,
      example: { description: e.description, expenseCents: e.expenseCents, socialSecurityBaseCents: e.socialSecurityBaseCents, socialSecurityCents: e.socialSecurityCents, mutuelleCents: e.mutuelleCents, outOfPocketCents: e.outOfPocketCents, explanation: e.explanation },
      hundredPercentSanteExample: h && { description: h.description, expenseCents: h.expenseCents, socialSecurityCents: h.socialSecurityCents, mutuelleCents: h.mutuelleCents, outOfPocketCents: h.outOfPocketCents },
    }
  })
  const used = new Map((contracts.usage.all(main.id, `${year}-01-01`, `${year}-12-31`) as { beneficiary_id: string, guarantee_id: string, used: number | null }[]).map(u => [`${u.beneficiary_id}|${u.guarantee_id}`, u.used ?? 0]))
  const forfaitCounters = (contracts.covered.all(main.id) as { id: string, first_name: string }[]).flatMap(b => guarantees.filter(g => g.yearlyForfaitCents != null && g.yearlyForfaitCents > 0).map((g) => {
    const usedCents = used.get(`${b.id}|${g.id}`) ?? 0
    return { careType: g.careType, year, yearlyCents: g.yearlyForfaitCents!, usedCents, remainingCents: Math.max(0, g.yearlyForfaitCents! - usedCents), resetDate: `${year + 1}-01-01`, beneficiary: { id: b.id, firstName: b.first_name }, guarantee: { id: g.id, label: g.label } }
  }))
  return { contracts: rows.map(tab), contract: { ...tab(main), responsible: main.responsible === 1, guarantees, forfaitCounters } }
}

const procedures = {
  page: db.prepare(`SELECT * FROM procedures WHERE member_id = ? ORDER BY submitted_at DESC, id DESC LIMIT ?`),
  count: db.prepare(`SELECT count(*) AS n FROM procedures WHERE member_id = ?`),
  beneficiary: db.prepare(`SELECT first_name FROM beneficiaries WHERE id = ?`),
  events: db.prepare(`SELECT status, at, note FROM procedure_events WHERE procedure_id = ? ORDER BY at`),
  attachments: db.prepare(`SELECT f.id, f.name, f.mime_type, f.size_bytes FROM procedure_attachments pa JOIN files f ON f.id = pa.file_id WHERE pa.procedure_id = ? ORDER BY pa.added_at, f.created_at`),
  reimbursement: db.prepare(`SELECT id, mutuelle_cents, payment_date, payee FROM reimbursements WHERE procedure_id = ? ORDER BY payment_date LIMIT 1`),
  bankAccountChange: db.prepare(`SELECT iban, holder_name FROM bank_account_changes WHERE procedure_id = ?`),
}
interface ProcedureRow { id: string, member_id: string, kind: string, status: string, reference: string, submitted_at: string, estimated_decision_date: string | null, decided_at: string | null, decision_note: string | null, care_type: string | null, care_date: string | null, abroad: number, country: string | null, currency: string | null, amount_cents: number | null, amount_eur_cents: number | null, beneficiary_id: string | null, details: string | null }
const keysetCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url')

/** The SPA's ProcedureList query (Mes démarches), first page without filters. */
function procedureList(viewer: Viewer, v: { first?: number }): unknown {
  const first = v.first ?? 20
  const rows = procedures.page.all(viewer.memberId, first + 1) as ProcedureRow[]
  const shown = rows.slice(0, first)
  return {
    procedures: {
      totalCount: (procedures.count.get(viewer.memberId) as { n: number }).n,
      pageInfo: { hasNextPage: rows.length > first, endCursor: shown.length ? keysetCursor(shown.at(-1)!.submitted_at, shown.at(-1)!.id) : null },
      nodes: shown.map((p) => {
        const providerName = p.details ? (JSON.parse(p.details) as { providerName?: unknown }).providerName : undefined
        const change = p.kind === 'BANK_DETAILS_CHANGE' ? procedures.bankAccountChange.get(p.id) as { iban: string, holder_name: string } | undefined : undefined
        const paid = p.kind === 'REIMBURSEMENT' && p.status === 'ACCEPTED' ? procedures.reimbursement.get(p.id) as { id: string, mutuelle_cents: number, payment_date: string, payee: string } | undefined : undefined
        return {
          id: p.id,
          kind: p.kind,
          status: p.status,
          reference: p.reference,
          submittedAt: instant(p.submitted_at),
          estimatedDecisionDate: p.estimated_decision_date,
          decidedAt: instant(p.decided_at),
          decisionNote: p.decision_note,
          careType: p.care_type,
          careDate: p.care_date,
          abroad: p.abroad === 1,
          country: p.country,
          currency: p.currency,
          amountCents: p.amount_cents,
          amountEurCents: p.amount_eur_cents,
          providerName: typeof providerName === 'string' ? providerName : null,
          beneficiary: p.beneficiary_id ? { id: p.beneficiary_id, firstName: (procedures.beneficiary.get(p.beneficiary_id) as { first_name: string }).first_name } : null,
          history: (procedures.events.all(p.id) as { status: string, at: string, note: string | null }[]).map(e => ({ status: e.status, at: instant(e.at), note: e.note })),
          attachments: (procedures.attachments.all(p.id) as { id: string, name: string, mime_type: string, size_bytes: number }[]).map(f => ({ id: f.id, name: f.name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
          reimbursement: paid ? { id: paid.id, mutuelleCents: paid.mutuelle_cents, paymentDate: paid.payment_date, payee: paid.payee } : null,
          bankAccountChange: change ? { ibanMasked: maskIban(change.iban), holderName: change.holder_name } : null,
        }
      }),
    },
  }
}

const threads = {
  page: db.prepare(`SELECT id, status, unread_by_member, updated_at, category_id, subject_id FROM message_threads WHERE member_id = ? AND updated_at >= ? ORDER BY updated_at DESC, id DESC LIMIT ?`),
  count: db.prepare(`SELECT count(*) AS n FROM message_threads WHERE member_id = ? AND updated_at >= ?`),
  category: db.prepare(`SELECT id, label FROM message_categories WHERE id = ?`),
  subject: db.prepare(`SELECT id, label FROM message_subjects WHERE id = ?`),
}
/** Threads are kept a year after their last message (message.service.ts). */
function retentionCutoff(): string {
  const cutoff = new Date()
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - 1)
  return cutoff.toISOString()
}

/** The SPA's MessageThreads query (the messagerie's inbox), first page without filters. */
function messageThreads(viewer: Viewer, v: { first?: number }): unknown {
  const first = v.first ?? 20
  const cutoff = retentionCutoff()
  const rows = threads.page.all(viewer.memberId, cutoff, first + 1) as { id: string, status: string, unread_by_member: number, updated_at: string, category_id: string, subject_id: string }[]
  const shown = rows.slice(0, first)
  return {
    messageThreads: {
      totalCount: (threads.count.get(viewer.memberId, cutoff) as { n: number }).n,
      pageInfo: { hasNextPage: rows.length > first, endCursor: shown.length ? keysetCursor(shown.at(-1)!.updated_at, shown.at(-1)!.id) : null },
      nodes: shown.map(t => ({ id: t.id, status: t.status, unread: t.unread_by_member === 1, updatedAt: instant(t.updated_at), category: threads.category.get(t.category_id), subject: threads.subject.get(t.subject_id) })),
    },
  }
}

const queue = {
  procedures: db.prepare(`SELECT id, member_id, kind, status, reference, submitted_at, decided_at, estimated_decision_date, care_type, care_date, abroad, currency, amount_cents, amount_eur_cents, beneficiary_id FROM procedures WHERE status = 'SUBMITTED' ORDER BY submitted_at, id LIMIT ?`),
  procedureCount: db.prepare(`SELECT count(*) AS n FROM procedures WHERE status = 'SUBMITTED'`),
  threads: db.prepare(`SELECT id, member_id, status, updated_at, category_id, subject_id FROM message_threads WHERE status = 'OPEN' AND updated_at >= ? ORDER BY updated_at, id LIMIT ?`),
  threadCount: db.prepare(`SELECT count(*) AS n FROM message_threads WHERE status = 'OPEN' AND updated_at >= ?`),
  member: db.prepare(`SELECT member_number, first_name, last_name FROM members WHERE id = ?`),
  beneficiary: db.prepare(`SELECT id, first_name, last_name FROM beneficiaries WHERE id = ?`),
  recentListings: db.prepare(`SELECT member_id, details FROM audit_events WHERE actor_account_id = ? AND at >= ? AND action = 'ADVISOR_LIST_QUEUE'`),
  record: db.prepare(`INSERT INTO audit_events (id, at, action, actor_account_id, actor_role, member_id, outcome, ip, user_agent, details) VALUES (?, ?, 'ADVISOR_LIST_QUEUE', ?, 'ADVISOR', ?, 'SUCCESS', ?, ?, ?)`),
}
const DAY_MS = 86_400_000
const days = (from: string, to: string) => Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS))

/** The SPA's AdvisorQueue query, first page without filters: démarches and threads merged, oldest first. */
function advisorQueue(viewer: Viewer, v: { first?: number }, meta: { ip: string | null, userAgent: string | null }): unknown {
  const first = v.first ?? 20
  const now = new Date()
  const today = parisDay.format(now)
  const cutoff = retentionCutoff()
  const ps = queue.procedures.all(first + 1) as (ProcedureRow & { kind: string })[]
  const ts = queue.threads.all(cutoff, first + 1) as { id: string, member_id: string, status: string, updated_at: string, category_id: string, subject_id: string }[]
  const procedureEdges = ps.slice(0, first).map(p => ({ at: p.submitted_at, id: p.id, p, t: null }))
  const threadEdges = ts.slice(0, first).map(t => ({ at: t.updated_at, id: t.id, p: null, t }))
  const merged = [...procedureEdges, ...threadEdges].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
  const shown = merged.slice(0, first)
  // each member whose démarches are listed gets one access-log line per consultation window
  const references = new Map<string, string[]>()
  for (const { p } of shown) {
    if (p)
      references.set(p.member_id, [...(references.get(p.member_id) ?? []), p.reference])
  }
  if (references.size) {
    const since = new Date(now.getTime() - 15 * 60_000).toISOString()
    const seen = new Set((queue.recentListings.all(viewer.accountId, since) as { member_id: string, details: string }[]).map(e => `${e.member_id} ${JSON.stringify((JSON.parse(e.details) as { references?: unknown }).references)}`))
    for (const [memberId, refs] of references) {
      if (!seen.has(`${memberId} ${JSON.stringify(refs)}`))
        queue.record.run(randomUUID(), now.toISOString(), viewer.accountId, memberId, meta.ip, meta.userAgent, JSON.stringify({ references: refs }))
    }
  }
  const member = (id: string) => {
    const m = queue.member.get(id) as { member_number: string, first_name: string, last_name: string }
    return { memberNumber: m.member_number, firstName: m.first_name, lastName: m.last_name }
  }
  const last = shown.at(-1)
  return {
    advisorQueue: {
      totalCount: (queue.procedureCount.get() as { n: number }).n + (queue.threadCount.get(cutoff) as { n: number }).n,
      pageInfo: { hasNextPage: merged.length > first || ps.length > first || ts.length > first, endCursor: last ? keysetCursor(last.at, last.id) : null },
      nodes: shown.map(({ p, t }) => {
        if (p) {
          const b = p.beneficiary_id ? queue.beneficiary.get(p.beneficiary_id) as { id: string, first_name: string, last_name: string } : null
          return {
            id: p.id,
            waitingDays: days(parisDay.format(new Date(p.submitted_at)), p.decided_at ? parisDay.format(new Date(p.decided_at)) : today),
            overdue: p.status === 'SUBMITTED' && p.estimated_decision_date !== null && p.estimated_decision_date < today,
            member: member(p.member_id),
            procedure: { id: p.id, kind: p.kind, reference: p.reference, submittedAt: instant(p.submitted_at), careType: p.care_type, careDate: p.care_date, abroad: p.abroad === 1, currency: p.currency, amountCents: p.amount_cents, amountEurCents: p.amount_eur_cents, beneficiary: b && { id: b.id, firstName: b.first_name, lastName: b.last_name } },
          }
        }
        return {
          id: t!.id,
          waitingDays: t!.status === 'OPEN' ? days(parisDay.format(new Date(t!.updated_at)), today) : 0,
          member: member(t!.member_id),
          thread: { id: t!.id, updatedAt: instant(t!.updated_at), category: threads.category.get(t!.category_id), subject: threads.subject.get(t!.subject_id) },
        }
      }),
    },
  }
}

const coverage = {
  holder: db.prepare(`SELECT c.valid_from, c.valid_to, k.id AS contract_id, k.member_id, k.status, k.start_date, k.end_date, b.id AS beneficiary_id, b.coverage_start, b.coverage_end, r.domains FROM insurance_cards c JOIN contracts k ON k.id = c.contract_id JOIN card_rights r ON r.card_id = c.id JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE c.card_number = ? AND b.birth_date = ?`),
  link: db.prepare(`SELECT start_date, end_date FROM contract_beneficiaries WHERE contract_id = ? AND beneficiary_id = ?`),
  audit: db.prepare(`INSERT INTO audit_events (id, at, action, actor_account_id, actor_role, member_id, outcome, ip, user_agent, details) VALUES (?, ?, 'PARTNER_COVERAGE_CHECK', ?, 'PARTNER', ?, ?, ?, ?, ?)`),
}

/** A partner's CoverageCheck, as the benchmark asks it (`covered` only); audited like the portal's. */
function coverageCheck(viewer: Viewer, v: { cardNumber: string, birthDate: string, careType: keyof typeof CARE_TYPE_DOMAINS, date: string }, meta: { ip: string | null, userAgent: string | null }): unknown {
  const domain = CARE_TYPE_DOMAINS[v.careType]
  const h = coverage.holder.get(v.cardNumber.trim(), v.birthDate) as { valid_from: string, valid_to: string, contract_id: string, member_id: string, status: string, start_date: string, end_date: string | null, beneficiary_id: string, coverage_start: string, coverage_end: string | null, domains: string } | undefined
  let reason = 'NOT_FOUND'
  if (h) {
    const link = coverage.link.get(h.contract_id, h.beneficiary_id) as { start_date: string, end_date: string | null } | undefined
    const inForce = h.status === 'ACTIVE' && h.start_date <= v.date && (!h.end_date || v.date <= h.end_date)
    const covered = (start: string, end: string | null) => start <= v.date && (!end || v.date <= end)
    if (v.date < h.valid_from || v.date > h.valid_to)
      reason = 'OUTSIDE_VALIDITY'
    else if (!inForce || !link || !covered(h.coverage_start, h.coverage_end) || !covered(link.start_date, link.end_date))
      reason = 'NOT_COVERED_ON_DATE'
    else if (!domain || !(JSON.parse(h.domains) as string[]).includes(domain))
      reason = 'DOMAIN_NOT_COVERED'
    else
      reason = 'COVERED'
  }
  coverage.audit.run(randomUUID(), new Date().toISOString(), viewer.accountId, h?.member_id ?? null, reason === 'COVERED' ? 'SUCCESS' : 'FAILURE', meta.ip, meta.userAgent, JSON.stringify({ partner: viewer.partner!.name, careType: v.careType, date: v.date, reason }))
  return { coverageCheck: { covered: reason === 'COVERED' } }
}

type Operation = (viewer: Viewer, variables: any, meta: { ip: string | null, userAgent: string | null }) => unknown
/** Operations by name (the benchmark sends the SPA's documents, whose names are unique) and who may run them. */
const OPERATIONS: Record<string, { role: string, run: Operation }> = {
  ReimbursementList: { role: 'MEMBER', run: (viewer, v) => reimbursementList(viewer.memberId!, v) },
  HomeDashboard: { role: 'MEMBER', run: viewer => homeDashboard(viewer.memberId!) },
  ContractGuarantees: { role: 'MEMBER', run: contractGuarantees },
  ProcedureList: { role: 'MEMBER', run: procedureList },
  MessageThreads: { role: 'MEMBER', run: messageThreads },
  AdvisorQueue: { role: 'ADVISOR', run: advisorQueue },
  CoverageCheck: { role: 'PARTNER', run: coverageCheck },
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { query: string, variables?: Record<string, unknown> }
    const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? ''
    const operation = OPERATIONS[name]
    const viewer = viewerOf(req.headers)
    if (!operation || viewer?.role !== operation.role) {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end('{"errors":[{"message":"unknown to the reference"}]}')
      return
    }
    // Apollo ends its JSON with a newline
    const meta = { ip: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent']?.slice(0, 300) ?? null }
    const json = `${JSON.stringify({ data: operation.run(viewer, body.variables ?? {}, meta) })}\n`
    res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': Buffer.byteLength(json) })
    res.end(json)
  })
})
server.keepAliveTimeout = 60_000
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('listening'))
