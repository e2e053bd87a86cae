import { describe, expect, it } from 'vitest'
import { emptyForm, euroCents, type RequestForm, stepOf, toEstimateInput, toRequestInput, validateStep } from './request-form'
import { clearDraft, loadDraft, saveDraft } from './request-draft'

const context = {
  today: '2026-11-26',
  rates: [{ currency: 'EUR', unitsPerEuro: 1 }, { currency: 'CAD', unitsPerEuro: 1.6215 }],
  beneficiaries: [{ id: 'lea', firstName: 'Léa', coverageStart: '2023-01-01', coverageEnd: null }],
}

function form(more: Partial<RequestForm> = {}): RequestForm {
  return { ...emptyForm(), beneficiaryId: 'lea', careType: 'CONSULTATION', careDate: '2026-11-20', amount: '45,00', place: 'FRANCE', hasDecompte: 'NO', files: [{ id: 'f1', name: 'facture.pdf', sizeBytes: 10, mimeType: 'application/pdf' }], ...more }
}

describe('validateStep', () => {
  it('lets a complete request through every step', () => {
    for (const step of [1, 2, 3, 4, 5] as const)
      expect(validateStep(step, form(), context)).toEqual({})
  })

  it('asks for the beneficiary, the care and the amount', () => {
    expect(validateStep(1, form({ beneficiaryId: '' }), context)).toEqual({ beneficiaryId: 'Choisissez le bénéficiaire des soins.' })
    expect(validateStep(2, form({ careType: '', careDate: '', amount: '' }), context)).toEqual({
      careType: 'Choisissez le type de soin.',
      careDate: 'Indiquez la date des soins.',
      amountCents: 'Indiquez le montant payé.',
    })
  })

  it('refuses a future, too old or uncovered care date, and an unreadable amount', () => {
    expect(validateStep(2, form({ careDate: '2026-11-27' }), context).careDate).toBe('La date des soins ne peut pas être dans le futur.')
    expect(validateStep(2, form({ careDate: '2024-11-25' }), context).careDate).toContain('à partir du 26/11/2024')
    expect(validateStep(2, form({ careDate: '2022-12-31' }), { ...context, today: '2024-06-01' }).careDate).toBe('Le 31/12/2022, Léa ne bénéficiait pas de votre contrat.')
    expect(validateStep(2, form({ amount: '45,5,0' }), context).amountCents).toContain('en chiffres')
    expect(validateStep(2, form({ amount: '0' }), context).amountCents).toContain('supérieur à 0')
  })

  it('asks for the country and currency abroad, and checks the décompte against the amount', () => {
    expect(validateStep(3, form({ place: 'ABROAD' }), context)).toEqual({
      country: 'Indiquez le pays où vous avez reçu les soins.',
      currency: 'Indiquez la devise dans laquelle vous avez payé.',
    })
    expect(validateStep(3, form({ place: 'ABROAD', country: 'AUTRE', otherCountry: 'Japon', currency: 'CAD' }), context)).toEqual({})
    expect(validateStep(3, form({ hasDecompte: 'YES', socialSecurityPaid: '50' }), context).socialSecurityPaidCents).toContain('plus que vous n\'avez payé')
    expect(validateStep(3, form({ hasDecompte: 'YES', socialSecurityBase: '20', socialSecurityPaid: '21' }), context).socialSecurityPaidCents).toContain('base de remboursement')
  })

  it('needs at least one document', () => {
    expect(validateStep(4, form({ files: [] }), context).attachmentIds).toContain('au moins un justificatif')
  })
})

describe('the request sent to the server', () => {
  it('sends euros in France, the décompte only when the member has one', () => {
    expect(toRequestInput(form({ providerName: '  Dr Lambert ', hasDecompte: 'YES', socialSecurityBase: '30', socialSecurityPaid: '21,00' }))).toEqual({
      beneficiaryId: 'lea',
      careType: 'CONSULTATION',
      careDate: '2026-11-20',
      abroad: false,
      country: null,
      currency: 'EUR',
      amountCents: 4500,
      providerName: 'Dr Lambert',
      socialSecurityBaseCents: 3000,
      socialSecurityPaidCents: 2100,
      attachmentIds: ['f1'],
    })
    expect(toEstimateInput(form())).not.toHaveProperty('attachmentIds')
  })

  it('sends the country and currency abroad, and converts like the server', () => {
    const abroad = form({ place: 'ABROAD', country: 'Canada', currency: 'CAD', amount: '120' })
    expect(toRequestInput(abroad)).toMatchObject({ abroad: true, country: 'Canada', currency: 'CAD', amountCents: 12000 })
    expect(euroCents(abroad, context.rates)).toBe(7401)
  })

  it('knows on which step each field is asked', () => {
    expect([stepOf('beneficiaryId'), stepOf('careDate'), stepOf('currency'), stepOf('attachmentIds')]).toEqual([1, 2, 3, 4])
  })
})

describe('the draft', () => {
  it('comes back after a reload for the same member only', () => {
    const storage = new Map<string, string>()
    const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v), removeItem: (k: string) => storage.delete(k) } as unknown as Storage
    saveDraft('m1', 3, form(), fake)
    expect(loadDraft('m1', fake)).toEqual({ step: 3, form: form() })
    expect(loadDraft('m2', fake)).toBeNull()
    expect(loadDraft('m1', fake)).toBeNull()
    saveDraft('m1', 2, form(), fake)
    clearDraft(fake)
    expect(loadDraft('m1', fake)).toBeNull()
  })
})
