import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { ReimbursementFilterOptionsQuery, ReimbursementListQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { spokenText, visibleText } from '../../test/text'
import ReimbursementList from './ReimbursementList.vue'
import type { ReimbursementFilters } from './reimbursement-filters'

const lea = { __typename: 'Beneficiary', id: 'b5', firstName: 'Léa' } as const
const options: ReimbursementFilterOptionsQuery = {
  __typename: 'Query',
  beneficiaries: [{ __typename: 'Beneficiary', id: 'b1', firstName: 'Benoit' }, lea],
}

function item(id: string, paymentDate: string, more: Partial<ReimbursementListQuery['reimbursements']['nodes'][number]> = {}) {
  return { __typename: 'Reimbursement' as const, id, careType: 'PHARMACY' as const, careLabel: 'Médicaments', careDate: '2026-11-19', paymentDate, expenseCents: 441, mutuelleCents: 441, outOfPocketCents: 0, payee: 'PROVIDER' as const, beneficiary: lea, ...more }
}

function page(nodes: ReturnType<typeof item>[], hasNextPage: boolean, endCursor: string): { data: ReimbursementListQuery } {
  return {
    data: {
      __typename: 'Query',
      reimbursements: {
        __typename: 'ReimbursementConnection',
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        totals: { __typename: 'ReimbursementTotals', expenseCents: 6421, socialSecurityCents: 3918, mutuelleCents: 2003, outOfPocketCents: 500 },
        nodes,
      },
    },
  }
}

const FIRST = page([item('r1', '2026-11-21'), item('r2', '2026-11-17', { careType: 'DENTAL', careLabel: 'Soins conservateurs (carie)', expenseCents: 5480, mutuelleCents: 5480, payee: 'MEMBER' })], true, 'c2')
const SECOND = page([item('r3', '2026-10-02', { careLabel: 'Séance d\'orthophonie', careType: 'PARAMEDICAL', expenseCents: 500, mutuelleCents: 0, outOfPocketCents: 500, payee: 'MEMBER' })], false, 'c3')

async function mountList(filters: ReimbursementFilters) {
  const api = createTestClient({
    ReimbursementFilterOptions: { data: options },
    ReimbursementList: variables => (variables.after ? SECOND : FIRST),
  })
  const router = await createTestRouter('/remboursements')
  const wrapper = mount(ReimbursementList, { props: { filters }, global: { provide: api.provide, plugins: [router] } })
  return { ...api, wrapper }
}

const none: ReimbursementFilters = { beneficiaryId: null, careType: null, from: null, to: null }

describe('ReimbursementList', () => {
  it('lists the reimbursements in a captioned table, each linked to its detail, with the totals', async () => {
    const { wrapper, requests } = await mountList({ ...none, beneficiaryId: 'b5' })
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(2))
    expect(requests.find(r => r.operationName === 'ReimbursementList')!.variables).toMatchObject({ beneficiaryId: 'b5', first: 20 })
    expect(wrapper.get('caption').text()).toBe('Remboursements de Léa, du plus récent au plus ancien')
    expect(wrapper.get('[role="status"]').text()).toBe('3 remboursements de Léa')
    const first = wrapper.findAll('tbody tr')[0]!
    expect(first.get('a').attributes('href')).toBe('/remboursements/r1')
    // each row reads as a sentence, the dot between name and date for the eye only
    expect(spokenText(first.get('th'))).toBe('Médicaments pour Léa, soins du 19/11/2026, payé le 21/11/2026, en Tiers payant')
    expect(visibleText(first.get('.reimbursement-table__meta'))).toBe('Léa · soins du 19/11/2026')
    // paid to the member: no tiers payant, and no comma left where it was
    expect(spokenText(wrapper.findAll('tbody tr')[1]!.get('th'))).toBe('Soins conservateurs (carie) pour Léa, soins du 19/11/2026, payé le 17/11/2026')
    const totals = wrapper.get('.reimbursement-totals').findAll('dt').map(dt => [dt.text(), visibleText(dt.element.nextElementSibling ? { element: dt.element.nextElementSibling } : dt)])
    expect(totals).toEqual([
      ['Dépenses de santé', '64,21 €'],
      ['Remboursé par la Sécurité sociale', '39,18 €'],
      ['Remboursé par votre mutuelle', '20,03 €'],
      ['Reste à votre charge', '5,00 €'],
    ])
    expect(wrapper.text()).toContain('Sélectionnez un remboursement afin de voir le détail.')
  })

  it('appends the next page with "Voir plus", asking after the last cursor', async () => {
    const { wrapper, requests } = await mountList(none)
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(2))
    const more = wrapper.findAll('button').find(b => b.text().startsWith('Voir plus'))!
    expect(wrapper.text()).toContain('2 sur 3 affichés')
    await more.trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(3))
    expect(requests.filter(r => r.operationName === 'ReimbursementList').at(-1)!.variables).toMatchObject({ after: 'c2', first: 20 })
    expect(wrapper.findAll('button').some(b => b.text().startsWith('Voir plus'))).toBe(false)
  })

  it('asks for the beneficiary filter in the URL when one is chosen, and offers the whole list back', async () => {
    const { wrapper } = await mountList(none)
    await vi.waitFor(() => expect(wrapper.findAll('select')[0]!.findAll('option')).toHaveLength(3))
    const select = wrapper.findAll('select')[0]!
    expect(wrapper.get(`label[for="${select.attributes('id')}"]`).text()).toBe('Bénéficiaire')
    expect(select.findAll('option').map(o => o.text())).toEqual(['Tous les bénéficiaires', 'Benoit', 'Léa'])
    await select.setValue('b5')
    expect(wrapper.emitted('update:filters')).toEqual([[{ beneficiaryId: 'b5', careType: null, from: null, to: null }]])
    await wrapper.setProps({ filters: { ...none, beneficiaryId: 'b5' } })
    const clear = wrapper.findAll('button').find(b => b.text() === 'Afficher toute la liste')!
    await clear.trigger('click')
    expect(wrapper.emitted('update:filters')!.at(-1)).toEqual([none])
  })
})
