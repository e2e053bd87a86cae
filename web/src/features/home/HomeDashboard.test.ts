import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { HomeDashboardQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { spokenText, visibleText } from '../../test/text'
import HomeDashboard from './HomeDashboard.vue'

const benoit = { __typename: 'Beneficiary', id: 'b1', firstName: 'Benoit' } as const

const dashboard: HomeDashboardQuery = {
  __typename: 'Query',
  me: { __typename: 'Member', id: 'm1', firstName: 'Benoit' },
  insuranceCard: {
    __typename: 'InsuranceCard',
    id: 'card-2026',
    cardNumber: '202897774',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    contract: { __typename: 'Contract', id: 'c1', label: 'Garanties sociale interministériel', option: 'Option A' },
  },
  procedures: {
    __typename: 'ProcedureConnection',
    nodes: [
      {
        __typename: 'Procedure',
        id: 'p1',
        kind: 'REIMBURSEMENT',
        status: 'ACCEPTED',
        submittedAt: '2026-06-05T08:00:00Z',
        careType: 'DENTAL',
        careDate: '2026-06-04',
        beneficiary: { __typename: 'Beneficiary', id: 'b5', firstName: 'Léa' },
      },
      {
        __typename: 'Procedure',
        id: 'p2',
        kind: 'REIMBURSEMENT',
        status: 'SUBMITTED',
        submittedAt: '2026-02-13T08:00:00Z',
        careType: 'OPTICS',
        careDate: '2026-02-12',
        beneficiary: { __typename: 'Beneficiary', id: 'b2', firstName: 'Sarah' },
      },
    ],
  },
  missingDocuments: { __typename: 'ProcedureConnection', totalCount: 0, nodes: [] },
  commercialJourneys: [{ __typename: 'CommercialJourney', id: 'j1', status: 'IN_PROGRESS' }],
  reimbursements: {
    __typename: 'ReimbursementConnection',
    nodes: [
      { __typename: 'Reimbursement', id: 'r1', careType: 'PHARMACY', paymentDate: '2026-08-25', reimbursedCents: 4500, beneficiary: benoit },
      { __typename: 'Reimbursement', id: 'r2', careType: 'OPTICS', paymentDate: '2026-07-25', reimbursedCents: 40923, beneficiary: benoit },
      { __typename: 'Reimbursement', id: 'r3', careType: 'PHARMACY', paymentDate: '2026-07-03', reimbursedCents: 441, beneficiary: benoit },
    ],
  },
  news: {
    __typename: 'NewsItemConnection',
    nodes: [
      { __typename: 'NewsItem', id: 'n1', kind: 'NEWS', title: 'Nouveaux tarifs', summary: 'Ce qui change au 1er janvier.' },
      { __typename: 'NewsItem', id: 'n2', kind: 'OFFER', title: 'Voyage', summary: 'Partez couvert : assistance et rapatriement à l’étranger.' },
    ],
  },
}

async function mountDashboard(answer: Parameters<typeof createTestClient>[0][string]) {
  const { provide } = createTestClient({ HomeDashboard: answer })
  const router = await createTestRouter()
  return mount(HomeDashboard, { global: { provide, plugins: [router] } })
}

function section(wrapper: Awaited<ReturnType<typeof mountDashboard>>, title: string) {
  const heading = wrapper.findAll('h2').find(element => element.text() === title)
  if (!heading) throw new Error(`no block "${title}"`)
  return wrapper.get(`section[aria-labelledby="${heading.attributes('id')}"]`)
}

describe('HomeDashboard', () => {
  it('greets the member by first name', async () => {
    const wrapper = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Bonjour Benoit'))
  })

  it('shows the tiers-payant card with its contract, year and number, and links to it', async () => {
    const wrapper = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(wrapper.text()).toContain('202897774'))
    const card = section(wrapper, 'Ma carte de tiers payant')
    expect(card.text()).toContain('Garanties sociale interministériel / Option A')
    expect(card.text()).toContain('2026')
    expect(card.get('a[href="/ma-mutuelle/carte"]').text()).toBe('Voir ma carte')
  })

  it('lists the latest démarches with their status in words', async () => {
    const wrapper = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Mes démarches'))
    const rows = section(wrapper, 'Mes démarches').findAll('li')
    expect(rows.map(spokenText)).toEqual([
      'Soins dentaires le 04/06/2026 pour Léa, statut : Acceptée',
      'Soins optiques le 12/02/2026 pour Sarah, statut : En cours',
    ])
    expect(rows.map(row => visibleText(row.get('.base-badge')))).toEqual(['Acceptée', 'En cours'])
    expect(section(wrapper, 'Mes démarches').get('a[href="/demarches"]').text()).toBe('Voir toutes mes démarches')
  })

  it('says first which démarches wait for a document, with a link to each', async () => {
    const quote = { __typename: 'Procedure', id: 'p9', kind: 'QUOTE', status: 'MISSING_DOCUMENTS', submittedAt: '2026-10-24T08:00:00Z', careType: 'DENTAL', careDate: null, beneficiary: benoit } as const
    const wrapper = await mountDashboard({ data: { ...dashboard, missingDocuments: { __typename: 'ProcedureConnection', totalCount: 1, nodes: [quote] } } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Pièces manquantes'))
    const block = section(wrapper, 'Pièces manquantes')
    expect(wrapper.get('.home__main').element.firstElementChild).toBe(block.element)
    expect(spokenText(block)).toContain('Une démarche attend un document de votre part.')
    const link = block.get('a[href="/demarches#demarche-p9"]')
    expect(spokenText(link)).toMatch(/pour Benoit : ajouter les pièces$/)
    expect(block.find('a[href="/demarches?statut=MISSING_DOCUMENTS"]').exists()).toBe(false)

    const none = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(none.text()).toContain('Mes démarches'))
    expect(none.text()).not.toContain('Pièces manquantes')
  })

  it('offers to resume a démarche commerciale left unfinished', async () => {
    const wrapper = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Mes démarches'))
    expect(section(wrapper, 'Mes démarches').get('a[href="/offre-et-devis"]').text()).toBe('Reprendre mon parcours')
    const none = await mountDashboard({ data: { ...dashboard, commercialJourneys: [] } })
    await vi.waitFor(() => expect(none.text()).toContain('Mes démarches'))
    expect(section(none, 'Mes démarches').find('a[href="/offre-et-devis"]').exists()).toBe(false)
  })

  it('lists the latest reimbursements with care, amount and payment date', async () => {
    const wrapper = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Prestations'))
    const block = section(wrapper, 'Prestations')
    expect(spokenText(block.get('a[href="/remboursements/r1"]'))).toBe('Pharmacie pour Benoit, payé le 25/08/2026, remboursé : 45,00 €')
    expect(visibleText(block.get('a[href="/remboursements/r1"] .home-list__amount'))).toBe('45,00 €')
    expect(visibleText(block.get('a[href="/remboursements/r1"] .home-list__meta'))).toBe('Benoit · 25/08/2026')
    expect(spokenText(block.get('a[href="/remboursements/r2"]'))).toBe('Optique pour Benoit, payé le 25/07/2026, remboursé : 409,23 €')
    expect(block.get('a[href="/remboursements"]').text()).toBe('Consulter tous mes remboursements')
  })

  it('puts forward the offer, not the plain news', async () => {
    const wrapper = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Vos offres et services'))
    const block = section(wrapper, 'Vos offres et services')
    expect(block.get('h3').text()).toBe('Voyage')
    expect(block.get('a[href="/actualites/n2"]').text()).toBe('Lire l\'actualité')
    expect(wrapper.text()).not.toContain('Nouveaux tarifs')
  })

  it('offers the contract shortcuts', async () => {
    const wrapper = await mountDashboard({ data: dashboard })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Mon contrat'))
    const links = section(wrapper, 'Mon contrat').findAll('a').map(link => [spokenText(link), link.attributes('href')])
    expect(links).toEqual([
      ['Demander un remboursement', '/remboursements/demande'],
      ['Envoyer un devis', '/devis'],
      ['Comprendre mes garanties', '/ma-mutuelle/garanties'],
      ['Nous contacter', '/messagerie/nouveau'],
      ['Voir mes autres contrats', '/ma-mutuelle/contrats'],
    ])
  })

  it('says it is loading, then says in French when the space cannot be shown', async () => {
    const wrapper = await mountDashboard(new Error('Failed to fetch'))
    expect(wrapper.get('[role="status"]').text()).toBe('Chargement de votre espace…')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toContain('Nous ne parvenons pas à afficher votre espace')
    expect(wrapper.get('[role="alert"] button').text()).toBe('Réessayer')
  })

  it('tells a member without démarches or reimbursements that there is none yet', async () => {
    const empty: HomeDashboardQuery = {
      ...dashboard,
      procedures: { ...dashboard.procedures, nodes: [] },
      reimbursements: { ...dashboard.reimbursements, nodes: [] },
    }
    const wrapper = await mountDashboard({ data: empty })
    await vi.waitFor(() => expect(wrapper.text()).toContain("Vous n'avez aucune démarche en cours."))
    expect(wrapper.text()).toContain('Aucun remboursement pour le moment.')
    // and what to do next
    expect(wrapper.get('.home-list__empty a[href="/remboursements/demande"]').text()).toBe('demandez son remboursement')
  })
})
