import type { ApiClient, TestApp } from './harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from './harness.ts'

const HOME = `{
  me { firstName }
  insuranceCard { cardNumber validFrom validTo contract { label option } beneficiaries { firstName rank domains } }
  procedures(first: 2) { totalCount nodes { kind status careType careDate beneficiary { firstName } } }
  reimbursements(first: 3) { totalCount nodes { id careType paymentDate reimbursedCents expenseCents socialSecurityCents mutuelleCents outOfPocketCents beneficiary { firstName } } }
  news(first: 3) { nodes { kind title } }
  contracts { id label option main }
}`

describe('Benoit\'s home page data', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
  })
  afterAll(() => app.close())

  it('shows his main card, contracts, latest démarches, latest reimbursements and the Voyage offer', async () => {
    const { data, errors } = await benoit.gql(HOME)
    expect(errors).toBeUndefined()
    expect(data.me.firstName).toBe('Benoit')
    expect(data.insuranceCard.cardNumber).toBe('202897774')
    expect(data.insuranceCard.contract).toEqual({ label: 'Garanties sociale interministériel', option: 'Option A' })
    expect(data.insuranceCard.validFrom).toBe('2026-01-01')
    expect(data.insuranceCard.validTo).toBe('2026-12-31')
    expect(data.insuranceCard.beneficiaries.map((b: { firstName: string }) => b.firstName)).toEqual(['Benoit', 'Sarah', 'Louise', 'Hélia', 'Léa'])
    expect(data.contracts.length).toBeGreaterThanOrEqual(2)
    expect(data.contracts[0]).toMatchObject({ main: true, label: 'Garanties sociale interministériel', option: 'Option A' })
    expect(data.procedures.nodes).toEqual([
      expect.objectContaining({ status: expect.any(String), careType: expect.any(String) }),
      expect.objectContaining({ status: expect.any(String) }),
    ])
    const seed = data.procedures.nodes.map((p: any) => `${p.careType} ${p.careDate.slice(5)} ${p.beneficiary.firstName} ${p.status}`)
    expect(seed).toEqual(expect.arrayContaining(['DENTAL 06-04 Léa ACCEPTED', 'OPTICS 02-12 Sarah SUBMITTED']))
    expect(data.reimbursements.totalCount).toBeGreaterThanOrEqual(40)
    expect(data.reimbursements.nodes.map((r: { careType: string }) => r.careType)).toEqual(['PHARMACY', 'OPTICS', 'PHARMACY'])
    for (const r of data.reimbursements.nodes) {
      expect(r.expenseCents).toBe(r.socialSecurityCents + r.mutuelleCents + r.outOfPocketCents)
      expect(r.reimbursedCents).toBe(r.socialSecurityCents + r.mutuelleCents)
    }
    expect(data.news.nodes.some((n: { kind: string, title: string }) => n.kind === 'OFFER' && /Voyage/.test(n.title))).toBe(true)
  })

  it('lists the démarches waiting for a document apart from the others, together all of them', async () => {
    const { data, errors } = await benoit.gql(`{
      all: procedures(first: 100) { totalCount nodes { id status } }
      missing: procedures(status: MISSING_DOCUMENTS, first: 100) { totalCount nodes { id status } }
      others: procedures(exceptStatus: MISSING_DOCUMENTS, first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { id status } }
    }`)
    expect(errors).toBeUndefined()
    expect(data.missing.totalCount).toBeGreaterThan(0)
    expect(data.missing.totalCount + data.others.totalCount).toBe(data.all.totalCount)
    expect(data.others.nodes.map((p: { status: string }) => p.status)).not.toContain('MISSING_DOCUMENTS')
    // the next page keeps the filter
    const next = await benoit.gql(`query($after: String) { procedures(exceptStatus: MISSING_DOCUMENTS, first: 100, after: $after) { nodes { id status } } }`, { after: data.others.pageInfo.endCursor })
    const rest = next.data.procedures.nodes as { id: string, status: string }[]
    expect(rest.map(p => p.status)).not.toContain('MISSING_DOCUMENTS')
    expect(data.others.nodes.length + rest.length).toBe(data.others.totalCount)
  })

  it('never shows one household\'s data to another', async () => {
    const mine = await benoit.gql(`{ contracts { id } reimbursements(first: 1) { nodes { id } } beneficiaries { id } }`)
    const contractId = mine.data.contracts[0].id
    const reimbursementId = mine.data.reimbursements.nodes[0].id
    const lea = mine.data.beneficiaries.at(-1).id

    const contract = await camille.gql(`query($id: ID) { contract(id: $id) { id number } }`, { id: contractId })
    expect(contract.data?.contract ?? null).toBeNull()
    expect(contract.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')

    const card = await camille.gql(`query($id: ID) { insuranceCard(contractId: $id) { cardNumber } }`, { id: contractId })
    expect(card.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')

    const one = await camille.gql(`query($id: ID!) { reimbursement(id: $id) { id } }`, { id: reimbursementId })
    expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')

    const filtered = await camille.gql(`query($b: ID) { reimbursements(beneficiaryId: $b) { totalCount nodes { id } } }`, { b: lea })
    expect(filtered.data.reimbursements.totalCount).toBe(0)

    const own = await camille.gql(`{ me { firstName } beneficiaries { firstName } reimbursements(first: 100) { nodes { beneficiary { firstName } } } }`)
    const names = new Set(own.data.beneficiaries.map((b: { firstName: string }) => b.firstName))
    expect(names.has('Benoit')).toBe(false)
    for (const r of own.data.reimbursements.nodes)
      expect(names.has(r.beneficiary.firstName)).toBe(true)
  })

  it('refuses member data to the advisor through member fields', async () => {
    const advisor = await app.as('advisor')
    const r = await advisor.gql(`{ contracts { id } }`)
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})
