import type { ApiClient, TestApp } from '../../test/harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../test/harness.ts'
import { decodeBarcodes, pdfImages, pdfInfo, pdfText } from '../../test/pdf-tools.ts'
import { dataMatrixPng, dataMatrixText, parseDataMatrixText } from './card-format.ts'

const CARD = `query($id: ID) {
  insuranceCard(contractId: $id) {
    cardNumber validFrom validTo amcNumber conventionType routingCriterion memberNumber
    contract { id label option }
    beneficiaries { firstName lastName birthDate rank domains careDomains { code label } }
    legend { code label }
    dataMatrixText dataMatrixSvg
  }
}`

const ID1 = { width: 85.6 * 72 / 25.4, height: 53.98 * 72 / 25.4 }

describe('the tiers-payant card', () => {
  let app: TestApp
  let benoit: ApiClient
  let contracts: { id: string, main: boolean }[]
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    contracts = (await benoit.gql(`{ contracts { id main } }`)).data.contracts
  })
  afterAll(() => app.close())

  it('carries the harmonised Inter-AMC fields, the validity and every beneficiary with the legend of their domains', async () => {
    const { data, errors } = await benoit.gql(CARD)
    expect(errors).toBeUndefined()
    const card = data.insuranceCard
    expect(card).toMatchObject({ cardNumber: '202897774', validFrom: '2026-01-01', validTo: '2026-12-31', amcNumber: '88612004', conventionType: 'TP', routingCriterion: 'SP', memberNumber: '202897774' })
    expect(card.contract).toMatchObject({ label: 'Garanties sociale interministériel', option: 'Option A' })
    expect(card.beneficiaries.map((b: any) => [b.firstName, b.rank])).toEqual([['Benoit', 1], ['Sarah', 2], ['Louise', 3], ['Hélia', 4], ['Léa', 5]])
    expect(card.beneficiaries[0].domains).toEqual(['PHAR', 'LABO', 'RADL', 'HOSP', 'OPTI', 'DENT', 'AUDI', 'AUXM', 'SAGE'])
    expect(card.beneficiaries[0].careDomains.slice(0, 3)).toEqual([
      { code: 'PHAR', label: 'Pharmacie' },
      { code: 'LABO', label: 'Laboratoires d\'analyses' },
      { code: 'RADL', label: 'Radiologie' },
    ])
    expect(card.legend.map((d: any) => d.code)).toEqual(card.beneficiaries[0].domains)
    expect(card.legend.find((d: any) => d.code === 'AUXM').label).toBe('Auxiliaires médicaux')
  })

  it('encodes the harmonised fields in the documented DataMatrix text format, drawn as SVG', async () => {
    const { data } = await benoit.gql(CARD)
    expect(data.insuranceCard.dataMatrixText).toBe('IAMC1|AMC=88612004|CONV=TP|CSR=SP|ADH=202897774|DEB=20260101|FIN=20261231|CARTE=202897774')
    expect(parseDataMatrixText(data.insuranceCard.dataMatrixText)).toMatchObject({ AMC: '88612004', ADH: '202897774', FIN: '20261231' })
    expect(data.insuranceCard.dataMatrixSvg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/)
  })

  it('keeps separators out of the fields so the DataMatrix text always splits right', () => {
    const text = dataMatrixText({ amcNumber: '886 120|04', conventionType: 'T=P', routingCriterion: 'SP', memberNumber: '1', validFrom: '2026-01-01', validTo: '2026-12-31', cardNumber: '1-02' })
    expect(text).toBe('IAMC1|AMC=88612004|CONV=TP|CSR=SP|ADH=1|DEB=20260101|FIN=20261231|CARTE=1-02')
    expect(parseDataMatrixText('something else')).toBeNull()
  })

  it('decodes the DataMatrix bwip-js draws back to the same text', async () => {
    const text = 'IAMC1|AMC=88612004|CONV=TP|CSR=SP|ADH=202897774|DEB=20260101|FIN=20261231|CARTE=202897774'
    expect(await decodeBarcodes(await dataMatrixPng(text))).toEqual([{ format: 'DataMatrix', text }])
  })

  it('downloads as a card-size PDF with the card number, every beneficiary and a DataMatrix that decodes', async () => {
    const res = await benoit.get('/api/insurance-card.pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="carte-tiers-payant-2026-garanties-sociale-interministeriel\.pdf"/)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const pdf = Buffer.from(await res.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

    const info = pdfInfo(pdf)
    expect(info.pages).toBe(2)
    expect(info.width).toBeCloseTo(ID1.width, 0)
    expect(info.height).toBeCloseTo(ID1.height, 0)

    const text = pdfText(pdf)
    expect(text).toContain('202897774')
    for (const name of ['Benoit Garnier', 'Sarah Garnier', 'Louise Garnier', 'Hélia Garnier', 'Léa Garnier'])
      expect(text).toContain(name)
    for (const fact of ['Garanties sociale interministériel / Option A', '88612004', 'du 01/01/2026 au 31/12/2026', 'PHAR Pharmacie'])
      expect(text).toContain(fact)

    const images = pdfImages(pdf)
    expect(images).toHaveLength(1)
    const decoded = await decodeBarcodes(images[0]!)
    expect(decoded).toEqual([{ format: 'DataMatrix', text: 'IAMC1|AMC=88612004|CONV=TP|CSR=SP|ADH=202897774|DEB=20260101|FIN=20261231|CARTE=202897774' }])
  })

  it('downloads the card of another contract of the household by contractId', async () => {
    const renfort = contracts.find(c => !c.main)!
    const res = await benoit.get(`/api/insurance-card.pdf?contractId=${renfort.id}`)
    expect(res.status).toBe(200)
    const pdf = Buffer.from(await res.arrayBuffer())
    const text = pdfText(pdf)
    expect(text).toContain('202897774-02')
    expect(text).toContain('Horizon Renfort')
    expect(text).not.toContain('Louise')
    expect((await decodeBarcodes(pdfImages(pdf)[0]!))[0]!.text).toContain('CARTE=202897774-02')
  })

  it('answers another household\'s contract exactly like a missing one, and refuses anonymous callers without a hint', async () => {
    const camille = await app.as('camille')
    const mainId = contracts.find(c => c.main)!.id
    const foreign = await camille.get(`/api/insurance-card.pdf?contractId=${mainId}`)
    const missing = await camille.get('/api/insurance-card.pdf?contractId=no-such-contract')
    expect([foreign.status, missing.status]).toEqual([404, 404])
    expect(await foreign.json()).toEqual(await missing.json())

    const anonymousForeign = await app.client().get(`/api/insurance-card.pdf?contractId=${mainId}`)
    const anonymousMissing = await app.client().get('/api/insurance-card.pdf?contractId=no-such-contract')
    expect([anonymousForeign.status, anonymousMissing.status]).toEqual([401, 401])
    expect(await anonymousForeign.text()).toBe(await anonymousMissing.text())

    const repeated = await benoit.get(`/api/insurance-card.pdf?contractId=${mainId}&contractId=${mainId}`)
    expect(repeated.status).toBe(404)
    const advisor = await app.as('advisor')
    expect((await advisor.get('/api/insurance-card.pdf')).status).toBe(404)

    const gql = await camille.gql(CARD, { id: mainId })
    expect(gql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })
})
