import { describe, expect, it } from 'vitest'
import { queryFromQueueKind, queueKindFromQuery } from './advisor-queue-filter'
import { advisorTaskTitle, beneficiaryLabel, queueCountLabel, requestAmount, waitingLabel } from './advisor-labels'

const plain = (text: string | null | undefined) => text?.replace(/[\u00A0\u202F]/g, ' ')

describe('the advisor queue\'s words', () => {
  it('names a claim by its care, and other démarches by their kind, in the third person', () => {
    expect(advisorTaskTitle({ kind: 'REIMBURSEMENT', careType: 'OPTICS', careDate: '2026-02-12', submittedAt: '2026-11-23T12:47:00.000Z', beneficiary: { firstName: 'Sarah' } })).toBe('Soins optiques le 12/02/2026 pour Sarah')
    expect(advisorTaskTitle({ kind: 'COVERAGE_AGREEMENT', careType: 'HOSPITAL', careDate: '2026-12-16', submittedAt: '2026-12-02T09:00:00.000Z', beneficiary: { firstName: 'Léa' } })).toBe('Prise en charge (hospitalisation), soins prévus le 16/12/2026 pour Léa')
    expect(advisorTaskTitle({ kind: 'DATA_EXPORT', careType: null, careDate: null, submittedAt: '2026-11-02T09:00:00.000Z', beneficiary: null })).toBe('Demande de copie des données du 02/11/2026')
    expect(advisorTaskTitle({ kind: 'QUOTE', careType: 'DENTAL', careDate: null, submittedAt: '2026-10-17T17:22:00.000Z', beneficiary: { firstName: 'Léa' } })).toBe('Analyse de devis (soins dentaires) du 17/10/2026 pour Léa')
  })

  it('counts days of waiting and démarches', () => {
    expect([0, 1, 12].map(waitingLabel)).toEqual(['Aujourd\'hui', '1 jour', '12 jours'])
    expect([0, 1, 3].map(queueCountLabel)).toEqual(['Rien en attente', '1 tâche en attente', '3 tâches en attente'])
  })

  it('gives the euro amount, and abroad the amount in the currency paid', () => {
    expect(plain(requestAmount({ abroad: false, currency: 'EUR', amountCents: 38900, amountEurCents: 38900 })?.euros)).toBe('389,00 €')
    const abroad = requestAmount({ abroad: true, currency: 'USD', amountCents: 12000, amountEurCents: 10361 })
    expect(plain(abroad?.euros)).toBe('103,61 €')
    expect(plain(abroad?.paid)).toBe('120,00 $US')
    expect(requestAmount({ abroad: false, currency: null, amountCents: null, amountEurCents: null })).toBeNull()
  })

  it('says who a beneficiary is to the member', () => {
    expect(beneficiaryLabel({ firstName: 'Sarah', lastName: 'Garnier', relationship: 'SPOUSE' })).toBe('Sarah Garnier (conjoint(e))')
  })

  it('keeps the kind filter in the URL, finalised démarches commerciales included, ignoring unknown kinds', () => {
    expect(queueKindFromQuery({ type: 'QUOTE' })).toBe('QUOTE')
    expect(queueKindFromQuery({ type: 'AFFILIATION' })).toBe('AFFILIATION')
    expect(queueKindFromQuery({ type: 'NOPE' })).toBeNull()
    expect(queueKindFromQuery({})).toBeNull()
    expect(queryFromQueueKind('REIMBURSEMENT')).toEqual({ type: 'REIMBURSEMENT' })
    expect(queryFromQueueKind(null)).toEqual({})
  })
})
