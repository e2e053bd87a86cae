import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReimbursementRequestOptionsQuery, SubmitReimbursementRequestMutation, ViewerQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { loadDraft, saveDraft } from './request-draft'
import { emptyForm } from './request-form'
import RequestWizard from './RequestWizard.vue'

const viewer: ViewerQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', role: 'MEMBER', displayName: 'Benoit Garnier', member: { __typename: 'Member', id: 'm1', firstName: 'Benoit' } } }
const options: ReimbursementRequestOptionsQuery = {
  __typename: 'Query',
  beneficiaries: [
    { __typename: 'Beneficiary', id: 'b1', firstName: 'Benoit', lastName: 'Garnier', relationship: 'SELF', coverageStart: '2022-01-01', coverageEnd: null },
    { __typename: 'Beneficiary', id: 'b5', firstName: 'Léa', lastName: 'Garnier', relationship: 'CHILD', coverageStart: '2023-01-01', coverageEnd: null },
  ],
  exchangeRates: { __typename: 'ExchangeRateTable', date: '2026-10-30', rates: [{ __typename: 'ExchangeRate', currency: 'EUR', label: 'Euro', unitsPerEuro: 1 }] },
}
const estimate = {
  data: {
    __typename: 'Query',
    reimbursementRequestEstimate: {
      __typename: 'ReimbursementEstimatePayload',
      errors: [],
      estimate: { __typename: 'ReimbursementEstimate', amountEurCents: 4500, exchangeRate: null, exchangeRateDate: null, socialSecurityBaseCents: 3000, socialSecurityRatePercent: 70, usedReferenceBase: true, socialSecurityCents: 2100, withheldCents: 0, mutuelleCents: 2400, outOfPocketCents: 0, guaranteeLabel: 'Consultations', socialSecurityStatementAsked: true, shares: [{ __typename: 'ContractShare', amountCents: 2400, contract: { __typename: 'Contract', id: 'c-main', label: 'Garanties sociale interministériel' } }], explanation: ['Dépense\u00a0: 45,00 €'] },
    },
  },
}
const refusedEstimate = {
  data: {
    __typename: 'Query',
    reimbursementRequestEstimate: { __typename: 'ReimbursementEstimatePayload', estimate: null, errors: [{ __typename: 'UserError', field: 'careDate', code: 'TOO_OLD', message: 'Les soins de plus de 2 ans ne peuvent plus être remboursés\u00a0: indiquez une date à partir du 26/11/2024.' }] },
  },
}
const settings = { data: { __typename: 'Query', portalSettings: { __typename: 'PortalSettings', healthDirectoryUrl: 'https://annuaire.sante.fr' } } }
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
const complete = { ...emptyForm(), beneficiaryId: 'b5', careType: 'CONSULTATION', careDate: yesterday, amount: '45', place: 'FRANCE', hasDecompte: 'NO', files: [{ id: 'f1', name: 'facture.pdf', sizeBytes: 10, mimeType: 'application/pdf' }] }

async function mountWizard(submit?: SubmitReimbursementRequestMutation, estimated: typeof estimate | typeof refusedEstimate = estimate) {
  const api = createTestClient({
    Viewer: { data: viewer },
    ReimbursementRequestOptions: { data: options },
    PortalSettings: settings,
    ReimbursementRequestEstimate: estimated,
    ...(submit ? { SubmitReimbursementRequest: { data: submit } } : {}),
  })
  const router = await createTestRouter('/remboursements/demande')
  const wrapper = mount(RequestWizard, { global: { provide: api.provide, plugins: [router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.find('form h2').exists()).toBe(true))
  return { ...api, router, wrapper }
}

const heading = (wrapper: Awaited<ReturnType<typeof mountWizard>>['wrapper']) => wrapper.get('form h2')
const button = (wrapper: Awaited<ReturnType<typeof mountWizard>>['wrapper'], text: string) => wrapper.findAll('button').find(b => b.text() === text)!

afterEach(() => sessionStorage.clear())

describe('RequestWizard', () => {
  it('announces each step, moves focus to its heading and marks it current', async () => {
    const { wrapper } = await mountWizard()
    expect(heading(wrapper).text()).toBe('Étape 1 sur 5\u00a0: Bénéficiaire')
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Bénéficiaire')
    expect(wrapper.text()).toContain('Sélectionnez le bénéficiaire concerné par la demande.')
    await wrapper.get('input[type="radio"][value="b5"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 2 sur 5\u00a0: Type de soin'))
    expect(document.activeElement).toBe(heading(wrapper).element)
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Type de soin')
    await button(wrapper, 'Étape précédente').trigger('click')
    expect(heading(wrapper).text()).toBe('Étape 1 sur 5\u00a0: Bénéficiaire')
    wrapper.unmount()
  })

  it('ties a missing choice to its field and keeps the step', async () => {
    const { wrapper } = await mountWizard()
    await wrapper.get('form').trigger('submit')
    const group = wrapper.get('fieldset')
    await vi.waitFor(() => expect(group.attributes('aria-describedby')).toBeTruthy())
    expect(wrapper.get(`#${group.attributes('aria-describedby')}`).text()).toBe('Erreur\u00a0: Choisissez le bénéficiaire des soins.')
    expect(document.activeElement).toBe(wrapper.get('input[type="radio"]').element)
    expect(heading(wrapper).text()).toBe('Étape 1 sur 5\u00a0: Bénéficiaire')
    wrapper.unmount()
  })

  it('keeps the care step when the server refuses what it says, in the server\'s words', async () => {
    saveDraft('m1', 2, { ...complete, careDate: '2020-01-15' })
    const { wrapper, requests } = await mountWizard(undefined, refusedEstimate)
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 2 sur 5\u00a0: Type de soin'))
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('Les soins de plus de 2 ans ne peuvent plus être remboursés\u00a0: indiquez une date à partir du 26/11/2024.'))
    expect(heading(wrapper).text()).toBe('Étape 2 sur 5\u00a0: Type de soin')
    expect(requests.find(r => r.operationName === 'ReimbursementRequestEstimate')!.variables.input).toMatchObject({ careDate: '2020-01-15', abroad: false })
    wrapper.unmount()
  })

  it('asks no Social Security décompte for médecines douces, as the server says after the care step', async () => {
    saveDraft('m1', 2, { ...complete, careType: 'ALTERNATIVE_MEDICINE', amount: '60', place: '', hasDecompte: '' })
    const noDecompte = structuredClone(estimate)
    Object.assign(noDecompte.data.reimbursementRequestEstimate.estimate, { socialSecurityStatementAsked: false, usedReferenceBase: false, socialSecurityBaseCents: 0, socialSecurityRatePercent: 0, socialSecurityCents: 0 })
    const { wrapper } = await mountWizard(undefined, noDecompte)
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 2 sur 5\u00a0: Type de soin'))
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 3 sur 5\u00a0: France ou étranger'))
    expect(wrapper.text()).not.toContain('Avez-vous le décompte de la Sécurité sociale')
    expect(wrapper.text()).toContain('La Sécurité sociale ne rembourse pas ce soin\u00a0: vous n\'avez pas de décompte à fournir.')
    // answering only where the care was received is enough
    await wrapper.get('input[type="radio"][value="FRANCE"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 4 sur 5\u00a0: Justificatifs'))
    expect(wrapper.text()).not.toContain('décompte')
    wrapper.unmount()
  })

  it('comes back to the step of a field the server refused, with its French message', async () => {
    saveDraft('m1', 5, complete)
    const refused: SubmitReimbursementRequestMutation = {
      __typename: 'Mutation',
      submitReimbursementRequest: { __typename: 'ProcedurePayload', procedure: null, errors: [{ __typename: 'UserError', field: 'careDate', code: 'NOT_COVERED', message: 'Le 25/11/2026, Léa ne bénéficiait pas de votre contrat.' }] },
    }
    const { wrapper, requests } = await mountWizard(refused)
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 5 sur 5\u00a0: Récapitulatif'))
    await vi.waitFor(() => expect(wrapper.text()).toContain('Estimation indicative'))
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 2 sur 5\u00a0: Type de soin'))
    expect(wrapper.text()).toContain('Le 25/11/2026, Léa ne bénéficiait pas de votre contrat.')
    expect(requests.find(r => r.operationName === 'SubmitReimbursementRequest')!.variables.input).toMatchObject({ beneficiaryId: 'b5', careType: 'CONSULTATION', amountCents: 4500, abroad: false, currency: 'EUR', attachmentIds: ['f1'] })
    // the draft stays until the request is accepted
    expect(loadDraft('m1')).not.toBeNull()
    wrapper.unmount()
  })

  it('clears the draft once sent and opens Mes démarches on the new request', async () => {
    saveDraft('m1', 5, complete)
    const accepted: SubmitReimbursementRequestMutation = {
      __typename: 'Mutation',
      submitReimbursementRequest: { __typename: 'ProcedurePayload', errors: [], procedure: { __typename: 'Procedure', id: 'p9', reference: 'DEM-2026-115400', status: 'SUBMITTED', estimatedDecisionDate: '2026-12-10' } },
    }
    const { wrapper, router } = await mountWizard(accepted)
    await vi.waitFor(() => expect(heading(wrapper).text()).toBe('Étape 5 sur 5\u00a0: Récapitulatif'))
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/demarches#demarche-p9'))
    expect(loadDraft('m1')).toBeNull()
    wrapper.unmount()
  })

  it('links to the bank details and to the configured health professionals directory', async () => {
    const { wrapper } = await mountWizard()
    expect(wrapper.get('a[href="/mon-compte/informations-bancaires"]').text()).toContain('coordonnées bancaires')
    await vi.waitFor(() => expect(wrapper.get('a[href="https://annuaire.sante.fr"]').text()).toContain('Rechercher un professionnel de santé'))
    expect(wrapper.get('a[href="https://annuaire.sante.fr"]').attributes('rel')).toBe('noopener noreferrer')
    wrapper.unmount()
  })
})
