import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { InsuranceCardPageQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { pieces } from '../../test/pieces'
import { createTestRouter } from '../../test/router'
import InsuranceCardView from './InsuranceCardView.vue'
import { svgDataUrl } from './useInsuranceCard'

const domain = (code: string, label: string) => ({ __typename: 'CareDomain' as const, code, label })
const page: InsuranceCardPageQuery = {
  __typename: 'Query',
  contracts: [
    { __typename: 'Contract', id: 'c-main', label: 'Garanties sociale interministériel', option: 'Option A', number: 'GSI-2022-0412873', main: true },
    { __typename: 'Contract', id: 'c-renfort', label: 'Horizon Renfort', option: 'Confort', number: 'HRF-2024-0098214', main: false },
  ],
  insuranceCard: {
    __typename: 'InsuranceCard',
    id: 'card-1',
    cardNumber: '202897774',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    amcNumber: '88612004',
    conventionType: 'TP',
    routingCriterion: 'SP',
    memberNumber: '202897774',
    dataMatrixText: 'IAMC1|AMC=88612004',
    dataMatrixSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    contract: { __typename: 'Contract', id: 'c-main', label: 'Garanties sociale interministériel', option: 'Option A', responsible: true },
    beneficiaries: [
      { __typename: 'CardBeneficiary', firstName: 'Benoit', lastName: 'Garnier', birthDate: '1984-03-21', rank: 1, careDomains: [domain('PHAR', 'Pharmacie'), domain('OPTI', 'Optique')] },
      { __typename: 'CardBeneficiary', firstName: 'Léa', lastName: 'Garnier', birthDate: '2019-04-27', rank: 5, careDomains: [domain('PHAR', 'Pharmacie')] },
    ],
    legend: [domain('PHAR', 'Pharmacie'), domain('OPTI', 'Optique')],
  },
}

async function mountCard() {
  const { provide, requests } = createTestClient({ InsuranceCardPage: { data: page } })
  const router = await createTestRouter('/ma-mutuelle/carte')
  const wrapper = mount(InsuranceCardView, { props: { contractId: null }, global: { provide, plugins: [router] } })
  await vi.waitFor(() => expect(wrapper.text()).toContain('202897774'))
  return { wrapper, requests }
}

describe('InsuranceCardView', () => {
  it('draws the front with the year, contract, card number and the harmonised fields', async () => {
    const { wrapper } = await mountCard()
    const front = wrapper.get('section[aria-label="Recto de la carte"]')
    expect(pieces(front, 'spoken')).toContain('Année 2026')
    expect(pieces(front)).toContain('Garanties sociale interministériel / Option A N° de carte 202897774 Contrat responsable')
    expect(pieces(front.get('.card-recto__pave'))).toBe('N° AMC 88612004 Type de convention TP Critère de routage SP N° d\'adhérent 202897774 Période de validité du 01/01/2026 au 31/12/2026')
    const code = front.get('img')
    expect(code.attributes('alt')).toBe('Code DataMatrix des informations de tiers payant')
    expect(code.attributes('src')).toBe(svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))
  })

  it('lists every beneficiary with the domains under tiers payant, said in words, and the legend of the codes', async () => {
    const { wrapper } = await mountCard()
    const rows = wrapper.findAll('tbody tr')
    expect(rows.map(row => pieces(row, 'spoken'))).toEqual([
      'Benoit Garnier 21/03/1984 01 Pharmacie : oui Optique : oui',
      'Léa Garnier 27/04/2019 05 Pharmacie : oui Optique : non',
    ])
    expect(pieces(wrapper.get('.card-verso__legend'))).toBe('PHAR Pharmacie OPTI Optique')
  })

  it('downloads the card and the attestation of the contract shown, and links to the other contract', async () => {
    const { wrapper } = await mountCard()
    expect(wrapper.get('a[href="/api/insurance-card.pdf?contractId=c-main"]').text()).toBe('Télécharger ma carte (PDF)')
    expect(wrapper.get('a[href="/api/attestation-de-droits.pdf?contractId=c-main"]').attributes('download')).toBeDefined()
    expect(wrapper.get('nav a[href="/ma-mutuelle/carte?contrat=c-renfort"]').attributes('aria-current')).toBeUndefined()
    expect(wrapper.get('nav a[href="/ma-mutuelle/carte"]').attributes('aria-current')).toBe('page')
  })
})

describe('svgDataUrl', () => {
  it('turns markup into an image source, never into HTML', () => {
    expect(svgDataUrl('<svg a="b"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%22b%22%2F%3E')
  })
})
