import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { PersonalDataAccessLogQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { pieces } from '../../test/pieces'
import { createTestRouter } from '../../test/router'
import { spokenText, visibleText } from '../../test/text'
import PersonalDataAccessLog from './PersonalDataAccessLog.vue'

type Entry = PersonalDataAccessLogQuery['accessLog']['nodes'][number]

const advisorView: Entry = { __typename: 'AccessLogEntry', id: 'a1', at: '2026-11-26T10:05:00.000Z', actorKind: 'ADVISOR', actorLabel: 'Claire Moreau, conseillère', action: 'ADVISOR_VIEW_PROCEDURE', description: 'a consulté votre démarche DEM-2026-000123' }
const partnerCheck: Entry = { __typename: 'AccessLogEntry', id: 'a2', at: '2026-07-01T21:30:00.000Z', actorKind: 'PARTNER', actorLabel: 'Pharmacie du Centre', action: 'PARTNER_COVERAGE_CHECK', description: 'a vérifié vos droits au tiers payant (pharmacie)' }

function page(nodes: Entry[], totalCount: number, endCursor: string | null): { data: PersonalDataAccessLogQuery } {
  return { data: { __typename: 'Query', accessLog: { __typename: 'AccessLogEntryConnection', totalCount, pageInfo: { __typename: 'PageInfo', hasNextPage: !!endCursor, endCursor }, nodes } } }
}

async function mountLog(answer: Parameters<typeof createTestClient>[0][string]) {
  const api = createTestClient({ PersonalDataAccessLog: answer })
  const router = await createTestRouter('/mon-compte/donnees')
  const wrapper = mount(PersonalDataAccessLog, { global: { provide: api.provide, plugins: [router] } })
  return { ...api, wrapper }
}

describe('PersonalDataAccessLog', () => {
  it('lists who opened the file, when (in France) and what, newest first', async () => {
    const { wrapper, requests } = await mountLog(() => page([advisorView, partnerCheck], 2, null))
    await vi.waitFor(() => expect(wrapper.find('tbody').exists()).toBe(true))
    expect(requests[0]!.variables).toEqual({ first: 20 })
    expect(wrapper.get('h2').text()).toBe('Qui a consulté mon dossier\u00a0?')
    expect(wrapper.get('caption').text()).toBe('Consultations de votre dossier, de la plus récente à la plus ancienne')
    // « et quoi » and the description under the name show on a phone only, where the Quoi column hides (CSS)
    expect(wrapper.findAll('thead th').map(th => th.text())).toEqual(['Date', 'Qui et quoi', 'Quoi'])
    const [first, second] = wrapper.findAll('tbody tr')
    const cells = (row: typeof first) => [visibleText(row!.get('th')), ...row!.findAll('td').map(td => pieces(td))]
    expect(cells(first)).toEqual(['26/11/2026 à 11:05', 'Claire Moreau, conseillère a consulté votre démarche DEM-2026-000123 Votre mutuelle', 'a consulté votre démarche DEM-2026-000123'])
    expect(first!.get('time').attributes('datetime')).toBe('2026-11-26T10:05:00.000Z')
    expect(spokenText(second!.findAll('td')[0]!)).toBe('Pharmacie du Centre, a vérifié vos droits au tiers payant (pharmacie), Professionnel de santé partenaire')
    expect(cells(second)).toContain('01/07/2026 à 23:30')
    expect(wrapper.get('[role="status"]').text()).toBe('2 consultations')
    expect(wrapper.text()).not.toContain('Voir plus')
  })

  it('says so when nobody has opened the file, without a table', async () => {
    const { wrapper } = await mountLog(() => page([], 0, null))
    await vi.waitFor(() => expect(wrapper.text()).toContain('Aucune consultation de votre dossier n\'a été enregistrée à ce jour.'))
    expect(wrapper.find('table').exists()).toBe(false)
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
  })

  it('loads the next page after the last cursor and appends it', async () => {
    const { wrapper, requests } = await mountLog(variables => (variables.after === 'c1' ? page([partnerCheck], 2, null) : page([advisorView], 2, 'c1')))
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(1))
    expect(wrapper.text()).toContain('1 sur 2 affichées')
    await wrapper.get('button').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(2))
    expect(requests.at(-1)!.variables).toEqual({ first: 20, after: 'c1' })
    expect(wrapper.text()).not.toContain('Voir plus')
  })

  it('offers to try again when the list cannot be loaded', async () => {
    const { wrapper } = await mountLog(new Error('réseau'))
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toContain('Nous ne parvenons pas à afficher les consultations de votre dossier pour le moment.')
    expect(wrapper.get('[role="alert"] button').text()).toBe('Réessayer')
  })
})
