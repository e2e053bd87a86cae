import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { DocumentsQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { pieces } from '../../test/pieces'
import { createTestRouter } from '../../test/router'
import DocumentsList from './DocumentsList.vue'

const documents: DocumentsQuery = {
  __typename: 'Query',
  documents: {
    __typename: 'DocumentConnection',
    totalCount: 1,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'x' },
    nodes: [{ __typename: 'Document', id: 'd1', kind: 'CERTIFICATE', title: 'Attestation de droits 2026', year: 2026, periodStart: null, periodEnd: null, issuedAt: '2025-12-20T05:30:00.000Z', downloadPath: '/api/documents/d1', contract: { __typename: 'Contract', id: 'c1', label: 'Garanties sociale interministériel' } }],
  },
}

describe('DocumentsList', () => {
  it('lists documents with their kind, contract, date and a PDF link named after the document', async () => {
    const { provide, requests } = createTestClient({ Documents: { data: documents } })
    const router = await createTestRouter('/ma-mutuelle/documents')
    const wrapper = mount(DocumentsList, { props: { kind: 'CERTIFICATE' }, global: { provide, plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('tbody').exists()).toBe(true))
    expect(requests[0]!.variables).toMatchObject({ kind: 'CERTIFICATE', first: 20 })
    expect(pieces(wrapper.get('tbody tr'))).toBe('Attestation de droits 2026 (PDF) Attestation de droits Garanties sociale interministériel 20/12/2025')
    const link = wrapper.get('a[href="/api/documents/d1"]')
    expect(pieces(link, 'spoken')).toBe('Attestation de droits 2026 (PDF)')
    expect(link.attributes('download')).toBeDefined()
    expect(wrapper.get('[role="status"]').text()).toBe('1 document')

    await wrapper.get('select').setValue('')
    expect(wrapper.emitted('update:kind')).toEqual([[null]])
  })
})
