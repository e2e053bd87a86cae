import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { AdvisorQueueQuery, AdvisorQueueTaskFragment } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { spokenText, visibleText } from '../../test/text'
import AdvisorQueue from './AdvisorQueue.vue'

function task(n: number, more: Partial<AdvisorQueueTaskFragment> = {}): AdvisorQueueTaskFragment {
  return {
    __typename: 'ProcedureTask',
    id: `p${n}`,
    waitingDays: 3,
    overdue: false,
    member: { __typename: 'AdvisorMemberSummary', memberNumber: '0123456789', firstName: 'Benoit', lastName: 'Garnier' },
    procedure: {
      __typename: 'AdvisorProcedure',
      id: `p${n}`,
      kind: 'REIMBURSEMENT',
      reference: `DEM-2026-10${n}`,
      submittedAt: '2026-11-23T12:47:00.000Z',
      careType: 'OPTICS',
      careDate: '2026-02-12',
      abroad: false,
      currency: 'EUR',
      amountCents: 38900,
      amountEurCents: 38900,
      beneficiary: { __typename: 'AdvisorBeneficiary', id: 'b2', firstName: 'Sarah', lastName: 'Garnier' },
    },
    ...more,
  }
}

function page(nodes: AdvisorQueueTaskFragment[], totalCount: number, endCursor: string | null): { data: AdvisorQueueQuery } {
  return { data: { __typename: 'Query', advisorQueue: { __typename: 'AdvisorTaskConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: !!endCursor, endCursor }, nodes } } }
}

async function mountQueue(answer: (variables: Record<string, unknown>) => ReturnType<typeof page>) {
  const api = createTestClient({ AdvisorQueue: answer })
  const router = await createTestRouter('/conseiller')
  const wrapper = mount(AdvisorQueue, { props: { kind: null }, global: { provide: api.provide, plugins: [router] } })
  await vi.waitFor(() => expect(wrapper.find('table').exists()).toBe(true))
  return { ...api, wrapper }
}

describe('AdvisorQueue', () => {
  it('lists each démarche with its member, beneficiary, amount, date sent and days waited, a delay said in words', async () => {
    const { wrapper } = await mountQueue(() => page([task(1, { overdue: true, waitingDays: 12 }), task(2)], 2, null))
    expect(wrapper.get('h1').text()).toBe('File de traitement')
    expect(wrapper.get('[role="status"]').text()).toBe('2 démarches en attente')
    expect(wrapper.findAll('thead th').map(th => th.text())).toEqual(['Démarche', 'Adhérent', 'Bénéficiaire', 'Montant', 'Envoyée le', 'Attente'])
    const first = wrapper.get('tbody tr')
    expect(first.get('a').attributes('href')).toBe('/conseiller/demarches/p1')
    expect(first.get('a').text()).toBe('Soins optiques le 12/02/2026 pour Sarah')
    const cells = first.findAll('td').map(td => visibleText(td))
    expect(cells).toEqual(['Benoit Garnier n° 0123456789', 'Sarah Garnier', '389,00 €', '23/11/2026', '12 jours En retard'])
    expect(spokenText(first.findAll('td').at(-1)!)).toBe('12 jours , En retard')
    expect(visibleText(wrapper.findAll('tbody tr')[1]!.findAll('td').at(-1)!)).toBe('3 jours')
    expect(wrapper.text()).not.toContain('Voir plus')
  })

  it('appends the next page with "Voir plus"', async () => {
    const { wrapper, requests } = await mountQueue(variables => (variables.after ? page([task(3)], 3, null) : page([task(1), task(2)], 3, 'c2')))
    expect(wrapper.get('.queue__shown').text()).toBe('2 sur 3 affichées')
    await wrapper.findAll('button').find(b => b.text().startsWith('Voir plus'))!.trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(3))
    expect(wrapper.findAll('tbody tr a').map(a => a.attributes('href'))).toEqual(['/conseiller/demarches/p1', '/conseiller/demarches/p2', '/conseiller/demarches/p3'])
    expect(wrapper.find('.queue__shown').exists()).toBe(false)
    expect(requests.map(r => r.variables)).toEqual([{ kind: null, first: 20 }, { kind: null, first: 20, after: 'c2' }])
  })

  it('says when nothing waits', async () => {
    const api = createTestClient({ AdvisorQueue: page([], 0, null) })
    const router = await createTestRouter('/conseiller?type=QUOTE')
    const wrapper = mount(AdvisorQueue, { props: { kind: 'QUOTE' }, global: { provide: api.provide, plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('.queue__empty').exists()).toBe(true))
    expect(wrapper.get('.queue__empty').text()).toBe('Aucune démarche de ce type n\'attend de décision.')
    expect(wrapper.get('[role="status"]').text()).toBe('Aucune démarche en attente : analyse de devis')
  })
})
