import type { ApiClient, TestApp } from '../../test/harness.ts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { beneficiariesTable, membersTable, procedureAttachmentsTable, procedureEventsTable, proceduresTable } from '../../db/schema/index.ts'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp } from '../../test/harness.ts'

const SUBMIT = `mutation Submit($input: ReimbursementRequestInput!) {
  submitReimbursementRequest(input: $input) {
    errors { field code message }
    procedure {
      id kind status reference submittedAt estimatedDecisionDate careType careDate abroad country currency
      amountCents amountEurCents exchangeRate socialSecurityBaseCents socialSecurityPaidCents providerName
      beneficiary { id firstName }
      history { status at note }
      attachments { id name mimeType sizeBytes }
    }
  }
}`

const ESTIMATE = `query Estimate($input: ReimbursementEstimateInput!) {
  reimbursementRequestEstimate(input: $input) {
    errors { field code message }
    estimate { amountEurCents exchangeRate exchangeRateDate socialSecurityBaseCents socialSecurityRatePercent usedReferenceBase socialSecurityCents withheldCents mutuelleCents outOfPocketCents guaranteeLabel socialSecurityStatementAsked explanation }
  }
}`

describe('submitReimbursementRequest', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    for (const b of app.db.select().from(beneficiariesTable).all())
      ids[b.firstName] = b.id
  })
  afterAll(() => app.close())

  const counts = () => ({
    procedures: app.db.select().from(proceduresTable).all().length,
    events: app.db.select().from(procedureEventsTable).all().length,
    attachments: app.db.select().from(procedureAttachmentsTable).all().length,
  })

  // a refused submission leaves its document free: the next test reuses it, as a member retrying
  // would, instead of piling up uploads past the pending-upload quota
  let spare: string | null = null
  async function pendingUpload(): Promise<string> {
    if (!spare || app.db.select().from(procedureAttachmentsTable).where(eq(procedureAttachmentsTable.fileId, spare)).get())
      spare = await uploadId(benoit)
    return spare
  }

  async function validInput(more: Record<string, unknown> = {}) {
    return {
      beneficiaryId: ids['Léa'],
      careType: 'CONSULTATION',
      careDate: '2026-11-20',
      abroad: false,
      amountCents: 4500,
      socialSecurityBaseCents: 3000,
      socialSecurityPaidCents: 2100,
      providerName: 'Dr Sophie Lambert, pédiatre',
      attachmentIds: [await pendingUpload()],
      ...more,
    }
  }

  it('files the request "En cours" with its reference, documents, first event and a decision date 10 working days ahead', async () => {
    const input = await validInput()
    const r = await benoit.gql(SUBMIT, { input })
    expect(r.errors).toBeUndefined()
    const payload = r.data.submitReimbursementRequest
    expect(payload.errors).toEqual([])
    expect(payload.procedure).toMatchObject({
      kind: 'REIMBURSEMENT',
      status: 'SUBMITTED',
      reference: expect.stringMatching(/^DEM-2026-\d{6}$/),
      submittedAt: '2026-11-26T10:00:00.000Z',
      // Thursday 26 November 2026 + 10 working days
      estimatedDecisionDate: '2026-12-10',
      careType: 'CONSULTATION',
      careDate: '2026-11-20',
      abroad: false,
      country: null,
      currency: 'EUR',
      amountCents: 4500,
      amountEurCents: 4500,
      exchangeRate: null,
      socialSecurityBaseCents: 3000,
      socialSecurityPaidCents: 2100,
      providerName: 'Dr Sophie Lambert, pédiatre',
      beneficiary: { id: ids['Léa'], firstName: 'Léa' },
      history: [{ status: 'SUBMITTED', at: '2026-11-26T10:00:00.000Z', note: null }],
      attachments: [{ id: input.attachmentIds[0], name: 'facture.pdf', mimeType: 'application/pdf', sizeBytes: expect.any(Number) }],
    })
    const list = await benoit.gql(`{ procedures(first: 1) { nodes { id status } } }`)
    expect(list.data.procedures.nodes[0]).toEqual({ id: payload.procedure.id, status: 'SUBMITTED' })
  })

  it('gives each new request the next reference', async () => {
    const first = (await benoit.gql(SUBMIT, { input: await validInput() })).data.submitReimbursementRequest.procedure.reference
    const second = (await benoit.gql(SUBMIT, { input: await validInput() })).data.submitReimbursementRequest.procedure.reference
    expect(Number(second.slice(9))).toBe(Number(first.slice(9)) + 1)
  })

  it('converts an amount paid abroad at the reference rate', async () => {
    const r = await benoit.gql(SUBMIT, { input: await validInput({ abroad: true, country: 'Canada', currency: 'cad', amountCents: 12000, socialSecurityBaseCents: null, socialSecurityPaidCents: null }) })
    expect(r.data.submitReimbursementRequest.errors).toEqual([])
    // 120,00 $ CA at 1,6215 $ CA for 1 € = 74,005… € → 74,01 €
    expect(r.data.submitReimbursementRequest.procedure).toMatchObject({ abroad: true, country: 'Canada', currency: 'CAD', amountCents: 12000, amountEurCents: 7401, exchangeRate: 1.6215 })
  })

  describe('refuses bad input with a French field error and saves nothing', () => {
    let before: ReturnType<typeof counts>
    beforeEach(() => { before = counts() })

    async function refused(more: Record<string, unknown>, field: string, code: string) {
      const r = await benoit.gql(SUBMIT, { input: await validInput(more) })
      expect(r.errors).toBeUndefined()
      const payload = r.data.submitReimbursementRequest
      expect(payload.procedure).toBeNull()
      expect(payload.errors).toContainEqual({ field, code, message: expect.stringMatching(/\S/) })
      expect(counts()).toEqual(before)
      return payload.errors as { field: string, code: string, message: string }[]
    }

    it('a care date in the future', async () => {
      const [error] = await refused({ careDate: '2026-11-27' }, 'careDate', 'FUTURE_DATE')
      expect(error!.message).toBe('La date des soins ne peut pas être dans le futur.')
    })

    it('a care date more than 2 years ago', async () => {
      const [error] = await refused({ careDate: '2024-11-25' }, 'careDate', 'TOO_OLD')
      expect(error!.message).toContain('26/11/2024')
    })

    it('a beneficiary not covered on the care date', async () => {
      // Hélia leaves the contract at the end of June (scenario set up here, restored after)
      app.db.update(beneficiariesTable).set({ coverageEnd: '2026-06-30' }).where(eq(beneficiariesTable.id, ids['Hélia']!)).run()
      try {
        const [error] = await refused({ beneficiaryId: ids['Hélia'], careDate: '2026-08-03' }, 'careDate', 'NOT_COVERED')
        expect(error!.message).toBe('Le 03/08/2026, Hélia ne bénéficiait pas de votre contrat.')
      }
      finally {
        app.db.update(beneficiariesTable).set({ coverageEnd: null }).where(eq(beneficiariesTable.id, ids['Hélia']!)).run()
      }
    })

    it('a beneficiary of another household, read as unknown', async () => {
      await refused({ beneficiaryId: ids['Noé'] }, 'beneficiaryId', 'NOT_FOUND')
      await refused({ beneficiaryId: 'nobody' }, 'beneficiaryId', 'NOT_FOUND')
    })

    it('a non-positive amount', async () => {
      await refused({ amountCents: 0, socialSecurityPaidCents: null }, 'amountCents', 'NOT_POSITIVE')
      await refused({ amountCents: -4500, socialSecurityPaidCents: null }, 'amountCents', 'NOT_POSITIVE')
    })

    it('an absurdly large amount', async () => {
      await refused({ amountCents: 2_000_000_000 }, 'amountCents', 'TOO_LARGE')
    })

    it('care abroad without country or currency', async () => {
      const errors = await refused({ abroad: true, country: null, currency: null }, 'country', 'REQUIRED')
      expect(errors).toContainEqual(expect.objectContaining({ field: 'currency', code: 'REQUIRED' }))
      await refused({ abroad: true, country: '  ', currency: 'USD' }, 'country', 'REQUIRED')
      await refused({ abroad: true, country: 'Espagne', currency: 'XYZ' }, 'currency', 'UNSUPPORTED')
    })

    it('care in France in another currency than the euro', async () => {
      await refused({ currency: 'USD' }, 'currency', 'NOT_EUR')
    })

    it('no document', async () => {
      await refused({ attachmentIds: [] }, 'attachmentIds', 'REQUIRED')
    })

    it('more than 5 documents', async () => {
      const six = await Promise.all(Array.from({ length: 6 }, () => uploadId(benoit)))
      await refused({ attachmentIds: six }, 'attachmentIds', 'TOO_MANY')
    })

    it('a document uploaded by another member', async () => {
      const theirs = await uploadId(camille)
      await refused({ attachmentIds: [theirs] }, 'attachmentIds', 'NOT_FOUND')
    })

    it('a document already attached to another request', async () => {
      const input = await validInput()
      expect((await benoit.gql(SUBMIT, { input })).data.submitReimbursementRequest.errors).toEqual([])
      before = counts()
      await refused({ attachmentIds: input.attachmentIds }, 'attachmentIds', 'ALREADY_ATTACHED')
    })

    it('a Social Security payment larger than the amount paid', async () => {
      await refused({ amountCents: 2000, socialSecurityBaseCents: null, socialSecurityPaidCents: 2100 }, 'socialSecurityPaidCents', 'EXCEEDS_AMOUNT')
    })

    it('a Social Security payment larger than its base', async () => {
      await refused({ socialSecurityBaseCents: 2000, socialSecurityPaidCents: 2100 }, 'socialSecurityPaidCents', 'EXCEEDS_BASE')
    })

    it('several mistakes at once, each on its field, in the order of the wizard', async () => {
      const errors = await refused({ careDate: '2030-01-01', amountCents: 0, socialSecurityPaidCents: null, attachmentIds: [] }, 'careDate', 'FUTURE_DATE')
      expect(errors.map(e => e.field)).toEqual(['careDate', 'amountCents', 'attachmentIds'])
    })
  })

  it('refuses the mutation to anonymous callers and advisors', async () => {
    const input = await validInput()
    expect((await app.client().gql(SUBMIT, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect((await (await app.as('advisor')).gql(SUBMIT, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  describe('reimbursementRequestEstimate', () => {
    it('estimates from the care type\'s reference base and rate without a décompte, and says so', async () => {
      // Léa, 7, consultation of 45 €: base 30 € at 70 % = 21 €, guarantee 150 % → 45 − 21 = 24 €, nothing left
      const r = await benoit.gql(ESTIMATE, { input: { beneficiaryId: ids['Léa'], careType: 'CONSULTATION', careDate: '2026-11-20', abroad: false, amountCents: 4500 } })
      expect(r.data.reimbursementRequestEstimate.errors).toEqual([])
      const e = r.data.reimbursementRequestEstimate.estimate
      expect(e).toMatchObject({ amountEurCents: 4500, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70, usedReferenceBase: true, socialSecurityCents: 2100, withheldCents: 0, mutuelleCents: 2400, outOfPocketCents: 0, exchangeRate: null })
      expect(e.guaranteeLabel).toContain('Consultations')
      expect(e.explanation.join('\n')).toContain('base de référence de ce soin, sans décompte de la Sécurité sociale')
      expect(e.socialSecurityStatementAsked).toBe(true)
    })

    it('asks no décompte for médecines douces, which Social Security does not reimburse, and refuses one', async () => {
      const care = { beneficiaryId: ids['Sarah'], careType: 'ALTERNATIVE_MEDICINE', careDate: '2026-11-20', abroad: false, amountCents: 6000 }
      const r = await benoit.gql(ESTIMATE, { input: care })
      expect(r.data.reimbursementRequestEstimate.estimate).toMatchObject({ socialSecurityStatementAsked: false, usedReferenceBase: false, socialSecurityCents: 0 })
      expect(r.data.reimbursementRequestEstimate.estimate.explanation.join('\n')).not.toContain('décompte')
      const withDecompte = await benoit.gql(SUBMIT, { input: { ...care, socialSecurityPaidCents: 1000, attachmentIds: [await uploadId(benoit)] } })
      expect(withDecompte.data.submitReimbursementRequest.errors).toEqual([{ field: 'socialSecurityPaidCents', code: 'NO_DECOMPTE_FOR_CARE', message: 'La Sécurité sociale ne rembourse pas ce soin (médecines douces)\u00a0: il n\'y a pas de décompte à reporter.' }])
    })

    it('refuses an amount worth less than a euro cent once converted, and pays nothing', async () => {
      const r = await benoit.gql(SUBMIT, { input: { beneficiaryId: ids['Benoit'], careType: 'PHARMACY', careDate: '2026-11-02', abroad: true, country: 'Norvège', currency: 'NOK', amountCents: 5, attachmentIds: [await uploadId(benoit)] } })
      expect(r.data.submitReimbursementRequest.procedure).toBeNull()
      expect(r.data.submitReimbursementRequest.errors).toEqual([{ field: 'amountCents', code: 'ROUNDS_TO_ZERO', message: 'Ce montant vaut moins d\'un centime d\'euro une fois converti\u00a0: vérifiez le montant et la devise.' }])
    })

    it('converts abroad and gives the rate\'s date', async () => {
      const r = await benoit.gql(ESTIMATE, { input: { beneficiaryId: ids['Benoit'], careType: 'PHARMACY', careDate: '2026-10-02', abroad: true, country: 'États-Unis', currency: 'USD', amountCents: 12000 } })
      expect(r.data.reimbursementRequestEstimate.estimate).toMatchObject({ amountEurCents: 10361, exchangeRate: 1.1582, exchangeRateDate: '2026-10-30' })
    })

    it('checks the same rules as the submission', async () => {
      const r = await benoit.gql(ESTIMATE, { input: { beneficiaryId: ids['Noé'], careType: 'PHARMACY', careDate: '2026-12-02', abroad: false, amountCents: 100 } })
      expect(r.data.reimbursementRequestEstimate.estimate).toBeNull()
      expect(r.data.reimbursementRequestEstimate.errors.map((e: { field: string }) => e.field)).toEqual(['beneficiaryId', 'careDate'])
    })
  })

  it('keeps each household\'s démarches to itself', async () => {
    const mine = (await benoit.gql(`{ procedures(first: 100) { nodes { id } } }`)).data.procedures.nodes.map((n: { id: string }) => n.id)
    const theirs = (await camille.gql(`{ procedures(first: 100) { totalCount nodes { id beneficiary { firstName } } } }`)).data.procedures
    const camilleId = app.db.select().from(membersTable).where(eq(membersTable.email, DEMO_ACCOUNTS.camille.email)).get()!.id
    expect(theirs.totalCount).toBe(app.db.select().from(proceduresTable).where(eq(proceduresTable.memberId, camilleId)).all().length)
    expect(theirs.nodes.some((n: { id: string }) => mine.includes(n.id))).toBe(false)
  })
})
