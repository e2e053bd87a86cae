import type { ApiClient, TestApp } from '../../test/harness.ts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentsTable, membersTable } from '../../db/schema/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { pdfInfo, pdfText } from '../../test/pdf-tools.ts'

describe('document downloads', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  const docOf = (email: string, kind: typeof documentsTable.$inferSelect['kind']) => {
    const member = app.db.select().from(membersTable).where(eq(membersTable.email, email)).get()!
    return app.db.select().from(documentsTable).where(and(eq(documentsTable.memberId, member.id), eq(documentsTable.kind, kind))).all()
  }
  const pdf = async (client: ApiClient, path: string) => {
    const res = await client.get(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.subarray(0, 5).toString()).toBe('%PDF-')
    return { res, body, text: pdfText(body) }
  }
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
  })
  afterAll(() => app.close())

  it('builds the attestation de droits of the household: beneficiaries, ranks, birth dates, coverage dates, contract and validity', async () => {
    const { res, text } = await pdf(benoit, '/api/attestation-de-droits.pdf')
    expect(res.headers.get('content-disposition')).toMatch(/filename="attestation-de-droits-2026-garanties-sociale-interministeriel\.pdf"/)
    expect(pdfInfo((await pdf(benoit, '/api/attestation-de-droits.pdf')).body).pages).toBe(1)
    for (const fact of ['Attestation de droits', 'M. Benoit Garnier', '202897774', 'GSI-2022-0412873', 'Garanties sociale interministériel / Option A', 'du 01/01/2026 au 31/12/2026', 'Fait pour servir et valoir ce que de droit, le 26/11/2026.'])
      expect(text).toContain(fact)
    const rows = text.split('\n').filter(line => /Garnier\s{2,}(Adhérent|Conjoint|Enfant)/.test(line)).map(line => line.trim().split(/\s{2,}/))
    expect(rows).toEqual([
      ['Benoit Garnier', 'Adhérent principal', '01', '21/03/1984', '01/01/2022', '—'],
      ['Sarah Garnier', 'Conjoint(e)', '02', '09/06/1986', '01/01/2022', '—'],
      ['Louise Garnier', 'Enfant', '03', '15/09/2006', '01/01/2022', '—'],
      ['Hélia Garnier', 'Enfant', '04', '02/11/2010', '01/01/2022', '—'],
      ['Léa Garnier', 'Enfant', '05', '27/04/2019', '01/01/2023', '—'],
    ])
  })

  it('gives the attestation of another contract of the household, with only the people it covers', async () => {
    const renfort = (await benoit.gql(`{ contracts { id main } }`)).data.contracts.find((c: any) => !c.main)
    const { text } = await pdf(benoit, `/api/attestation-de-droits.pdf?contractId=${renfort.id}`)
    expect(text).toContain('Horizon Renfort / Confort')
    expect(text).toContain('Sarah Garnier')
    expect(text).not.toContain('Léa Garnier')
  })

  it('serves a CERTIFICATE document as the attestation and an INSURANCE_CARD document as the card', async () => {
    const [certificate] = docOf('benoit@example.org', 'CERTIFICATE')
    const attestation = await pdf(benoit, `/api/documents/${certificate!.id}`)
    expect(attestation.res.headers.get('content-disposition')).toMatch(/filename="attestation-de-droits-2026\.pdf"/)
    expect(attestation.text).toContain('Léa Garnier')

    const cards = docOf('benoit@example.org', 'INSURANCE_CARD')
    const mainCard = cards.find(d => d.title.includes('interministériel'))!
    const card = await pdf(benoit, `/api/documents/${mainCard.id}`)
    expect(pdfInfo(card.body).pages).toBe(2)
    expect(card.text).toContain('202897774')
    const renfortCard = await pdf(benoit, `/api/documents/${cards.find(d => d.title.includes('Renfort'))!.id}`)
    expect(renfortCard.text).toContain('202897774-02')
  })

  it('prints the schedule that adds up: July\'s rejected debit presented again with August\'s, its fee, and paid + to settle + to come = the year', async () => {
    const { text } = await pdf(benoit, `/api/echeancier-de-cotisations.pdf`)
    const flat = text.replace(/\s+/g, ' ')
    const eurosOf = (label: string) => {
      const found = new RegExp(`${label.toLocaleUpperCase('fr')} (\\d{1,3}(?: \\d{3})*,\\d{2}) €`).exec(flat)
      expect(found, label).not.toBeNull()
      return Math.round(Number(found![1]!.replace(/ /g, '').replace(',', '.')) * 100)
    }
    const year = eurosOf('Votre part sur l\'année')
    expect(year).toBe(12 * 13740 + 800)
    expect(eurosOf('Déjà payé') + eurosOf('À régler') + eurosOf('À venir')).toBe(year)
    expect(eurosOf('À régler')).toBe(0)
    expect(flat).toContain('05/07/2026 137,40 € 45,00 € Prélèvement SEPA Rejetée — Représentée avec le prélèvement du 05/08/2026 et payée. Frais de rejet : 8,00 €.')
    expect(flat).toContain('05/08/2026 137,40 € 45,00 € Prélèvement SEPA Payée — Prélèvement de 282,80 € : il inclut l\'échéance du 05/07/2026 représentée (137,40 €) et 8,00 € de frais de rejet.')
    expect(flat).toMatch(/Frais de rejet 8,00 €/)
  })

  it('serves the contribution schedule with the RUM and ICS, and the guarantee table, guide and notice built from the contract', async () => {
    const schedule = docOf('benoit@example.org', 'CONTRIBUTION_SCHEDULE').find(d => d.title.includes('interministériel'))!
    const { text } = await pdf(benoit, `/api/documents/${schedule.id}`)
    for (const fact of ['Échéancier de cotisations', 'HZN-RUM-202897774-0002', 'FR76 **** * 4859 9384', 'du 01/05/2026 au 30/04/2027', 'Rejetée', 'À venir'])
      expect(text).toContain(fact)
    expect(text).toMatch(/Total\s+1 656,80 €\s+540,00 €/)
    expect(text).toMatch(/FR\d{2}ZZZ548217/)

    const table = docOf('benoit@example.org', 'GUARANTEE_TABLE').find(d => d.title.includes('Option A'))!
    expect((await pdf(benoit, `/api/documents/${table.id}`)).text).toContain('150 % BRSS (Sécurité')
    const [guide] = docOf('benoit@example.org', 'GUARANTEE_GUIDE')
    const guideText = (await pdf(benoit, `/api/documents/${guide!.id}`)).text
    expect(guideText).toContain('Pour une consultation chez un spécialiste à 50,00 €')
    expect(guideText).toMatch(/19,00 €\s+24,00 €\s+7,00 €/)
    const notice = docOf('benoit@example.org', 'NOTICE').find(d => d.title.includes('Renfort'))!
    expect((await pdf(benoit, `/api/documents/${notice.id}`)).text).toContain('HRF-2024-0098214')
  })

  it('serves a BENEFITS_STATEMENT document through renderBenefitsStatement, for the household and period of the document', async () => {
    const statement = docOf('benoit@example.org', 'BENEFITS_STATEMENT').find(d => d.periodStart === '2026-10-01')!
    const { res, text } = await pdf(benoit, `/api/documents/${statement.id}`)
    expect(res.headers.get('content-disposition')).toMatch(/filename="releve-de-prestations-octobre-2026\.pdf"/)
    expect(text).toContain('Garnier')
    expect(text).not.toContain('Lefèvre')
  })

  it('answers another household\'s document and contract exactly like missing ones', async () => {
    const [foreign] = docOf('camille@example.org', 'CERTIFICATE')
    const foreignDoc = await benoit.get(`/api/documents/${foreign!.id}`)
    const missingDoc = await benoit.get('/api/documents/no-such-document')
    expect([foreignDoc.status, missingDoc.status]).toEqual([404, 404])
    expect(await foreignDoc.json()).toEqual(await missingDoc.json())

    const [statement] = docOf('benoit@example.org', 'BENEFITS_STATEMENT')
    expect((await camille.get(`/api/documents/${statement!.id}`)).status).toBe(404)

    const benoitContract = (await benoit.gql(`{ contract { id } }`)).data.contract.id
    const foreignContract = await camille.get(`/api/attestation-de-droits.pdf?contractId=${benoitContract}`)
    const missingContract = await camille.get('/api/attestation-de-droits.pdf?contractId=nope')
    expect([foreignContract.status, missingContract.status]).toEqual([404, 404])
    expect(await foreignContract.text()).toBe(await missingContract.text())
  })

  it('lists the household\'s documents newest first, filtered by kind, contract and year, each with its download path', async () => {
    const all = await benoit.gql(`{ documents(first: 100) { totalCount nodes { id kind title year issuedAt downloadPath contract { label } } } }`)
    expect(all.errors).toBeUndefined()
    const nodes = all.data.documents.nodes
    expect(all.data.documents.totalCount).toBe(nodes.length)
    expect(nodes.map((n: any) => n.issuedAt)).toEqual([...nodes.map((n: any) => n.issuedAt)].sort().reverse())
    expect(nodes.every((n: any) => n.downloadPath === `/api/documents/${n.id}`)).toBe(true)
    const certificates = await benoit.gql(`{ documents(kind: CERTIFICATE) { nodes { title contract { label } } } }`)
    expect(certificates.data.documents.nodes).toEqual([{ title: 'Attestation de droits 2026', contract: { label: 'Garanties sociale interministériel' } }])
    const renfort = (await benoit.gql(`{ contracts { id main } }`)).data.contracts.find((c: any) => !c.main)
    const ofRenfort = await benoit.gql(`query($c: ID) { documents(contractId: $c) { nodes { contract { label } } } }`, { c: renfort.id })
    expect(new Set(ofRenfort.data.documents.nodes.map((n: any) => n.contract.label))).toEqual(new Set(['Horizon Renfort']))
    const page = await benoit.gql(`{ documents(first: 2) { pageInfo { hasNextPage endCursor } nodes { id } } }`)
    const next = await benoit.gql(`query($a: String) { documents(first: 2, after: $a) { nodes { id } } }`, { a: page.data.documents.pageInfo.endCursor })
    expect(next.data.documents.nodes.map((n: any) => n.id)).toEqual(nodes.slice(2, 4).map((n: any) => n.id))
    const foreign = await camille.gql(`query($c: ID) { documents(contractId: $c) { totalCount } }`, { c: renfort.id })
    expect(foreign.data.documents.totalCount).toBe(0)
  })

  it('refuses anonymous downloads with 401 whether or not the document exists', async () => {
    const [certificate] = docOf('benoit@example.org', 'CERTIFICATE')
    const anonymous = app.client()
    const answers = await Promise.all([
      anonymous.get(`/api/documents/${certificate!.id}`),
      anonymous.get('/api/documents/no-such-document'),
      anonymous.get('/api/attestation-de-droits.pdf'),
      anonymous.get('/api/insurance-card.pdf'),
    ])
    expect(answers.map(r => r.status)).toEqual([401, 401, 401, 401])
    const bodies = await Promise.all(answers.map(r => r.text()))
    expect(new Set(bodies).size).toBe(1)
  })
})
