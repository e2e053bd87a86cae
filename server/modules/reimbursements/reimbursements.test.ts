import type { ApiClient, TestApp } from '../../test/harness.ts'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq, gte, lte } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bankAccountsTable, beneficiariesTable, membersTable, reimbursementsTable } from '../../db/schema/index.ts'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { formatEuros } from '../../core/format.ts'
import { renderBenefitsStatement } from './benefits-statement.ts'

const LIST = `query Reimbursements($b: ID, $c: CareType, $from: Date, $to: Date, $first: Int, $after: String) {
  reimbursements(beneficiaryId: $b, careType: $c, from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    totals { expenseCents socialSecurityCents mutuelleCents outOfPocketCents }
    edges { cursor node { id } }
    nodes { id careType paymentDate expenseCents socialSecurityCents mutuelleCents outOfPocketCents withheldCents reimbursedCents beneficiary { id firstName } }
  }
}`

const DETAIL = `query Reimbursement($id: ID!) {
  reimbursement(id: $id) {
    id careLabel careDate paymentDate providerName decompteNumber payee origin
    expenseCents socialSecurityBaseCents socialSecurityRatePercent socialSecurityCents withheldCents withholdingKind mutuelleCents outOfPocketCents
    explanation
    beneficiary { firstName }
    contract { id label option }
    guarantee { label brssPercent }
    bankAccount { holderName ibanMasked }
    procedure { id reference status }
  }
}`

type Row = typeof reimbursementsTable.$inferSelect

/** pdftotext on a temp file, in reading order with whitespace collapsed: what a reader gets out of the PDF. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'statement-'))
  try {
    const file = join(dir, 'statement.pdf')
    writeFileSync(file, pdf)
    return execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u00A0\u202F\s]+/g, ' ')
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('reimbursements', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let memberId: string
  let all: Row[]
  let people: Map<string, string>

  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    memberId = app.db.select().from(membersTable).where(eq(membersTable.email, DEMO_ACCOUNTS.benoit.email)).get()!.id
    all = app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.memberId, memberId)).all()
    people = new Map(app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.memberId, memberId)).all().map(b => [b.firstName, b.id]))
  })
  afterAll(() => app.close())

  async function walk(variables: Record<string, unknown>, first = 100) {
    const ids: string[] = []
    const dates: string[] = []
    let after: string | null = null
    let totalCount = -1
    let totals: Record<string, number> = {}
    for (let page = 0; page < 50; page++) {
      const r: { data?: any, errors?: unknown } = await benoit.gql(LIST, { ...variables, first, after })
      expect(r.errors).toBeUndefined()
      const connection: any = r.data.reimbursements
      totalCount = connection.totalCount
      totals = connection.totals
      ids.push(...connection.nodes.map((n: { id: string }) => n.id))
      dates.push(...connection.nodes.map((n: { paymentDate: string }) => n.paymentDate))
      expect(connection.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(connection.nodes.map((n: { id: string }) => n.id))
      if (!connection.pageInfo.hasNextPage)
        break
      after = connection.pageInfo.endCursor
    }
    return { ids, dates, totalCount, totals }
  }

  const sorted = (ids: string[]) => [...ids].sort()
  const expected = (keep: (row: Row) => boolean) => sorted(all.filter(keep).map(r => r.id))

  it('filters by beneficiary exactly', async () => {
    const lea = people.get('Léa')!
    const { ids, totalCount } = await walk({ b: lea })
    expect(sorted(ids)).toEqual(expected(r => r.beneficiaryId === lea))
    expect(totalCount).toBe(ids.length)
    expect(ids.length).toBeGreaterThan(3)
  })

  it('filters by care type exactly', async () => {
    const { ids } = await walk({ c: 'PHARMACY' })
    expect(sorted(ids)).toEqual(expected(r => r.careType === 'PHARMACY'))
  })

  it('filters by payment period, both ends included', async () => {
    const from = all.map(r => r.paymentDate).sort()[10]!
    const to = all.map(r => r.paymentDate).sort()[30]!
    const { ids } = await walk({ from, to })
    expect(sorted(ids)).toEqual(expected(r => r.paymentDate >= from && r.paymentDate <= to))
    expect(ids.length).toBeGreaterThanOrEqual(21)
  })

  it('combines beneficiary, care type and period', async () => {
    const benoitId = people.get('Benoit')!
    const { ids } = await walk({ b: benoitId, c: 'PARAMEDICAL', from: '2026-01-01', to: '2026-12-31' })
    expect(sorted(ids)).toEqual(expected(r => r.beneficiaryId === benoitId && r.careType === 'PARAMEDICAL' && r.paymentDate >= '2026-01-01' && r.paymentDate <= '2026-12-31'))
    expect(ids.length).toBeGreaterThan(0)
  })

  it('walks every reimbursement once, newest payment first, with the right totalCount', async () => {
    const { ids, dates, totalCount } = await walk({}, 7)
    expect(totalCount).toBe(all.length)
    expect(ids).toHaveLength(all.length)
    expect(new Set(ids).size).toBe(all.length)
    expect(sorted(ids)).toEqual(expected(() => true))
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('totals the filtered set, all pages together', async () => {
    const sarah = people.get('Sarah')!
    const { totals } = await walk({ b: sarah }, 3)
    const own = all.filter(r => r.beneficiaryId === sarah)
    const sum = (pick: (r: Row) => number) => own.reduce((t, r) => t + pick(r), 0)
    expect(totals).toEqual({
      expenseCents: sum(r => r.expenseCents),
      socialSecurityCents: sum(r => r.socialSecurityCents),
      mutuelleCents: sum(r => r.mutuelleCents),
      outOfPocketCents: sum(r => r.outOfPocketCents),
    })
  })

  it('makes every reimbursement add up', async () => {
    const r = await benoit.gql(LIST, { first: 100 })
    expect(r.data.reimbursements.nodes).toHaveLength(all.length)
    for (const n of r.data.reimbursements.nodes) {
      expect(n.socialSecurityCents + n.mutuelleCents + n.outOfPocketCents).toBe(n.expenseCents)
      expect(n.reimbursedCents).toBe(n.socialSecurityCents + n.mutuelleCents)
      expect(n.outOfPocketCents).toBeGreaterThanOrEqual(n.withheldCents)
    }
  })

  it('gives the full split of one reimbursement with its guarantee, explanation and masked account', async () => {
    const paid = all.find(r => r.origin === 'REQUEST' && r.bankAccountId)!
    const r = await benoit.gql(DETAIL, { id: paid.id })
    expect(r.errors).toBeUndefined()
    const d = r.data.reimbursement
    expect(d).toMatchObject({
      id: paid.id,
      origin: 'REQUEST',
      payee: 'MEMBER',
      expenseCents: paid.expenseCents,
      socialSecurityBaseCents: paid.socialSecurityBaseCents,
      socialSecurityRatePercent: paid.socialSecurityRatePercent,
      withheldCents: paid.withheldCents,
      explanation: paid.explanation,
    })
    expect(d.guarantee.label).toBeTruthy()
    expect(d.contract.label).toBeTruthy()
    expect(d.procedure).toMatchObject({ reference: expect.stringMatching(/^DEM-\d{4}-\d{6}$/), status: 'ACCEPTED' })
    const account = app.db.select().from(bankAccountsTable).where(eq(bankAccountsTable.id, paid.bankAccountId!)).get()!
    expect(d.bankAccount).toEqual({ holderName: account.holderName, ibanMasked: expect.stringMatching(/^FR76 \*{4} \* \d{4} \d{4}$/) })
    expect(d.bankAccount.ibanMasked.endsWith(account.iban.slice(-4))).toBe(true)
    // the whole IBAN, or any long run of it, never reaches the client
    expect(JSON.stringify(r.data)).not.toContain(account.iban.slice(4, 12))
  })

  it('says a tiers-payant reimbursement went to the professional, with no bank account', async () => {
    const tiers = all.find(r => r.origin === 'TIERS_PAYANT')!
    const d = (await benoit.gql(DETAIL, { id: tiers.id })).data.reimbursement
    expect(d).toMatchObject({ payee: 'PROVIDER', origin: 'TIERS_PAYANT', bankAccount: null, procedure: null })
  })

  it('hides one household\'s reimbursements from another', async () => {
    const one = await camille.gql(DETAIL, { id: all[0]!.id })
    expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect(one.data?.reimbursement ?? null).toBeNull()
    const filtered = await camille.gql(LIST, { b: people.get('Léa') })
    expect(filtered.data.reimbursements).toMatchObject({ totalCount: 0, nodes: [], totals: { expenseCents: 0 } })
  })

  it('publishes the reference exchange rates with their date', async () => {
    const r = await benoit.gql(`{ exchangeRates { date rates { currency label unitsPerEuro } } }`)
    expect(r.data.exchangeRates.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(r.data.exchangeRates.rates).toEqual(expect.arrayContaining([
      { currency: 'EUR', label: 'Euro', unitsPerEuro: 1 },
      expect.objectContaining({ currency: 'USD', label: 'Dollar américain' }),
    ]))
  })

  it('gives the health directory link of the portal settings', async () => {
    const r = await benoit.gql(`{ portalSettings { healthDirectoryUrl } }`)
    expect(r.data.portalSettings.healthDirectoryUrl).toMatch(/^https:\/\//)
  })

  describe('benefits statement PDF', () => {
    const month = () => all.map(r => r.paymentDate).sort().at(-1)!.slice(0, 7)

    it('lists the month\'s reimbursements with their amounts and totals', async () => {
      const [year, mm] = month().split('-')
      const res = await benoit.get(`/api/benefits-statement.pdf?year=${year}&month=${Number(mm)}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      expect(res.headers.get('content-disposition')).toContain(`attachment; filename="releve-prestations-${year}-${mm}.pdf"`)
      const text = pdfText(Buffer.from(await res.arrayBuffer()))
      const lines = all.filter(r => r.paymentDate.startsWith(month()))
      expect(text).toContain('Relevé de prestations')
      expect(text).toContain('Benoit Garnier')
      expect(text).toContain('202897774')
      expect(text).toMatch(/Novembre 2026/)
      for (const line of lines) {
        expect(text).toContain(line.careLabel)
        expect(text).toContain(formatEuros(line.expenseCents).replace(/\u00A0/g, ' '))
      }
      const total = (pick: (r: Row) => number) => formatEuros(lines.reduce((t, r) => t + pick(r), 0)).replace(/\u00A0/g, ' ')
      expect(text).toContain(total(r => r.expenseCents))
      expect(text).toContain(total(r => r.mutuelleCents))
      expect(text).toContain(total(r => r.outOfPocketCents))
      expect(text).toMatch(/page 1 sur 1/)
    })

    it('covers a whole year when no month is given, over several pages', async () => {
      const text = pdfText(await renderBenefitsStatement(app.db, memberId, '2026-01-01', '2026-12-31'))
      const lines = app.db.select().from(reimbursementsTable).where(and(eq(reimbursementsTable.memberId, memberId), gte(reimbursementsTable.paymentDate, '2026-01-01'), lte(reimbursementsTable.paymentDate, '2026-12-31'))).all()
      expect(text).toContain('Année 2026')
      expect(text).toContain(`${lines.length} prestations payées`)
      expect(text).toContain(formatEuros(lines.reduce((t, r) => t + r.mutuelleCents, 0)).replace(/\u00A0/g, ' '))
      expect(text).toMatch(/page 2 sur \d/)
      for (const name of ['Benoit', 'Sarah', 'Louise', 'Hélia', 'Léa'])
        expect(text).toContain(name)
    })

    it('says so when nothing was paid in the period', async () => {
      const text = pdfText(await renderBenefitsStatement(app.db, memberId, '2021-03-01', '2021-03-31'))
      expect(text).toContain('Mars 2021')
      expect(text).toContain('Aucune prestation n\'a été payée sur cette période.')
    })

    it('never shows another household\'s care', async () => {
      const res = await camille.get('/api/benefits-statement.pdf?year=2026')
      const text = pdfText(Buffer.from(await res.arrayBuffer()))
      expect(text).toContain('Camille')
      for (const name of ['Benoit', 'Sarah', 'Léa'])
        expect(text).not.toContain(name)
    })

    it('is for signed-in members only, for a valid period', async () => {
      expect((await app.client().get('/api/benefits-statement.pdf?year=2026')).status).toBe(401)
      expect((await (await app.as('advisor')).get('/api/benefits-statement.pdf?year=2026')).status).toBe(404)
      for (const query of ['year=2026&month=13', 'year=26', 'month=8', 'year=2026&month=x', 'year=2099'])
        expect((await benoit.get(`/api/benefits-statement.pdf?${query}`)).status).toBe(400)
    })
  })
})
