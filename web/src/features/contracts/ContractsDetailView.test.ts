import { GraphQLError } from 'graphql'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { pieces } from '../../test/pieces'
import ContractsContributionsView from './ContractsContributionsView.vue'
import ContractsDetailView from './ContractsDetailView.vue'
import ContractsGuaranteesView from './ContractsGuaranteesView.vue'
import { contractDetail, guarantees } from './fixtures'

async function mountView(component: typeof ContractsDetailView | typeof ContractsGuaranteesView | typeof ContractsContributionsView, answers: Parameters<typeof createTestClient>[0], contractId: string | null = null) {
  const { provide, requests } = createTestClient(answers)
  const router = await createTestRouter('/ma-mutuelle/contrats')
  const wrapper = mount(component, { props: { contractId }, global: { provide, plugins: [router] } })
  return { wrapper, requests }
}

describe('ContractsDetailView', () => {
  it('asks for the contract of the page, the main one without an id', async () => {
    const { wrapper, requests } = await mountView(ContractsDetailView, { ContractDetail: { data: contractDetail } }, 'c-renfort')
    await vi.waitFor(() => expect(wrapper.text()).toContain('GSI-2022-0412873'))
    expect(requests[0]).toEqual({ operationName: 'ContractDetail', variables: { id: 'c-renfort' } })
  })

  it('shows product, option, number, dates, status and the monthly contribution with the employer participation', async () => {
    const { wrapper } = await mountView(ContractsDetailView, { ContractDetail: { data: contractDetail } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Cotisation mensuelle'))
    const summary = pieces(wrapper.get('.contract-summary'))
    for (const text of ['Statut En vigueur', 'Produit Garanties sociale interministériel', 'Option Option A', 'N° de contrat GSI-2022-0412873', 'Date d\'effet 01/01/2022', 'Contrat collectif (employeur), responsable', 'Cotisation totale 182,40 €', 'Participation de votre employeur − 45,00 €', 'Votre part, chaque mois 137,40 €'])
      expect(summary).toContain(text)
    expect(wrapper.get('a[href="/ma-mutuelle/carte?contrat=c-main"]').text()).toBe('Voir ma carte')
    expect(wrapper.get('a[href="/api/attestation-de-droits.pdf?contractId=c-main"]').attributes('download')).toBeDefined()
  })

  it('links to every contract of the household and marks the one shown', async () => {
    const { wrapper } = await mountView(ContractsDetailView, { ContractDetail: { data: contractDetail } })
    await vi.waitFor(() => expect(wrapper.find('nav').exists()).toBe(true))
    const links = wrapper.get('nav').findAll('a')
    expect(links.map(a => [a.attributes('href'), a.attributes('aria-current') ?? null])).toEqual([
      ['/ma-mutuelle/contrats', 'page'],
      ['/ma-mutuelle/contrats/c-renfort', null],
    ])
    expect(pieces(links[1]!, 'spoken')).toBe('Horizon Renfort / Confort N° HRF-2024-0098214')
  })

  it('lists covered people with rank 01–19 and a guarantee per line', async () => {
    const { wrapper } = await mountView(ContractsDetailView, { ContractDetail: { data: contractDetail } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Bénéficiaires couverts'))
    const coverage = wrapper.findAll('table')[0]!
    expect(coverage.findAll('tbody tr').map(tr => pieces(tr))).toEqual([
      'Benoit Garnier Adhérent principal 01 01/01/2022 —',
      'Léa Garnier Enfant 05 01/01/2023 —',
    ])
    const table = wrapper.findAll('table')[1]!
    expect(table.get('caption').text()).toBe('Tableau de garanties — Garanties sociale interministériel / Option A')
    expect(table.findAll('tbody tr').map(tr => pieces(tr, 'spoken'))).toEqual([
      'Consultation 150 % BRSS (Sécurité sociale incluse) Non concerné',
      'Soins optiques 100 % BRSS (Sécurité sociale incluse) + forfait de 450,00 € par an et par bénéficiaire 100 % Santé',
    ])
  })

  it('sums the contributions up, names a rejected debit and links to the échéancier', async () => {
    const { wrapper } = await mountView(ContractsDetailView, { ContractDetail: { data: contractDetail } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Mes cotisations'))
    const section = wrapper.get('section[aria-labelledby="contrat-cotisations"]')
    expect(section.findAll('dl > div').map(d => pieces(d))).toEqual([
      'Votre part sur l\'année 420,20 €',
      'Déjà payé 137,40 €',
      'À venir 282,80 €',
      'Prochain prélèvement 282,80 € le 05/12/2026',
    ])
    expect(pieces(section.get('[role="status"]'))).toBe('Votre banque a rejeté un prélèvement. Mes cotisations dit comment il sera réglé.')
    expect(section.get('a[href="/ma-mutuelle/cotisations?contrat=c-main"]').text()).toContain('Échéancier et mandat de prélèvement')
    // the échéancier and the forfaits are not repeated here
    expect(wrapper.find('.schedule__table').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Mes forfaits')
  })

  it('lists the contract\'s documents', async () => {
    const { wrapper } = await mountView(ContractsDetailView, { ContractDetail: { data: contractDetail } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Documents du contrat'))
    const section = wrapper.get('section[aria-labelledby="contrat-documents"]')
    expect(section.findAll('a').map(a => [pieces(a), a.attributes('href')])).toEqual([
      ['Attestation de droits (PDF)', '/api/attestation-de-droits.pdf?contractId=c-main'],
      ['Échéancier de cotisations (PDF)', '/api/echeancier-de-cotisations.pdf?contractId=c-main'],
      ['Tous mes documents', '/ma-mutuelle/documents'],
    ])
  })

  it('links every section from « Sur cette page », each to a heading of the page', async () => {
    const { wrapper } = await mountView(ContractsDetailView, { ContractDetail: { data: contractDetail } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Sur cette page'))
    const nav = wrapper.get('nav.on-this-page')
    expect(nav.get('h2').text()).toBe('Sur cette page')
    const links = nav.findAll('a')
    expect(links.map(a => [a.text(), a.attributes('href')])).toEqual([
      ['Le contrat', '#contrat-resume'],
      ['Bénéficiaires', '#contrat-beneficiaires'],
      ['Garanties', '#contrat-garanties'],
      ['Cotisations', '#contrat-cotisations'],
      ['Documents', '#contrat-documents'],
    ])
    for (const link of links) expect(wrapper.find(`h2${link.attributes('href')}`).exists()).toBe(true)
  })

  it('says so when the contract does not exist or is not the member\'s', async () => {
    const { wrapper } = await mountView(ContractsDetailView, { ContractDetail: { data: { __typename: 'Query', contracts: contractDetail.contracts, contract: null }, errors: [new GraphQLError('Élément introuvable.', { extensions: { code: 'NOT_FOUND' } })] } }, 'someone-else')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toContain('Ce contrat est introuvable.')
  })
})

describe('ContractsGuaranteesView', () => {
  it('shows what is left of each forfait and when it resets', async () => {
    const { wrapper } = await mountView(ContractsGuaranteesView, { ContractGuarantees: { data: guarantees } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Mes forfaits 2026'))
    expect(wrapper.text()).toContain('Vos forfaits se renouvellent en totalité le 1er janvier 2027.')
    const items = wrapper.findAll('.forfaits__item').map(item => pieces(item, 'spoken'))
    expect(items).toEqual([
      'Soins optiques, reste : 40,86 € utilisés 409,14 € sur 450,00 €',
      'Soins optiques, reste : 0,00 € utilisés 450,00 € sur 450,00 €',
    ])
  })

  it('works an example per care category with the split and the reasons', async () => {
    const { wrapper } = await mountView(ContractsGuaranteesView, { ContractGuarantees: { data: guarantees } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Exemples de remboursement'))
    const consultation = wrapper.get('article[aria-labelledby="garantie-g1"]')
    expect(consultation.get('h3').text()).toBe('Consultation')
    expect(pieces(consultation.get('.example__scenario'))).toBe('Pour une consultation chez un spécialiste à 50,00 € (base de remboursement 30,00 €) :')
    expect(pieces(consultation.get('.example__parts'))).toBe('Sécurité sociale 19,00 € Votre mutuelle 24,00 € Reste à votre charge 7,00 €')
    expect(consultation.findAll('details li').map(li => li.text())).toContain('Versé par votre mutuelle : 24,00 €')
    const optics = wrapper.get('article[aria-labelledby="garantie-g7"]')
    expect(pieces(optics.get('.example__basket'))).toBe('Pour des lunettes 100 % Santé (classe A) à 99,00 € : la Sécurité sociale verse 19,20 €, votre mutuelle 79,80 €, il vous reste 0,00 €.')
    expect(optics.text()).toContain('100 % Santé')
  })
})

describe('ContractsContributionsView', () => {
  it('shows the schedule with statuses in words, the rejected debit presented again with its fee, the RUM and the ICS', async () => {
    const { wrapper } = await mountView(ContractsContributionsView, { ContractContributions: { data: contractDetail } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Échéancier du 01/10/2026 au 30/09/2027'))
    const schedule = wrapper.findAll('table')[0]!
    expect(schedule.findAll('tbody tr').map(tr => pieces(tr))).toEqual([
      '05/10/2026 137,40 € 45,00 € Prélèvement SEPA Payée',
      '05/11/2026 137,40 € 45,00 € Prélèvement SEPA Rejetée Sera représentée avec le prélèvement du 05/12/2026. Frais de rejet : 8,00 €.',
      '05/12/2026 137,40 € 45,00 € Prélèvement SEPA À venir Prélèvement de 282,80 € : il inclura l\'échéance du 05/11/2026 représentée (137,40 €) et 8,00 € de frais de rejet.',
    ])
    expect(schedule.findAll('tfoot tr').map(tr => pieces(tr))).toEqual(['Frais de rejet 8,00 €', 'Total 420,20 € 135,00 €'])
    // paid + to settle + to come = the year
    expect(wrapper.findAll('.schedule__tile').map(t => pieces(t))).toEqual([
      'Votre part sur l\'année 420,20 € dont 8,00 € de frais de rejet',
      'Déjà payé 137,40 €',
      'À régler 0,00 €',
      'À venir 282,80 €',
      'Part de votre employeur 135,00 €',
    ])
    expect(pieces(wrapper.get('[role="status"]'))).toContain('Le prélèvement du 05/11/2026 a été rejeté par votre banque. Il sera représenté avec celui du 05/12/2026.')
    const mandate = pieces(wrapper.get('.schedule__mandate'))
    expect(mandate).toContain('Référence unique de mandat (RUM) HZN-RUM-202897774-0002')
    expect(mandate).toContain('Identifiant créancier SEPA (ICS) FR29ZZZ548217')
    expect(mandate).toContain('Compte débité FR76 **** * 4859 9384')
  })

  it('says how to settle a rejected debit that no debit presents again', async () => {
    const contract = contractDetail.contract!
    const [paid, rejected] = contract.contributionSchedule
    const data = {
      ...contractDetail,
      contract: {
        ...contract,
        contributionSchedule: [paid!, { ...rejected!, settlement: 'TO_SETTLE' as const, representedOn: null, note: 'À régler : aucun prélèvement ne la représente. Frais de rejet : 8,00 €.' }],
        contributionSummary: { ...contract.contributionSummary, memberTotalCents: 27480, yearlyTotalCents: 28280, paidCents: 13740, toSettleCents: 14540, upcomingCents: 0 },
      },
    }
    const { wrapper } = await mountView(ContractsContributionsView, { ContractContributions: { data } })
    await vi.waitFor(() => expect(wrapper.text()).toContain('restent à régler'))
    const alert = wrapper.get('[role="status"]')
    expect(pieces(alert)).toContain('145,40 € restent à régler')
    expect(alert.findAll('a').map(a => a.attributes('href'))).toEqual(['/mon-compte/informations-bancaires', '/messagerie/nouveau?objet=rejet-de-prelevement'])
  })
})
