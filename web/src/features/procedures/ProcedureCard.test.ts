import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ProcedureItemFragment } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { visibleText } from '../../test/text'
import ProcedureCard from './ProcedureCard.vue'

const base: ProcedureItemFragment = {
  __typename: 'Procedure',
  id: 'p1',
  kind: 'REIMBURSEMENT',
  status: 'SUBMITTED',
  reference: 'DEM-2026-115353',
  submittedAt: '2026-11-26T10:00:00.000Z',
  estimatedDecisionDate: '2026-12-10',
  decidedAt: null,
  decisionNote: null,
  careType: 'CONSULTATION',
  careDate: '2026-11-20',
  abroad: false,
  country: null,
  currency: 'EUR',
  amountCents: 4500,
  amountEurCents: 4500,
  providerName: 'Dr Sophie Lambert',
  beneficiary: { __typename: 'Beneficiary', id: 'b5', firstName: 'Léa' },
  history: [{ __typename: 'ProcedureEvent', status: 'SUBMITTED', at: '2026-11-26T10:00:00.000Z', note: null }],
  attachments: [{ __typename: 'ProcedureAttachment', id: 'f1', name: 'facture.pdf', mimeType: 'application/pdf', sizeBytes: 2048 }],
  reimbursement: null,
  bankAccountChange: null,
}

async function mountCard(procedure: ProcedureItemFragment) {
  const { provide } = createTestClient({})
  const router = await createTestRouter('/demarches')
  return mount(ProcedureCard, { props: { procedure }, global: { provide, plugins: [router] } })
}

describe('ProcedureCard', () => {
  it('shows a request in progress with its reference, estimated decision date and documents', async () => {
    const card = await mountCard(base)
    expect(card.get('h3').text()).toBe('Consultation le 20/11/2026 pour Léa')
    expect(card.attributes('aria-labelledby')).toBe(card.get('h3').attributes('id'))
    expect(card.text()).toContain('Référence DEM-2026-115353')
    expect(visibleText(card.get('.base-badge'))).toBe('En cours')
    expect(card.get('.procedure__estimate').text()).toBe('Décision estimée le 10 décembre 2026')
    expect(card.get('a[href="/api/files/f1"]').text()).toBe('facture.pdf')
    expect(card.get('.timeline').text()).toContain('Demande envoyée le 26/11/2026')
  })

  it('gives the reason of a refusal and no estimated date', async () => {
    const card = await mountCard({
      ...base,
      status: 'REJECTED',
      decidedAt: '2026-11-27T09:00:00.000Z',
      decisionNote: 'Acte non couvert par votre contrat.',
      history: [...base.history, { __typename: 'ProcedureEvent', status: 'REJECTED', at: '2026-11-27T09:00:00.000Z', note: 'Acte non couvert par votre contrat.' }],
    })
    expect(card.find('.procedure__estimate').exists()).toBe(false)
    expect(card.findAll('.procedure__note p').map(p => p.text())).toEqual(['Motif du refus', 'Acte non couvert par votre contrat.'])
    expect(card.get('.timeline').text()).toContain('Refusée le 27/11/2026')
  })

  it('asks for the missing documents with an upload form', async () => {
    const card = await mountCard({ ...base, status: 'MISSING_DOCUMENTS', decisionNote: 'Merci de joindre l\'ordonnance.' })
    expect(card.get('.procedure__note').text()).toContain('Pièces demandées')
    expect(card.get('form h4').text()).toBe('Ajouter les pièces demandées')
    expect(card.find('input[type="file"]').exists()).toBe(true)
    expect(card.find('.procedure__estimate').exists()).toBe(false)
  })

  it('links an accepted request to the reimbursement it paid', async () => {
    // paid eleven months ago: the transfer is done, with the same words and euros as the reimbursements list
    const card = await mountCard({ ...base, status: 'ACCEPTED', decisionNote: 'Demande acceptée.', reimbursement: { __typename: 'Reimbursement', id: 'r9', mutuelleCents: 2400, paymentDate: '2025-12-28', payee: 'MEMBER' } })
    expect(visibleText(card.get('a[href="/remboursements/r9"]'))).toBe('Voir le remboursement (remboursé par votre mutuelle : 24,00 €)')
    expect(card.text()).toContain('Virement effectué le 28/12/2025')
    expect(card.text()).not.toContain('en cours de virement')
  })
})
