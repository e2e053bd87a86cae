import type { Db } from '../client.ts'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, fixedClock, today as todayOf } from '../../core/clock.ts'
import { verifyPassword } from '../../core/passwords.ts'
import { projectRoot } from '../../core/paths.ts'
import { hashToken } from '../../core/tokens.ts'
import { openDatabase } from '../client.ts'
import * as s from '../schema/index.ts'
import { ageOn, yearOf } from './calendar.ts'
import { isValidIban } from './identifiers.ts'
import { DEMO_ACCOUNTS, DEMO_PARTNER_TOKEN, isDatabaseEmpty, loadDemoData } from './index.ts'

const dirs: string[] = []

function emptyDatabase(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'espace-adherent-demo-'))
  dirs.push(dir)
  return openDatabase(dir)
}

afterAll(() => {
  for (const dir of dirs)
    rmSync(dir, { recursive: true, force: true })
})

/** Every row of every table, in insertion order; salted password hashes differ by design. */
function dump(db: Db): Record<string, unknown[]> {
  // the FAQ's full-text index (faq_search and its shadow tables) is derived from faq_entries
  const tables = db.$client.prepare('SELECT name FROM sqlite_master WHERE type = \'table\' AND name NOT LIKE \'sqlite_%\' AND name NOT LIKE \'__drizzle%\' AND name NOT LIKE \'faq_search%\' ORDER BY name').all() as { name: string }[]
  return Object.fromEntries(tables.map(({ name }) => {
    const rows = db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]
    return [name, rows.map(({ password_hash: _ignored, ...rest }) => rest)]
  }))
}

// a summer day like the seed's, a day before the seed's dental care date (dates move back a year), and a 2 January
const CLOCKS = ['2026-09-01T10:00:00Z', '2026-03-10T08:00:00Z', '2031-01-02T12:00:00Z']

describe.each(CLOCKS)('the demo data loaded on %s', (iso) => {
  const clock = fixedClock(iso)
  const today = todayOf(clock)
  const y = yearOf(today)
  let db: Db
  let benoitId: string
  let camilleId: string

  beforeAll(async () => {
    db = emptyDatabase()
    expect(isDatabaseEmpty(db)).toBe(true)
    await loadDemoData(db, clock)
    benoitId = db.select().from(s.membersTable).where(eq(s.membersTable.email, DEMO_ACCOUNTS.benoit.email)).get()!.id
    camilleId = db.select().from(s.membersTable).where(eq(s.membersTable.email, DEMO_ACCOUNTS.camille.email)).get()!.id
  })

  afterAll(() => db.$client.close())

  it('leaves the database no longer empty', () => {
    expect(isDatabaseEmpty(db)).toBe(false)
  })

  it('keeps every foreign key satisfied', () => {
    expect(db.$client.pragma('foreign_key_check')).toEqual([])
  })

  it('describes Benoit\'s household as the seed does', () => {
    const member = db.select().from(s.membersTable).where(eq(s.membersTable.id, benoitId)).get()!
    expect(member).toMatchObject({ memberNumber: '202897774', civility: 'M', firstName: 'Benoit' })
    expect(member.nir).toMatch(/^[12]\d{14}$/)
    expect(97 - Number(BigInt(member.nir.slice(0, 13)) % 97n)).toBe(Number(member.nir.slice(13)))
    const people = db.select().from(s.beneficiariesTable).where(eq(s.beneficiariesTable.memberId, benoitId)).orderBy(asc(s.beneficiariesTable.rank)).all()
    expect(people.map(p => [p.firstName, p.relationship, p.rank])).toEqual([
      ['Benoit', 'SELF', 1],
      ['Sarah', 'SPOUSE', 2],
      ['Louise', 'CHILD', 3],
      ['Hélia', 'CHILD', 4],
      ['Léa', 'CHILD', 5],
    ])
    expect(people.filter(p => p.firstName !== 'Léa').every(p => p.coverageStart === `${y - 4}-01-01`)).toBe(true)
    const lea = people.find(p => p.firstName === 'Léa')!
    expect(lea.coverageStart > `${y - 4}-01-01`).toBe(true)
    expect(ageOn(lea.birthDate, today)).toBeLessThan(18)
    expect(people.some(p => p.noemieStatus === 'HELD_BY_PREVIOUS_INSURER' || p.noemieStatus === 'INACTIVE')).toBe(true)
    expect(people.every(p => p.socialSecurityFund === 'CPAM de la Gironde')).toBe(true)
  })

  it('gives Benoit a main collective contract for the whole household and a second one for some of them', () => {
    const contracts = db.select().from(s.contractsTable).where(eq(s.contractsTable.memberId, benoitId)).all()
    expect(contracts).toHaveLength(2)
    const main = contracts.find(c => c.main)!
    expect(main).toMatchObject({ productLabel: 'Garanties sociale interministériel', optionLabel: 'Option A', responsible: true, collective: true, status: 'ACTIVE' })
    expect(main.employerParticipationCents).toBeGreaterThan(0)
    expect(main.amcNumber).toMatch(/^\d{8,9}$/)
    const covered = (contractId: string) => db.select().from(s.contractBeneficiariesTable).where(eq(s.contractBeneficiariesTable.contractId, contractId)).all().length
    expect(covered(main.id)).toBe(5)
    const other = contracts.find(c => !c.main)!
    expect(covered(other.id)).toBeGreaterThan(0)
    expect(covered(other.id)).toBeLessThan(5)
    const guarantees = db.select().from(s.guaranteesTable).where(eq(s.guaranteesTable.contractId, main.id)).all()
    expect(new Set(guarantees.map(g => g.careType))).toEqual(new Set(s.CARE_TYPES))
    expect(guarantees.find(g => g.careType === 'OPTICS')).toMatchObject({ hundredPercentSante: true })
    expect(guarantees.find(g => g.careType === 'ALTERNATIVE_MEDICINE')).toMatchObject({ brssPercent: null, yearlyForfaitCents: 10000 })
    expect(db.select().from(s.guaranteesTable).where(eq(s.guaranteesTable.contractId, other.id)).all().length).toBeGreaterThan(0)
  })

  it('schedules twelve monthly SEPA instalments per contract: paid, one rejected, then to come', () => {
    const mandates = db.select().from(s.sepaMandatesTable).where(eq(s.sepaMandatesTable.memberId, benoitId)).all()
    const active = mandates.filter(m => m.status === 'ACTIVE')
    expect(active).toHaveLength(1)
    expect(mandates.some(m => m.status === 'REVOKED')).toBe(true)
    for (const m of mandates) {
      expect(m.reference.length).toBeLessThanOrEqual(35)
      expect(m.creditorIdentifier).toMatch(/^FR\d{2}ZZZ\w{6}$/)
    }
    for (const contract of db.select().from(s.contractsTable).where(eq(s.contractsTable.memberId, benoitId)).all()) {
      const instalments = db.select().from(s.contributionInstalmentsTable).where(eq(s.contributionInstalmentsTable.contractId, contract.id)).orderBy(asc(s.contributionInstalmentsTable.dueDate)).all()
      expect(instalments).toHaveLength(12)
      for (const i of instalments) {
        expect(i.method).toBe('SEPA_DIRECT_DEBIT')
        expect(i.mandateId).toBe(active[0]!.id)
        expect(i.status === 'SCHEDULED').toBe(i.dueDate >= today)
      }
    }
    const all = db.select().from(s.contributionInstalmentsTable).all()
    expect(all.filter(i => i.status === 'REJECTED' && i.dueDate < today).length).toBeGreaterThanOrEqual(1)
  })

  it('issues a card for the current year per contract, with rights for each covered beneficiary', () => {
    const cards = db.select().from(s.insuranceCardsTable).innerJoin(s.contractsTable, eq(s.contractsTable.id, s.insuranceCardsTable.contractId)).where(eq(s.contractsTable.memberId, benoitId)).all()
    expect(cards).toHaveLength(2)
    expect(cards.find(c => c.contracts.main)!.insurance_cards.cardNumber).toBe('202897774')
    for (const { insurance_cards: card } of cards) {
      expect(card.validFrom).toBe(`${y}-01-01`)
      expect(card.validTo).toBe(`${y}-12-31`)
      const rights = db.select().from(s.cardRightsTable).where(eq(s.cardRightsTable.cardId, card.id)).all()
      expect(rights.length).toBeGreaterThan(0)
      for (const right of rights)
        expect(right.domains.every(d => (s.CARE_DOMAINS as readonly string[]).includes(d))).toBe(true)
    }
  })

  it('stores valid IBANs, Benoit\'s ending with the seed\'s 4859 9384, and a reimbursement account for every beneficiary', () => {
    const accounts = db.select().from(s.bankAccountsTable).all()
    expect(accounts.every(a => isValidIban(a.iban))).toBe(true)
    const current = accounts.find(a => a.memberId === benoitId && a.forContributions && a.status === 'ACTIVE')!
    expect(current.iban).toMatch(/^FR76\d{15}48599384$/)
    expect(current).toMatchObject({ holderName: 'Benoit Garnier', forReimbursements: true })
    const beneficiaries = db.select().from(s.beneficiariesTable).all()
    const assigned = db.select().from(s.beneficiaryBankAccountsTable).all()
    expect(assigned.map(a => a.beneficiaryId).sort()).toEqual(beneficiaries.map(b => b.id).sort())
  })

  it('gives Benoit at least 40 reimbursements paid within the last 12 months, for every care type and beneficiary', () => {
    const rows = db.select().from(s.reimbursementsTable).where(eq(s.reimbursementsTable.memberId, benoitId)).all()
    const recent = rows.filter(r => r.paymentDate >= addDays(today, -365) && r.paymentDate <= addDays(today, -1))
    expect(recent.length).toBeGreaterThanOrEqual(40)
    expect(new Set(recent.map(r => r.careType))).toEqual(new Set(s.CARE_TYPES))
    const people = db.select().from(s.beneficiariesTable).where(eq(s.beneficiariesTable.memberId, benoitId)).all()
    expect(new Set(recent.map(r => r.beneficiaryId))).toEqual(new Set(people.map(p => p.id)))
    const camille = db.select().from(s.reimbursementsTable).where(eq(s.reimbursementsTable.memberId, camilleId)).all()
    expect(camille.length).toBeGreaterThanOrEqual(8)
  })

  it('makes every reimbursement add up, with the withheld amount left to the member', () => {
    for (const r of db.select().from(s.reimbursementsTable).all()) {
      expect(r.socialSecurityCents + r.mutuelleCents + r.outOfPocketCents).toBe(r.expenseCents)
      expect(r.outOfPocketCents).toBeGreaterThanOrEqual(r.withheldCents)
      expect(Math.min(r.socialSecurityCents, r.mutuelleCents, r.outOfPocketCents, r.withheldCents)).toBeGreaterThanOrEqual(0)
      expect(r.withholdingKind === 'NONE').toBe(r.withheldCents === 0)
      expect(r.paymentDate > r.careDate).toBe(true)
      expect(r.explanation.length).toBeGreaterThan(2)
      // tiers payant pays the provider; otherwise the money goes to an account of the household
      expect(r.payee === 'PROVIDER').toBe(r.origin === 'TIERS_PAYANT')
      expect(r.bankAccountId === null).toBe(r.payee === 'PROVIDER')
      if (r.origin === 'REQUEST')
        expect(r.procedureId).not.toBeNull()
    }
  })

  it('shows a pharmacy, an optics and a pharmacy reimbursement as the latest three, as on the seed\'s home page', () => {
    const latest = db.select().from(s.reimbursementsTable).where(eq(s.reimbursementsTable.memberId, benoitId)).orderBy(desc(s.reimbursementsTable.paymentDate)).limit(3).all()
    expect(latest.map(r => r.careType)).toEqual(['PHARMACY', 'OPTICS', 'PHARMACY'])
    expect(latest.map(r => r.socialSecurityCents + r.mutuelleCents)).toEqual([4500, 40923, 441])
  })

  it('puts the seed\'s two procedures first: Léa\'s dental care accepted and Sarah\'s optics in progress', () => {
    const procedures = db.select().from(s.proceduresTable).where(eq(s.proceduresTable.memberId, benoitId)).orderBy(desc(s.proceduresTable.submittedAt)).all()
    const [optics, dental] = procedures
    const name = (id: string | null) => db.select().from(s.beneficiariesTable).where(eq(s.beneficiariesTable.id, id!)).get()!.firstName
    expect(optics).toMatchObject({ kind: 'REIMBURSEMENT', careType: 'OPTICS', status: 'SUBMITTED' })
    expect(name(optics!.beneficiaryId)).toBe('Sarah')
    expect(optics!.careDate!.slice(5)).toBe('02-12')
    expect(dental).toMatchObject({ kind: 'REIMBURSEMENT', careType: 'DENTAL', status: 'ACCEPTED' })
    expect(name(dental!.beneficiaryId)).toBe('Léa')
    expect(dental!.careDate!.slice(5)).toBe('06-04')
    for (const p of [optics!, dental!]) {
      expect(p.submittedAt >= `${addDays(today, -15)}`).toBe(true)
      expect(p.careDate! >= addDays(today, -730)).toBe(true)
      expect(p.careDate! < p.submittedAt.slice(0, 10)).toBe(true)
    }
    if (today >= '2026-06-20' && today <= '2027-06-01')
      expect(dental!.careDate).toBe('2026-06-04')
    const events = db.select().from(s.procedureEventsTable).where(eq(s.procedureEventsTable.procedureId, dental!.id)).orderBy(asc(s.procedureEventsTable.at)).all()
    expect(events.map(e => e.status)).toEqual(['SUBMITTED', 'ACCEPTED'])
    const paid = db.select().from(s.reimbursementsTable).where(eq(s.reimbursementsTable.procedureId, dental!.id)).all()
    expect(paid).toHaveLength(1)
    expect(paid[0]).toMatchObject({ careType: 'DENTAL', careDate: dental!.careDate, expenseCents: dental!.amountCents })
  })

  it('keeps older procedures of other kinds and statuses, each with a reference, an estimate and a timeline', () => {
    const procedures = db.select().from(s.proceduresTable).all()
    const has = (kind: string, status: string) => procedures.some(p => p.memberId === benoitId && p.kind === kind && p.status === status)
    expect(has('QUOTE', 'MISSING_DOCUMENTS')).toBe(true)
    expect(has('BENEFICIARY_ADDITION', 'ACCEPTED')).toBe(true)
    expect(has('BANK_DETAILS_CHANGE', 'ACCEPTED')).toBe(true)
    expect(db.select().from(s.commercialJourneysTable).where(eq(s.commercialJourneysTable.status, 'IN_PROGRESS')).all().filter(j => j.memberId === benoitId && j.startDate > today)).toHaveLength(1)
    expect(procedures.find(p => p.kind === 'REIMBURSEMENT' && p.status === 'REJECTED')?.decisionNote).toBeTruthy()
    expect(new Set(procedures.map(p => p.reference)).size).toBe(procedures.length)
    for (const p of procedures) {
      expect(p.reference).toMatch(/^DEM-\d{4}-\d{6}$/)
      expect(p.estimatedDecisionDate).not.toBeNull()
      const events = db.select().from(s.procedureEventsTable).where(eq(s.procedureEventsTable.procedureId, p.id)).orderBy(asc(s.procedureEventsTable.at)).all()
      expect(events[0]!.status).toBe('SUBMITTED')
      expect(events[0]!.at).toBe(p.submittedAt)
      expect(events.at(-1)!.status).toBe(p.status)
    }
  })

  it('lists the seed\'s message categories in order, with the online service for adding beneficiaries', () => {
    const categories = db.select().from(s.messageCategoriesTable).orderBy(asc(s.messageCategoriesTable.sortOrder)).all()
    expect(categories.map(c => c.label)).toEqual(['Attestation', 'Information soins', 'Accident', 'Prise en charge', 'Modification de contrat', 'Cotisations', 'Information contrat à l\'étranger', 'Données et site internet', 'Message de votre conseiller'])
    const subjects = db.select().from(s.messageSubjectsTable).all()
    for (const c of categories) {
      const count = subjects.filter(subject => subject.categoryId === c.id).length
      expect(count).toBeGreaterThanOrEqual(2)
      expect(count).toBeLessThanOrEqual(5)
    }
    const addition = subjects.find(subject => subject.label === 'Ajout de bénéficiaires')!
    expect(addition.categoryId).toBe(categories[4]!.id)
    expect(addition).toMatchObject({ onlineServiceLabel: 'Ajout de bénéficiaires', onlineServicePath: '/ma-mutuelle/beneficiaires/ajout' })
  })

  it('points every online service and FAQ link at a page the portal has', () => {
    // the SPA's route table, read as text: importing it would pull the .vue pages into the server
    const table = readFileSync(join(projectRoot, 'web/src/router/routes.ts'), 'utf8')
    const routePaths = [...table.matchAll(/path: '([^']+)'/g)].map(m => m[1]!).filter(p => !p.includes('(.*)'))
    // ":id?" optional, ":id" one segment
    const patterns = routePaths.map(p => new RegExp(`^${p.replace(/\/:\w+\?/g, '(?:/[^/]+)?').replace(/:\w+/g, '[^/]+')}$`))
    const services = db.select({ path: s.messageSubjectsTable.onlineServicePath }).from(s.messageSubjectsTable).all().map(r => r.path)
    // and every FAQ answer's link, its query aside (the messagerie form takes ?objet=)
    const faqLinks = db.select({ path: s.faqEntriesTable.linkPath }).from(s.faqEntriesTable).all().map(r => r.path?.split('?')[0])
    const paths = [...services, ...faqLinks].filter(Boolean) as string[]
    expect(paths.length).toBeGreaterThan(12)
    expect(paths.filter(p => !patterns.some(re => re.test(p)))).toEqual([])
  })

  it('gives Benoit at least 10 threads of the last year, two unread, and Camille two', () => {
    const threads = db.select().from(s.messageThreadsTable).innerJoin(s.messageSubjectsTable, eq(s.messageSubjectsTable.id, s.messageThreadsTable.subjectId)).where(eq(s.messageThreadsTable.memberId, benoitId)).all()
    expect(threads.length).toBeGreaterThanOrEqual(10)
    expect(threads.filter(t => t.message_threads.unreadByMember)).toHaveLength(2)
    const bySubject = Object.fromEntries(threads.map(t => [t.message_subjects.label, t.message_threads.status]))
    expect(bySubject).toMatchObject({
      'Simulation achat/location de matériel médical': 'OPEN',
      'Participation de mon employeur': 'OPEN',
      'Récapitulatif des soins': 'ANSWERED',
      'Relevé de prestations': 'ANSWERED',
      'Ajout/retrait de bénéficiaire': 'ANSWERED',
    })
    for (const { message_threads: t } of threads) {
      expect(t.createdAt >= addDays(today, -365)).toBe(true)
      const messages = db.select().from(s.messagesTable).where(eq(s.messagesTable.threadId, t.id)).orderBy(asc(s.messagesTable.sentAt)).all()
      expect(messages.length).toBeGreaterThanOrEqual(1)
      expect(messages.length).toBeLessThanOrEqual(4)
      expect(messages.at(-1)!.authorKind === 'ADVISOR').toBe(t.status === 'ANSWERED')
    }
    expect(db.select().from(s.messageThreadsTable).where(eq(s.messageThreadsTable.memberId, camilleId)).all()).toHaveLength(2)
  })

  it('offers Benoit generated documents of at least 5 kinds, with a benefits statement per past month', () => {
    const documents = db.select().from(s.documentsTable).where(eq(s.documentsTable.memberId, benoitId)).all()
    expect(new Set(documents.map(d => d.kind)).size).toBeGreaterThanOrEqual(5)
    expect(documents.every(d => d.fileId === null)).toBe(true)
    const statements = documents.filter(d => d.kind === 'BENEFITS_STATEMENT')
    expect(statements.length).toBeGreaterThanOrEqual(11)
    expect(statements.every(d => d.periodStart && d.periodEnd && d.periodEnd < today)).toBe(true)
  })

  it('fills the help centre and the news', () => {
    const categories = db.select().from(s.helpCategoriesTable).all()
    expect(categories.map(c => c.label)).toEqual(expect.arrayContaining(['Remboursements', 'Carte mutuelle et attestations', 'Sécurité sociale/Télétransmission', 'Mon compte et contrat(s)', 'Analyse de devis', 'Cotisations']))
    expect(categories.length).toBeGreaterThanOrEqual(8)
    const guides = db.select().from(s.guidesTable).all()
    expect(guides.map(g => g.title)).toEqual(['Premières utilisations de votre mutuelle', 'Fonctionnement des remboursements', 'Comprendre mes cotisations', 'Fonctionnement de la télétransmission'])
    expect(guides.every(g => g.body.split('\n\n').length >= 3)).toBe(true)
    const faq = db.select().from(s.faqEntriesTable).all()
    expect(faq.length).toBeGreaterThanOrEqual(15)
    expect(new Set(faq.map(f => f.categoryId)).size).toBeGreaterThanOrEqual(6)
    expect(faq.map(f => f.question)).toEqual(expect.arrayContaining(['Ajouter un bénéficiaire', 'Télécharger ma carte de tiers-payant']))
    const news = db.select().from(s.newsItemsTable).all()
    expect(news).toHaveLength(3)
    expect(news.find(n => n.kind === 'OFFER')!.title).toMatch(/^Voyage/)
    const all = JSON.stringify([guides, faq, news])
    expect(all).not.toMatch(/MGEN/)
  })

  it('registers the advisor and the partner token', () => {
    const advisor = db.select().from(s.accountsTable).where(eq(s.accountsTable.email, DEMO_ACCOUNTS.advisor.email)).get()!
    expect(advisor).toMatchObject({ role: 'ADVISOR', memberId: null })
    const token = db.select().from(s.partnerTokensTable).get()!
    expect(token).toMatchObject({ name: 'Pharmacie partenaire (démo)', tokenHash: hashToken(DEMO_PARTNER_TOKEN), scopes: ['coverage:read', 'pec:write'] })
    expect(DEMO_PARTNER_TOKEN).toMatch(/^ptk_demo_[\w-]{40}$/)
  })

  it('dates nothing after now', () => {
    const now = clock.now().toISOString()
    const instants = [
      ...db.select().from(s.reimbursementsTable).all().map(r => `${r.paymentDate}T00:00:00.000Z`),
      ...db.select().from(s.proceduresTable).all().flatMap(p => [p.submittedAt, p.updatedAt]),
      ...db.select().from(s.procedureEventsTable).all().map(e => e.at),
      ...db.select().from(s.messagesTable).all().map(m => m.sentAt),
      ...db.select().from(s.documentsTable).all().map(d => d.issuedAt),
      ...db.select().from(s.newsItemsTable).all().map(n => n.publishedAt),
      ...db.select().from(s.contributionInstalmentsTable).all().flatMap(i => (i.paidAt ? [i.paidAt] : [])),
    ]
    expect(instants.filter(at => at > now)).toEqual([])
  })
})

describe('loadDemoData', () => {
  it('loads identical rows twice from the same clock', async () => {
    const clock = fixedClock('2026-09-01T10:00:00Z')
    const first = emptyDatabase()
    const second = emptyDatabase()
    await loadDemoData(first, clock)
    await loadDemoData(second, clock)
    expect(dump(second)).toEqual(dump(first))
    first.$client.close()
    second.$client.close()
  })

  it('hashes the demo passwords with argon2 so that they verify', async () => {
    const db = emptyDatabase()
    await loadDemoData(db, fixedClock('2026-09-01T10:00:00Z'))
    for (const { email, password } of Object.values(DEMO_ACCOUNTS)) {
      const account = db.select().from(s.accountsTable).where(eq(s.accountsTable.email, email)).get()!
      expect(account.passwordHash).toMatch(/^\$argon2id\$/)
      expect(await verifyPassword(account.passwordHash, password)).toBe(true)
      expect(await verifyPassword(account.passwordHash, `${password}!`)).toBe(false)
    }
    db.$client.close()
  })
})
