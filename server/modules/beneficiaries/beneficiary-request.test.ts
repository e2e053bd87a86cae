import type { ApiClient, TestApp } from '../../test/harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nirWithKey } from '../../db/demo/identifiers.ts'
import { auditEventsTable, beneficiariesTable, cardRightsTable, contractBeneficiariesTable, proceduresTable } from '../../db/schema/index.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp } from '../../test/harness.ts'
import { pdfText } from '../../test/pdf-tools.ts'

const ADD = `mutation Add($input: BeneficiaryAdditionInput!) {
  requestBeneficiaryAddition(input: $input) {
    errors { field code message }
    procedure { id kind status reference estimatedDecisionDate attachments { id }
      beneficiaryRequest { firstName lastName birthDate relationship rank nirMasked nirOwner coverageStart documentKind } }
  }
}`
const REMOVE = `mutation Remove($input: BeneficiaryRemovalInput!) {
  requestBeneficiaryRemoval(input: $input) {
    errors { field code message }
    procedure { id kind status beneficiary { firstName } beneficiaryRequest { coverageEnd reason } }
  }
}`
const DECIDE = `mutation Decide($id: ID!, $decision: Decision!, $note: String) {
  decideProcedure(procedureId: $id, decision: $decision, note: $note) {
    errors { field code message }
    task { procedure { id status decisionNote beneficiary { firstName } } }
  }
}`
const ADVISOR_VIEW = `query View($id: ID!) { advisorProcedure(id: $id) { procedure { kind
  beneficiaryRequest { firstName lastName birthDate relationship rank nirOwner coverageStart documentKind coverageEnd reason }
  attachments { id } } } }`
const BENEFICIARIES = `{ beneficiaries { id firstName rank coverageStart coverageEnd nirMasked noemieStatus } freeBeneficiaryRanks }`
const CARD = `{ insuranceCard { beneficiaries { firstName } } }`

// the API tests live on 2026-11-26
const julesBirth = '2026-09-14'
const julesNir = nirWithKey('1260933063412')

describe('Bénéficiaires: additions and removals', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient

  beforeAll(async () => {
    app = await startTestApp()
    ;[benoit, camille, advisor] = await Promise.all([app.as('benoit'), app.as('camille'), app.as('advisor')])
  })
  afterAll(() => app.close())

  const counts = () => ({
    procedures: app.db.select().from(proceduresTable).all().length,
    beneficiaries: app.db.select().from(beneficiariesTable).all().length,
  })

  async function jules(more: Record<string, unknown> = {}) {
    return {
      firstName: 'Jules',
      lastName: 'Garnier',
      birthDate: julesBirth,
      relationship: 'CHILD',
      rank: 6,
      nir: julesNir.replace(/^(\d)(\d{2})(\d{2})(\d{2})(\d{3})(\d{3})(\d{2})$/, '$1 $2 $3 $4 $5 $6 $7'),
      nirOwner: 'BENEFICIARY',
      coverageStart: julesBirth,
      documentKind: 'BIRTH_CERTIFICATE',
      attachmentIds: [await uploadId(benoit, undefined, 'acte-de-naissance.pdf')],
      ...more,
    }
  }

  it('offers the ranks nobody in the household holds', async () => {
    const { data } = await benoit.gql(BENEFICIARIES)
    expect(data.freeBeneficiaryRanks).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
  })

  it('refuses bad input field by field, in French, and saves nothing', async () => {
    const before = counts()
    const cases: [Record<string, unknown>, string, string][] = [
      [{ birthDate: '2027-01-05', coverageStart: '2026-11-26' }, 'birthDate', 'FUTURE_DATE'],
      [{ rank: 3 }, 'rank', 'RANK_TAKEN'],
      [{ rank: 1 }, 'rank', 'RANK_OUT_OF_RANGE'],
      [{ rank: 20 }, 'rank', 'RANK_OUT_OF_RANGE'],
      [{ nir: `${julesNir.slice(0, 13)}${julesNir.slice(13) === '01' ? '02' : '01'}` }, 'nir', 'INVALID_NIR'],
      [{ nir: '12345' }, 'nir', 'INVALID_NIR'],
      [{ nir: '' }, 'nir', 'REQUIRED'],
      [{ attachmentIds: [] }, 'attachmentIds', 'REQUIRED'],
      [{ documentKind: null }, 'documentKind', 'REQUIRED'],
      [{ firstName: '  ' }, 'firstName', 'REQUIRED'],
      [{ relationship: 'SELF' }, 'relationship', 'UNSUPPORTED'],
      [{ coverageStart: '2026-01-02', birthDate: '2020-01-01', nirOwner: 'INSURED' }, 'coverageStart', 'TOO_EARLY'],
      [{ coverageStart: '2026-09-01' }, 'coverageStart', 'TOO_EARLY'],
      [{ coverageStart: '2027-03-01' }, 'coverageStart', 'TOO_LATE'],
    ]
    for (const [change, field, code] of cases) {
      const { data } = await benoit.gql(ADD, { input: await jules(change) })
      expect(data.requestBeneficiaryAddition.procedure, `${field} ${code}`).toBeNull()
      expect(data.requestBeneficiaryAddition.errors.map((e: any) => [e.field, e.code]), JSON.stringify(change)).toContainEqual([field, code])
      for (const e of data.requestBeneficiaryAddition.errors)
        expect(e.message).toMatch(/[éèàçêûô]|\b(le|la|les|de|du)\b/)
    }
    expect(counts()).toEqual(before)
  })

  it('refuses a NIR whose birth year and month are not the beneficiary\'s, unless it is the insured\'s', async () => {
    const benoitNir = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Benoit')).get()!.nir!
    const own = await benoit.gql(ADD, { input: await jules({ nir: benoitNir }) })
    expect(own.data.requestBeneficiaryAddition.errors.map((e: any) => e.code)).toEqual(['INVALID_NIR'])
    expect(own.data.requestBeneficiaryAddition.errors[0].message).toMatch(/date de naissance/)
  })

  it('refuses someone already covered (same names, accents and case aside, and birth date)', async () => {
    const before = counts()
    const lea = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Léa')).get()!
    const { data } = await benoit.gql(ADD, { input: await jules({ firstName: 'LEA', lastName: 'garnier', birthDate: lea.birthDate, nirOwner: 'INSURED', nir: app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Benoit')).get()!.nir, coverageStart: '2026-11-26' }) })
    expect(data.requestBeneficiaryAddition.errors).toEqual([{ field: null, code: 'ALREADY_COVERED', message: expect.stringMatching(/^LEA garnier, né\(e\) le .* est déjà couvert\(e\) par votre contrat\.$/) }])
    expect(counts()).toEqual(before)
  })

  it('refuses another household\'s document as if it did not exist', async () => {
    const before = counts()
    const foreign = await uploadId(camille)
    const { data } = await benoit.gql(ADD, { input: await jules({ attachmentIds: [foreign] }) })
    expect(data.requestBeneficiaryAddition.errors.map((e: any) => [e.field, e.code])).toEqual([['attachmentIds', 'NOT_FOUND']])
    expect(counts()).toEqual(before)
  })

  it('files the démarche, and covers Jules from the chosen day once the advisor accepts: list, card and attestation', async () => {
    const filed = await benoit.gql(ADD, { input: await jules() })
    expect(filed.data.requestBeneficiaryAddition.errors).toEqual([])
    const procedure = filed.data.requestBeneficiaryAddition.procedure
    expect(procedure).toMatchObject({
      kind: 'BENEFICIARY_ADDITION',
      status: 'SUBMITTED',
      beneficiaryRequest: { firstName: 'Jules', lastName: 'Garnier', birthDate: julesBirth, relationship: 'CHILD', rank: 6, nirOwner: 'BENEFICIARY', coverageStart: julesBirth, documentKind: 'BIRTH_CERTIFICATE' },
    })
    expect(procedure.beneficiaryRequest.nirMasked).toMatch(/^1 \*\* \*\* \*\* \*\*\* 412 \d{2}$/)
    expect(procedure.attachments).toHaveLength(1)
    expect(JSON.stringify(filed.data)).not.toContain(julesNir)

    // pending: not covered yet, but the rank is reserved and a second identical request is refused
    const pending = await benoit.gql(BENEFICIARIES)
    expect(pending.data.beneficiaries.map((b: any) => b.firstName)).not.toContain('Jules')
    expect(pending.data.freeBeneficiaryRanks[0]).toBe(7)
    const twice = await benoit.gql(ADD, { input: await jules({ rank: 7 }) })
    expect(twice.data.requestBeneficiaryAddition.errors.map((e: any) => e.code)).toEqual(['ALREADY_REQUESTED'])

    const queue = await advisor.gql(`{ advisorQueue(kind: BENEFICIARY_ADDITION, first: 50) { nodes { ... on ProcedureTask { procedure { id } } } } }`)
    expect(queue.data.advisorQueue.nodes.map((n: any) => n.procedure.id)).toContain(procedure.id)
    // the advisor reads what the decision needs through the advisor's own type: no NIR, and audited
    const viewsBefore = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_PROCEDURE')).all().length
    const view = await advisor.gql(ADVISOR_VIEW, { id: procedure.id })
    expect(view.errors).toBeUndefined()
    expect(view.data.advisorProcedure.procedure).toEqual({
      kind: 'BENEFICIARY_ADDITION',
      beneficiaryRequest: { firstName: 'Jules', lastName: 'Garnier', birthDate: julesBirth, relationship: 'CHILD', rank: 6, nirOwner: 'BENEFICIARY', coverageStart: julesBirth, documentKind: 'BIRTH_CERTIFICATE', coverageEnd: null, reason: null },
      attachments: [{ id: procedure.attachments[0].id }],
    })
    const nirAsked = await advisor.gql(`query($id: ID!) { advisorProcedure(id: $id) { procedure { beneficiaryRequest { nirMasked } } } }`, { id: procedure.id })
    expect(nirAsked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_PROCEDURE')).all().length).toBe(viewsBefore + 1)

    const decided = await advisor.gql(DECIDE, { id: procedure.id, decision: 'ACCEPT' })
    expect(decided.data.decideProcedure.errors).toEqual([])
    expect(JSON.stringify(decided.data)).not.toContain(julesNir.slice(-5))
    expect(decided.data.decideProcedure.task.procedure).toMatchObject({ status: 'ACCEPTED', beneficiary: { firstName: 'Jules' }, decisionNote: 'Demande acceptée\u00a0: Jules est couvert(e) à compter du 14/09/2026.' })

    const after = await benoit.gql(BENEFICIARIES)
    expect(after.data.beneficiaries.find((b: any) => b.firstName === 'Jules')).toMatchObject({ rank: 6, coverageStart: julesBirth, coverageEnd: null, noemieStatus: 'PENDING', nirMasked: expect.stringMatching(/^1 \*\*/) })
    const card = await benoit.gql(CARD)
    expect(card.data.insuranceCard.beneficiaries.map((b: any) => b.firstName)).toContain('Jules')
    const julesId = after.data.beneficiaries.find((b: any) => b.firstName === 'Jules').id
    expect(app.db.select().from(contractBeneficiariesTable).where(eq(contractBeneficiariesTable.beneficiaryId, julesId)).all().length).toBeGreaterThan(0)
    expect(app.db.select().from(cardRightsTable).where(eq(cardRightsTable.beneficiaryId, julesId)).all().length).toBeGreaterThan(0)
    const attestation = await benoit.get('/api/attestation-de-droits.pdf')
    expect(pdfText(Buffer.from(await attestation.arrayBuffer()))).toMatch(/Jules Garnier\s+Enfant\s+06\s+14\/09\/2026\s+14\/09\/2026/)
  })

  it('is decided once: a second decision is refused', async () => {
    const { data } = await benoit.gql(ADD, { input: await jules({ firstName: 'Rose', rank: 8 }) })
    const id = data.requestBeneficiaryAddition.procedure.id
    expect((await advisor.gql(DECIDE, { id, decision: 'REJECT', note: 'L\'acte de naissance est illisible.' })).data.decideProcedure.errors).toEqual([])
    const again = await advisor.gql(DECIDE, { id, decision: 'ACCEPT' })
    expect(again.data.decideProcedure.errors.map((e: any) => e.code)).toEqual(['ALREADY_DECIDED'])
    expect(app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Rose')).all()).toEqual([])
  })

  it('is for members only', async () => {
    const anonymous = await app.client().gql(ADD, { input: await jules() })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    const asAdvisor = await advisor.gql(ADD, { input: { ...(await jules()), attachmentIds: [] } })
    expect(asAdvisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('ends a coverage on the chosen day once the advisor accepts a removal; the card drops them once it has ended', async () => {
    const ids = Object.fromEntries(app.db.select().from(beneficiariesTable).all().map(b => [b.firstName, b.id]))
    const before = counts()
    const bad: [Record<string, unknown>, string, string][] = [
      [{ beneficiaryId: ids.Benoit, coverageEnd: '2026-12-31' }, 'beneficiaryId', 'NOT_REMOVABLE'],
      [{ beneficiaryId: ids.Noé, coverageEnd: '2026-12-31' }, 'beneficiaryId', 'NOT_FOUND'],
      [{ beneficiaryId: ids.Louise, coverageEnd: '2026-11-01' }, 'coverageEnd', 'TOO_EARLY'],
      [{ beneficiaryId: ids.Louise, coverageEnd: '2028-01-01' }, 'coverageEnd', 'TOO_LATE'],
    ]
    for (const [input, field, code] of bad) {
      const { data } = await benoit.gql(REMOVE, { input })
      expect(data.requestBeneficiaryRemoval.errors.map((e: any) => [e.field, e.code])).toEqual([[field, code]])
    }
    expect(counts()).toEqual(before)

    const { data } = await benoit.gql(REMOVE, { input: { beneficiaryId: ids.Louise, coverageEnd: '2026-11-30', reason: 'Louise a sa propre mutuelle étudiante.' } })
    expect(data.requestBeneficiaryRemoval.procedure).toMatchObject({ kind: 'BENEFICIARY_REMOVAL', status: 'SUBMITTED', beneficiary: { firstName: 'Louise' }, beneficiaryRequest: { coverageEnd: '2026-11-30', reason: 'Louise a sa propre mutuelle étudiante.' } })
    const decided = await advisor.gql(DECIDE, { id: data.requestBeneficiaryRemoval.procedure.id, decision: 'ACCEPT' })
    expect(decided.data.decideProcedure.task.procedure.decisionNote).toBe('Demande acceptée\u00a0: Louise reste couvert(e) jusqu\'au 30/11/2026 inclus.')
    const after = await benoit.gql(BENEFICIARIES)
    expect(after.data.beneficiaries.find((b: any) => b.firstName === 'Louise').coverageEnd).toBe('2026-11-30')
    // still covered today: still on the card
    expect((await benoit.gql(CARD)).data.insuranceCard.beneficiaries.map((b: any) => b.firstName)).toContain('Louise')
    // last test of the file: the clock moves past the end, and sessions with it
    app.clock.advance(6 * 24 * 3600 * 1000)
    expect((await (await app.as('benoit')).gql(CARD)).data.insuranceCard.beneficiaries.map((b: any) => b.firstName)).not.toContain('Louise')
  })

})
