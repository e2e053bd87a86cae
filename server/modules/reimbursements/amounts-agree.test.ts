import type { ApiClient, TestApp } from '../../test/harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatEuros } from '../../core/format.ts'
import { startTestApp } from '../../test/harness.ts'
import { pdfText } from '../../test/pdf-tools.ts'

interface Node { id: string, paymentDate: string, expenseCents: number, socialSecurityCents: number, mutuelleCents: number, outOfPocketCents: number, explanation: string[], shares: { amountCents: number }[] }

// the same euros, read from every place the member sees them: list and totals, detail, démarche, statement
describe('the amounts of a reimbursement agree wherever they are shown', () => {
  let app: TestApp
  let benoit: ApiClient
  let nodes: Node[]
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    const r = await benoit.gql(`{ reimbursements(first: 100) { totalCount totals { expenseCents socialSecurityCents mutuelleCents outOfPocketCents } nodes { id paymentDate expenseCents socialSecurityCents mutuelleCents outOfPocketCents explanation shares { amountCents } } } }`)
    nodes = r.data.reimbursements.nodes
    // one page holds the whole household, so the totals can be checked against the rows
    expect(r.data.reimbursements.totalCount).toBe(nodes.length)
    const sum = (pick: (n: Node) => number) => nodes.reduce((t, n) => t + pick(n), 0)
    expect(r.data.reimbursements.totals).toEqual({ expenseCents: sum(n => n.expenseCents), socialSecurityCents: sum(n => n.socialSecurityCents), mutuelleCents: sum(n => n.mutuelleCents), outOfPocketCents: sum(n => n.outOfPocketCents) })
  })
  afterAll(() => app.close())

  it('adds up for every reimbursement, each contract\'s part included, and never calls a paid amount an estimate', () => {
    expect(nodes.length).toBeGreaterThan(40)
    for (const n of nodes) {
      expect(n.socialSecurityCents + n.mutuelleCents + n.outOfPocketCents).toBe(n.expenseCents)
      if (n.shares.length)
        expect(n.shares.reduce((t, s) => t + s.amountCents, 0)).toBe(n.mutuelleCents)
      expect(n.explanation.join('\n')).not.toMatch(/estimation/i)
    }
  })

  it('gives Mes démarches the reimbursement the list shows, with the same mutuelle part', async () => {
    const r = await benoit.gql(`{ procedures(first: 100) { nodes { reference reimbursement { id mutuelleCents } } } }`)
    const paid = r.data.procedures.nodes.filter((p: { reimbursement: unknown }) => p.reimbursement)
    expect(paid.length).toBeGreaterThan(5)
    for (const p of paid) {
      const listed = nodes.find(n => n.id === p.reimbursement.id)!
      expect(listed.mutuelleCents).toBe(p.reimbursement.mutuelleCents)
    }
  })

  it('prints in the year\'s benefits statement the totals the list adds up to', async () => {
    const year = nodes.map(n => n.paymentDate).sort().at(-1)!.slice(0, 4)
    const res = await benoit.get(`/api/benefits-statement.pdf?year=${year}`)
    expect(res.status).toBe(200)
    const text = pdfText(Buffer.from(await res.arrayBuffer()))
    const paid = nodes.filter(n => n.paymentDate.startsWith(year))
    expect(text).toContain(`${paid.length} prestations payées`)
    for (const pick of [(n: Node) => n.expenseCents, (n: Node) => n.socialSecurityCents, (n: Node) => n.mutuelleCents, (n: Node) => n.outOfPocketCents])
      expect(text).toContain(formatEuros(paid.reduce((t, n) => t + pick(n), 0)).replace(/\u00A0|\u202F/g, ' '))
  })
})
