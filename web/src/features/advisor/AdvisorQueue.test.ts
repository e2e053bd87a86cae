import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { AdvisorQueueQuery, AdvisorQueueTaskFragment, AdvisorQueueThreadFragment } from '../../gql/graphql'
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

function page(nodes: (AdvisorQueueTaskFragment | AdvisorQueueThreadFragment)[], totalCount: number, endCursor: string | null): { data: AdvisorQueueQuery } {
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
    expect(wrapper.get('[role="status"]').text()).toBe('2 tâches en attente')
    expect(wrapper.findAll('thead th').map(th => th.text())).toEqual(['Tâche', 'Adhérent', 'Bénéficiaire', 'Montant', 'Envoyé le', 'Attente'])
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
    expect(requests.map(r => r.variables)).toEqual([{ kind: null, taskKind: null, first: 20 }, { kind: null, taskKind: null, first: 20, after: 'c2' }])
  })

  it('lists a message waiting for an answer beside the démarches, linked to its page', async () => {
    const thread: AdvisorQueueThreadFragment = {
      __typename: 'ThreadTask',
      id: 't1',
      waitingDays: 0,
      member: { __typename: 'AdvisorMemberSummary', memberNumber: '0123456789', firstName: 'Camille', lastName: 'Lefèvre' },
      thread: { __typename: 'MessageThread', id: 't1', updatedAt: '2026-11-17T18:32:00.000Z', category: { __typename: 'MessageCategory', id: 'c', label: 'Cotisations' }, subject: { __typename: 'MessageSubject', id: 's', label: 'Échéancier de cotisations' } },
    }
    const { wrapper, requests } = await mountQueue(() => page([task(1), thread], 2, null))
    const row = wrapper.findAll('tbody tr')[1]!
    expect(row.get('a').attributes('href')).toBe('/conseiller/messages/t1')
    expect(row.get('a').text()).toBe('Message\u00a0: Échéancier de cotisations')
    expect(visibleText(row.findAll('td').at(-1)!)).toBe('Aujourd\'hui')
    expect(requests[0]!.variables).toEqual({ kind: null, taskKind: null, first: 20 })
  })

  it('asks only for message threads when filtered on « Messages »', async () => {
    const api = createTestClient({ AdvisorQueue: page([], 0, null) })
    const router = await createTestRouter('/conseiller?type=MESSAGES')
    const wrapper = mount(AdvisorQueue, { props: { kind: 'MESSAGES' }, global: { provide: api.provide, plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('.queue__empty').exists()).toBe(true))
    expect(wrapper.get('.queue__empty').text()).toBe('Aucun message n\'attend de réponse.')
    expect(api.requests[0]!.variables).toEqual({ kind: null, taskKind: 'THREAD', first: 20 })
  })

  it('says when nothing waits', async () => {
    const api = createTestClient({ AdvisorQueue: page([], 0, null) })
    const router = await createTestRouter('/conseiller?type=QUOTE')
    const wrapper = mount(AdvisorQueue, { props: { kind: 'QUOTE' }, global: { provide: api.provide, plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('.queue__empty').exists()).toBe(true))
    expect(wrapper.get('.queue__empty').text()).toBe('Aucune démarche de ce type n\'attend de décision.')
    expect(wrapper.get('[role="status"]').text()).toBe('Rien en attente\u00a0: analyse de devis')
  })
})
