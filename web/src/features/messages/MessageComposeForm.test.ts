import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { MessageCategoriesQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import MessageComposeForm from './MessageComposeForm.vue'

const categories: MessageCategoriesQuery['messageCategories'] = [
  { __typename: 'MessageCategory', id: 'c1', label: 'Attestation', slug: 'attestation', subjects: [
    { __typename: 'MessageSubject', id: 's1', label: 'Récapitulatif des soins', slug: 'recapitulatif-des-soins', onlineService: null },
  ] },
  { __typename: 'MessageCategory', id: 'c2', label: 'Cotisations', slug: 'cotisations', subjects: [
    { __typename: 'MessageSubject', id: 's2', label: 'Participation de mon employeur', slug: 'participation-de-mon-employeur', onlineService: null },
    { __typename: 'MessageSubject', id: 's3', label: 'Rejet de prélèvement', slug: 'rejet-de-prelevement', onlineService: null },
  ] },
]

async function mountForm(initial: { category?: string, subject?: string } = {}, answers: Parameters<typeof createTestClient>[0] = {}) {
  const api = createTestClient(answers)
  const router = await createTestRouter('/messagerie/nouveau')
  const wrapper = mount(MessageComposeForm, {
    props: { categories, initialCategory: initial.category ?? null, initialSubject: initial.subject ?? null },
    global: { provide: api.provide, plugins: [router] },
    attachTo: document.body,
  })
  return { ...api, router, wrapper }
}

const selected = (wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper'], index: number) => (wrapper.findAll('select')[index]!.element as HTMLSelectElement).selectedOptions[0]!.text

describe('MessageComposeForm', () => {
  it('opens with the category and objet a link chose, by the objet\'s slug', async () => {
    const { wrapper } = await mountForm({ subject: 'rejet-de-prelevement' })
    expect(selected(wrapper, 0)).toBe('Cotisations')
    expect(selected(wrapper, 1)).toBe('Rejet de prélèvement')
    wrapper.unmount()
  })

  it('asks for a category, then an objet, before the message', async () => {
    const { wrapper } = await mountForm()
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('Choisissez une catégorie.')
    await wrapper.findAll('select')[0]!.setValue('c2')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('Choisissez l\'objet de votre demande.')
    expect(wrapper.find('textarea').exists()).toBe(false)
    await wrapper.findAll('select')[1]!.setValue('s2')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('textarea').exists()).toBe(true))
    expect(document.activeElement).toBe(wrapper.get('textarea').element)
    wrapper.unmount()
  })

  it('refuses an empty message, then shows the server\'s words next to the field', async () => {
    const { wrapper, requests } = await mountForm({ subject: 'participation-de-mon-employeur' }, {
      SendMessage: { data: { __typename: 'Mutation', sendMessage: { __typename: 'MessageThreadPayload', thread: null, errors: [{ __typename: 'UserError', field: 'body', code: 'TOO_LONG', message: 'Votre message ne doit pas dépasser 5 000 caractères (il en compte 5 001).' }] } } },
    })
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('textarea').exists()).toBe(true))
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('Écrivez votre message.')
    expect(wrapper.get('textarea').attributes('aria-invalid')).toBe('true')
    expect(requests).toHaveLength(0)

    await wrapper.get('textarea').setValue('Bonjour')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('il en compte 5 001'))
    expect(requests[0]!.variables).toEqual({ input: { categoryId: 'c2', subjectId: 's2', body: 'Bonjour', attachmentIds: [] } })
    wrapper.unmount()
  })
})
