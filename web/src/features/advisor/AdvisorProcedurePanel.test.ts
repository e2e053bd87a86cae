import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AdvisorDecideProcedureMutation, AdvisorProcedureDetailFragment, AdvisorProcedureQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { pieces } from '../../test/pieces'
import AdvisorProcedurePanel from './AdvisorProcedurePanel.vue'

const procedure: AdvisorProcedureDetailFragment = {
  __typename: 'AdvisorProcedure',
  id: 'p7',
  kind: 'REIMBURSEMENT',
  status: 'SUBMITTED',
  reference: 'DEM-2026-115354',
  submittedAt: '2026-11-26T10:00:00.000Z',
  estimatedDecisionDate: '2026-11-20',
  decidedAt: null,
  decisionNote: null,
  careType: 'CONSULTATION',
  careDate: '2026-10-18',
  abroad: true,
  country: 'États-Unis',
  currency: 'USD',
  amountCents: 18000,
  amountEurCents: 15541,
  exchangeRate: 1.1582,
  socialSecurityBaseCents: null,
  socialSecurityPaidCents: null,
  providerName: null,
  beneficiary: { __typename: 'AdvisorBeneficiary', id: 'b4', firstName: 'Hélia', lastName: 'Garnier', relationship: 'CHILD' },
  history: [{ __typename: 'ProcedureEvent', status: 'SUBMITTED', at: '2026-11-26T10:00:00.000Z', note: null }],
  attachments: [{ __typename: 'ProcedureAttachment', id: 'f1', name: 'Invoice clinic Boston.pdf', mimeType: 'application/pdf', sizeBytes: 2048 }],
  reimbursement: null,
  bankAccountChange: null,
  beneficiaryRequest: null,
  dataRightsRequest: null,
  coverageAgreement: null,
  optionChange: null,
}

const task: AdvisorProcedureQuery = {
  __typename: 'Query',
  advisorProcedure: {
    __typename: 'ProcedureTask',
    id: 'p7',
    waitingDays: 6,
    overdue: true,
    member: { __typename: 'AdvisorMemberSummary', memberNumber: '202897774', firstName: 'Benoit', lastName: 'Garnier' },
    procedure,
  },
}

const accepted: AdvisorDecideProcedureMutation = {
  __typename: 'Mutation',
  decideProcedure: {
    __typename: 'ProcedurePayload',
    errors: [],
    task: {
      __typename: 'ProcedureTask',
      id: 'p7',
      waitingDays: 6,
      overdue: false,
      procedure: {
        ...procedure,
        status: 'ACCEPTED',
        decidedAt: '2026-11-26T11:00:00.000Z',
        decisionNote: 'Demande acceptée : 46,62 € versés par votre mutuelle sur votre compte.',
        history: [...procedure.history, { __typename: 'ProcedureEvent', status: 'ACCEPTED', at: '2026-11-26T11:00:00.000Z', note: 'Demande acceptée : 46,62 € versés par votre mutuelle sur votre compte.' }],
        reimbursement: { __typename: 'AdvisorReimbursement', id: 'r1', expenseCents: 15541, socialSecurityBaseCents: 3000, socialSecurityCents: 1900, withheldCents: 200, withholdingKind: 'PARTICIPATION_FORFAITAIRE', mutuelleCents: 4662, outOfPocketCents: 8979, paymentDate: '2026-11-26' },
      },
    },
  },
}

async function mountPanel() {
  const api = createTestClient({ AdvisorProcedure: { data: task }, AdvisorDecideProcedure: { data: accepted } })
  const router = await createTestRouter('/conseiller/demarches/p7')
  const wrapper = mount(AdvisorProcedurePanel, { props: { id: 'p7', backTo: '/conseiller?type=REIMBURSEMENT' }, global: { provide: api.provide, plugins: [router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('form').exists()).toBe(true))
  return { ...api, wrapper }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('AdvisorProcedurePanel', () => {
  it('shows the whole request: care, place abroad, amounts paid and converted, documents, delay', async () => {
    const { wrapper } = await mountPanel()
    expect(wrapper.get('h1').text()).toBe('Consultation le 18/10/2026 pour Hélia')
    expect(pieces(wrapper.get('.advisor-procedure__lead'))).toBe('Référence DEM-2026-115354 En cours En retard')
    const facts = pieces(wrapper.get('.facts-stack'))
    for (const text of ['Hélia Garnier (enfant)', 'À l\'étranger : États-Unis', 'Montant payé (USD) 180,00 $US', 'Montant converti en euros 155,41 € (1 € = 1,1582 USD)', 'Base de remboursement (BRSS) Non fourni par l\'adhérent', 'N° d\'adhérent 202897774', 'En attente depuis 6 jours'])
      expect(facts).toContain(text)
    expect(wrapper.get('a[href="/api/files/f1"]').text()).toBe('Invoice clinic Boston.pdf')
  })

  it('after an acceptance, confirms it with the reimbursement the engine computed and a way back to the queue', async () => {
    const { wrapper } = await mountPanel()
    await wrapper.get('input[type="radio"][value="ACCEPT"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('.advisor-procedure__done').exists()).toBe(true))
    const heading = wrapper.get('.advisor-procedure__done h3')
    expect(heading.text()).toBe('Décision enregistrée')
    await vi.waitFor(() => expect(document.activeElement).toBe(heading.element))
    expect(wrapper.find('form').exists()).toBe(false)
    const amounts = wrapper.findAll('.decision-summary__amounts > div').map(row => pieces(row))
    expect(amounts).toEqual([
      'Dépense 155,41 €',
      'Base de remboursement (BRSS) 30,00 €',
      'Part de la Sécurité sociale 19,00 €',
      'Participation forfaitaire retenue 2,00 €',
      'Part de la mutuelle, versée à l\'adhérent 46,62 €',
      'Reste à charge 89,79 €',
    ])
    expect(wrapper.get('.base-card__footer a').attributes('href')).toBe('/conseiller?type=REIMBURSEMENT')
    // decided: no longer late, as the server's task now says
    expect(pieces(wrapper.get('.advisor-procedure__lead'))).toBe('Référence DEM-2026-115354 Acceptée')
  })
})
