import { describe, expect, it } from 'vitest'
import { emptyForm, errorsUpTo, euroCents, type RequestForm, serverCheckedInput, stepOf, toEstimateInput, toRequestInput, validateStep } from './request-form'
import { clearDraft, loadDraft, saveDraft } from './request-draft'

const context = {
  rates: [{ currency: 'EUR', unitsPerEuro: 1 }, { currency: 'CAD', unitsPerEuro: 1.6215 }],
}

function form(more: Partial<RequestForm> = {}): RequestForm {
  return { ...emptyForm(), beneficiaryId: 'lea', careType: 'CONSULTATION', careDate: '2026-11-20', amount: '45,00', place: 'FRANCE', hasDecompte: 'NO', files: [{ id: 'f1', name: 'facture.pdf', sizeBytes: 10, mimeType: 'application/pdf' }], ...more }
}

describe('validateStep', () => {
  it('lets a complete request through every step', () => {
    for (const step of [1, 2, 3, 4, 5] as const)
      expect(validateStep(step, form())).toEqual({})
  })

  it('asks for the beneficiary, the care and the amount', () => {
    expect(validateStep(1, form({ beneficiaryId: '' }))).toEqual({ beneficiaryId: 'Choisissez le bénéficiaire des soins.' })
    expect(validateStep(2, form({ careType: '', careDate: '', amount: '' }))).toEqual({
      careType: 'Choisissez le type de soin.',
      careDate: 'Indiquez la date des soins.',
      amountCents: 'Indiquez le montant payé.',
    })
  })

  it('asks for a readable date and amount, and leaves the rules of a request to the server', () => {
    expect(validateStep(2, form({ careDate: '2026-02-30' })).careDate).toContain('date valide')
    expect(validateStep(2, form({ amount: '45,5,0' })).amountCents).toContain('en chiffres')
    // a future date or a zero amount is the server's to refuse, in its own words
    expect(validateStep(2, form({ careDate: '2099-01-01', amount: '0' }))).toEqual({})
  })

  it('asks for the country and currency abroad, and a readable décompte', () => {
    expect(validateStep(3, form({ place: 'ABROAD' }))).toEqual({
      country: 'Indiquez le pays où vous avez reçu les soins.',
      currency: 'Indiquez la devise dans laquelle vous avez payé.',
    })
    expect(validateStep(3, form({ place: 'ABROAD', country: 'AUTRE', otherCountry: 'Japon', currency: 'CAD' }))).toEqual({})
    expect(validateStep(3, form({ hasDecompte: 'YES', socialSecurityPaid: '' })).socialSecurityPaidCents).toContain('répondez «\u00a0Non\u00a0»')
  })

  it('needs at least one document', () => {
    expect(validateStep(4, form({ files: [] })).attachmentIds).toContain('au moins un justificatif')
  })
})

describe('what the server checks after a step', () => {
  it('checks the care step as if in France, and the place step with the décompte', () => {
    const abroad = form({ place: 'ABROAD', country: 'Canada', currency: 'CAD', hasDecompte: 'YES', socialSecurityPaid: '10' })
    expect(serverCheckedInput(2, abroad)).toMatchObject({ abroad: false, currency: 'EUR', socialSecurityPaidCents: null })
    expect(serverCheckedInput(3, abroad)).toMatchObject({ abroad: true, currency: 'CAD', socialSecurityPaidCents: 1000 })
    expect(serverCheckedInput(1, abroad)).toBeNull()
  })

  it('shows the server\'s errors for the steps reached, not for fields still to come', () => {
    const errors = [
      { field: 'careDate', message: 'La date des soins ne peut pas être dans le futur.' },
      { field: 'socialSecurityPaidCents', message: 'Trop.' },
      { field: null, message: 'Autre.' },
    ]
    expect(errorsUpTo(2, errors)).toEqual({ careDate: 'La date des soins ne peut pas être dans le futur.' })
    expect(errorsUpTo(3, errors)).toEqual({ careDate: 'La date des soins ne peut pas être dans le futur.', socialSecurityPaidCents: 'Trop.' })
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
