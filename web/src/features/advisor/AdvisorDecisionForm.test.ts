import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AdvisorDecideProcedureMutation, AdvisorProcedureDetailFragment, UserErrorCode } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { visibleText } from '../../test/text'
import AdvisorDecisionForm from './AdvisorDecisionForm.vue'

const procedure: AdvisorProcedureDetailFragment = {
  __typename: 'AdvisorProcedure',
  id: 'p1',
  kind: 'REIMBURSEMENT',
  status: 'SUBMITTED',
  reference: 'DEM-2026-104233',
  submittedAt: '2026-11-23T12:47:00.000Z',
  estimatedDecisionDate: '2026-12-03',
  decidedAt: null,
  decisionNote: null,
  careType: 'OPTICS',
  careDate: '2026-02-12',
  abroad: false,
  country: null,
  currency: 'EUR',
  amountCents: 38900,
  amountEurCents: 38900,
  exchangeRate: null,
  socialSecurityBaseCents: 9,
  socialSecurityPaidCents: 5,
  providerName: 'Optique Lafayette',
  beneficiary: { __typename: 'AdvisorBeneficiary', id: 'b2', firstName: 'Sarah', lastName: 'Garnier', relationship: 'SPOUSE' },
  history: [{ __typename: 'ProcedureEvent', status: 'SUBMITTED', at: '2026-11-23T12:47:00.000Z', note: null }],
  attachments: [],
  reimbursement: null,
  bankAccountChange: null,
  beneficiaryRequest: null,
  dataRightsRequest: null,
  coverageAgreement: null,
  optionChange: null,
}

function payload(errors: { field: string | null, code: UserErrorCode, message: string }[], decided?: Partial<AdvisorProcedureDetailFragment>): { data: AdvisorDecideProcedureMutation } {
  return {
    data: {
      __typename: 'Mutation',
      decideProcedure: {
        __typename: 'ProcedurePayload',
        task: errors.length ? null : { __typename: 'ProcedureTask', id: 'p1', waitingDays: 3, overdue: false, procedure: { ...procedure, ...decided } },
        errors: errors.map(e => ({ __typename: 'UserError', ...e })),
      },
    },
  }
}

function mountForm(answer: (variables: Record<string, unknown>) => ReturnType<typeof payload> | Error, status: AdvisorProcedureDetailFragment['status'] = 'SUBMITTED') {
  const api = createTestClient({ AdvisorDecideProcedure: answer })
  const wrapper = mount(AdvisorDecisionForm, { props: { procedure: { id: 'p1', status } }, global: { provide: api.provide }, attachTo: document.body })
  return { ...api, wrapper }
}

const textarea = (wrapper: ReturnType<typeof mountForm>['wrapper']) => wrapper.get('textarea')
const choose = (wrapper: ReturnType<typeof mountForm>['wrapper'], value: string) => wrapper.get(`input[type="radio"][value="${value}"]`).setValue(true)

afterEach(() => {
  document.body.innerHTML = ''
})

describe('AdvisorDecisionForm', () => {
  it('offers the three decisions in a fieldset with its legend, and a labelled note', () => {
    const { wrapper } = mountForm(() => payload([]))
    expect(wrapper.get('fieldset legend').text()).toBe('Votre décision')
    expect(wrapper.findAll('fieldset label').map(l => l.find('.base-radios__label').text())).toEqual(['Accepter', 'Refuser', 'Demander des pièces'])
    const note = textarea(wrapper)
    expect(wrapper.get(`label[for="${note.attributes('id')}"]`).text()).toBe('Note pour l\'adhérent')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Enregistrer la décision')
  })

  it('asks for a decision before sending anything', async () => {
    const { wrapper, requests } = mountForm(() => payload([]))
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('.base-radios__error').exists()).toBe(true))
    expect(visibleText(wrapper.get('.base-radios__error'))).toBe('Choisissez une décision.')
    expect(wrapper.get('fieldset').attributes('aria-describedby')).toBe(wrapper.get('.base-radios__error').attributes('id'))
    expect(requests).toEqual([])
  })

  it('shows the server\'s French error next to the note when a refusal has none, and moves focus to it', async () => {
    const { wrapper, requests } = mountForm(() => payload([{ field: 'note', code: 'REQUIRED', message: 'Expliquez à l\'adhérent pourquoi sa demande est refusée.' }]))
    await choose(wrapper, 'REJECT')
    expect(wrapper.get(`label[for="${textarea(wrapper).attributes('id')}"]`).text()).toBe('Note pour l\'adhérent (obligatoire)')
    expect(textarea(wrapper).attributes('aria-required')).toBe('true')
    await wrapper.get('form').trigger('submit')

    await vi.waitFor(() => expect(wrapper.find('.decision__error').exists()).toBe(true))
    const error = wrapper.get('.decision__error')
    expect(visibleText(error)).toBe('Expliquez à l\'adhérent pourquoi sa demande est refusée.')
    expect(error.text()).toMatch(/^Erreur\u00a0:/)
    const note = textarea(wrapper)
    expect(note.attributes('aria-invalid')).toBe('true')
    expect(note.attributes('aria-describedby')?.split(' ')).toContain(error.attributes('id'))
    expect(document.activeElement).toBe(note.element)
    expect(requests).toEqual([{ operationName: 'AdvisorDecideProcedure', variables: { procedureId: 'p1', decision: 'REJECT', note: null } }])
  })

  it('shows an error about the whole démarche above the form', async () => {
    const { wrapper } = mountForm(() => payload([{ field: null, code: 'ALREADY_DECIDED', message: 'Cette démarche a déjà été décidée.' }]))
    await choose(wrapper, 'ACCEPT')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toBe('Cette démarche a déjà été décidée.')
    expect(wrapper.find('.decision__error').exists()).toBe(false)
  })

  it('says so when the server cannot be reached', async () => {
    const { wrapper } = mountForm(() => new Error('offline'))
    await choose(wrapper, 'ACCEPT')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toContain('n\'a pas pu être enregistrée')
  })

  it('sends the documents asked with the note and hands the decided démarche over', async () => {
    const { wrapper, requests } = mountForm(() => payload([], { status: 'MISSING_DOCUMENTS', decisionNote: 'Merci de joindre la facture détaillée.' }))
    await choose(wrapper, 'REQUEST_DOCUMENTS')
    await textarea(wrapper).setValue('  Merci de joindre la facture détaillée.  ')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.emitted('decided')).toHaveLength(1))
    const [decided, decision] = wrapper.emitted('decided')![0] as [AdvisorProcedureDetailFragment, string]
    expect(decision).toBe('REQUEST_DOCUMENTS')
    expect(decided).toMatchObject({ id: 'p1', status: 'MISSING_DOCUMENTS' })
    expect(requests[0]!.variables).toEqual({ procedureId: 'p1', decision: 'REQUEST_DOCUMENTS', note: 'Merci de joindre la facture détaillée.' })
  })

  it('no longer offers to ask for documents already asked', () => {
    const { wrapper } = mountForm(() => payload([]), 'MISSING_DOCUMENTS')
    expect(wrapper.findAll('input[type="radio"]').map(i => i.attributes('value'))).toEqual(['ACCEPT', 'REJECT'])
  })
})
