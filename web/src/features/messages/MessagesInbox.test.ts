import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { MessageThreadSummaryFragment, MessageThreadsQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import MessagesInbox from './MessagesInbox.vue'

function thread(n: number, more: Partial<MessageThreadSummaryFragment> = {}): MessageThreadSummaryFragment {
  return {
    __typename: 'MessageThread',
    id: `t${n}`,
    status: 'ANSWERED',
    unread: false,
    updatedAt: '2026-11-24T13:26:00.000Z',
    category: { __typename: 'MessageCategory', id: 'c1', label: 'Attestation' },
    subject: { __typename: 'MessageSubject', id: `s${n}`, label: `Objet ${n}` },
    ...more,
  }
}

function page(nodes: MessageThreadSummaryFragment[], totalCount: number, endCursor: string | null): { data: MessageThreadsQuery } {
  return { data: { __typename: 'Query', messageThreads: { __typename: 'MessageThreadConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: !!endCursor, endCursor }, nodes } } }
}

describe('MessagesInbox', () => {
  it('shows the seed\'s table, unread threads in bold and said so, « En cours » and « Traité »', async () => {
    const api = createTestClient({ MessageThreads: page([thread(1, { unread: true }), thread(2, { status: 'OPEN' })], 2, null) })
    const wrapper = mount(MessagesInbox, { props: { categoryId: null, categoryLabel: null }, global: { provide: api.provide, plugins: [await createTestRouter('/messagerie')] } })
    await vi.waitFor(() => expect(wrapper.find('tbody tr').exists()).toBe(true))
    expect(wrapper.findAll('thead th').map(th => th.text())).toEqual(['Catégorie', 'Objet', 'Statut', 'Date'])
    const [first, second] = wrapper.findAll('tbody tr')
    expect(first!.classes()).toContain('inbox__row--unread')
    expect(first!.get('a').text()).toBe('Non lu\u00a0: Objet 1')
    expect(first!.get('a').attributes('href')).toBe('/messagerie/t1')
    expect(first!.text()).toContain('Traité')
    expect(first!.text()).toContain('24/11/2026')
    expect(second!.classes()).not.toContain('inbox__row--unread')
    expect(second!.get('a').text()).toBe('Objet 2')
    expect(second!.text()).toContain('En cours')
    expect(wrapper.text()).toContain('Vos messages sont disponibles dans votre messagerie en ligne pendant 1 an.')
    expect(api.requests[0]!.variables).toEqual({ categoryId: null, first: 10 })
  })

  it('pages by 10 with « Voir plus »', async () => {
    const first = Array.from({ length: 10 }, (_, i) => thread(i + 1))
    const api = createTestClient({ MessageThreads: variables => (variables.after ? page([thread(11)], 11, null) : page(first, 11, 'c10')) })
    const wrapper = mount(MessagesInbox, { props: { categoryId: 'c1', categoryLabel: 'Attestation' }, global: { provide: api.provide, plugins: [await createTestRouter('/messagerie')] } })
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(10))
    expect(wrapper.get('h2').text()).toBe('Attestation')
    await wrapper.findAll('button').find(b => b.text().startsWith('Voir plus'))!.trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(11))
    expect(wrapper.findAll('button').some(b => b.text().startsWith('Voir plus'))).toBe(false)
    expect(api.requests.map(r => r.variables)).toEqual([{ categoryId: 'c1', first: 10 }, { categoryId: 'c1', first: 10, after: 'c10' }])
  })

  it('an empty inbox says what to do next: write to an advisor, or see every category', async () => {
    const api = createTestClient({ MessageThreads: page([], 0, null) })
    const all = mount(MessagesInbox, { props: { categoryId: null, categoryLabel: null }, global: { provide: api.provide, plugins: [await createTestRouter('/messagerie')] } })
    await vi.waitFor(() => expect(all.find('.inbox__empty').exists()).toBe(true))
    expect(all.get('.inbox__empty a').attributes('href')).toBe('/messagerie/nouveau')
    const oneCategory = mount(MessagesInbox, { props: { categoryId: 'c1', categoryLabel: 'Attestation' }, global: { provide: api.provide, plugins: [await createTestRouter('/messagerie')] } })
    await vi.waitFor(() => expect(oneCategory.find('.inbox__empty').exists()).toBe(true))
    expect(oneCategory.get('.inbox__empty a').attributes('href')).toBe('/messagerie')
  })
})
