import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createTestClient } from '../../test/apollo'
import { createTestRouter } from '../../test/router'
import { spokenText } from '../../test/text'
import LayoutMainNav from './LayoutMainNav.vue'

async function mountNav(unread = 2) {
  const api = createTestClient({
    UnreadMessageCount: { data: { __typename: 'Query', unreadMessageCount: unread } },
    SignOut: { data: { __typename: 'Mutation', signOut: true } },
  })
  const router = await createTestRouter('/')
  const wrapper = mount(LayoutMainNav, { global: { provide: api.provide, plugins: [router] }, attachTo: document.body })
  return { ...api, router, wrapper }
}

function menuButton(wrapper: Awaited<ReturnType<typeof mountNav>>['wrapper'], label: string) {
  const button = wrapper.findAll('button').find(element => spokenText(element) === label)
  if (!button) throw new Error(`no button "${label}"`)
  return button
}

describe('LayoutMainNav', () => {
  it('lists the sections in the portal\'s order', async () => {
    const { wrapper } = await mountNav()
    const entries = wrapper.findAll('#main-nav-list > li').map(entry => spokenText(entry.find('a, button')))
    expect(entries).toEqual(['Accueil', 'Ma mutuelle', 'Prestations', 'Offre & devis', 'Messagerie', 'Aide / contact', 'Mon compte'])
    wrapper.unmount()
  })

  it('tells how many messages are unread, in words for screen readers', async () => {
    const { wrapper } = await mountNav(2)
    const link = wrapper.get('a[href="/messagerie"]')
    await vi.waitFor(() => expect(link.attributes('aria-label')).toBe('Messagerie, 2 messages non lus'))
    expect(link.text()).toBe('Messagerie 2')
    wrapper.unmount()
  })

  it('opens a menu with its button, closes it with Escape and gives focus back', async () => {
    const { wrapper } = await mountNav()
    const button = menuButton(wrapper, 'Ma mutuelle')
    const list = wrapper.get(`#${CSS.escape(button.attributes('aria-controls')!)}`)
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(list.isVisible()).toBe(false)

    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(list.isVisible()).toBe(true)
    expect(list.findAll('a').map(link => link.text())).toEqual([
      'Mes contrats', 'Mes garanties', 'Mes bénéficiaires', 'Ma carte de tiers payant',
      'Mes documents', 'Mes informations bancaires', 'Mes cotisations',
    ])

    await list.get('a').trigger('keydown', { key: 'Escape' })
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button.element)
    wrapper.unmount()
  })

  it('moves into a menu with the down arrow', async () => {
    const { wrapper } = await mountNav()
    const button = menuButton(wrapper, 'Prestations')
    ;(button.element as HTMLElement).focus()
    await button.trigger('keydown', { key: 'ArrowDown' })
    await vi.waitFor(() => expect(document.activeElement?.textContent?.trim()).toBe('Mes remboursements'))
    expect(button.attributes('aria-expanded')).toBe('true')
    wrapper.unmount()
  })

  it('keeps one menu open at a time', async () => {
    const { wrapper } = await mountNav()
    await menuButton(wrapper, 'Ma mutuelle').trigger('click')
    await menuButton(wrapper, 'Mon compte').trigger('click')
    expect(menuButton(wrapper, 'Ma mutuelle').attributes('aria-expanded')).toBe('false')
    expect(menuButton(wrapper, 'Mon compte').attributes('aria-expanded')).toBe('true')
    wrapper.unmount()
  })

  it('signs out from Mon compte and goes to the sign-in page with an empty cache', async () => {
    const { wrapper, router, requests, client } = await mountNav()
    router.addRoute({ path: '/connexion', name: 'sign-in', component: { render: () => null } })
    await menuButton(wrapper, 'Mon compte').trigger('click')
    await menuButton(wrapper, 'Se déconnecter').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/connexion'))
    expect(requests.map(request => request.operationName)).toContain('SignOut')
    expect(client.cache.extract().ROOT_QUERY).toEqual({ __typename: 'Query', viewer: null })
    wrapper.unmount()
  })

  it('folds into a Menu button for small screens', async () => {
    const { wrapper } = await mountNav()
    const toggle = menuButton(wrapper, 'Menu')
    expect(toggle.attributes()).toMatchObject({ 'aria-controls': 'main-nav-list', 'aria-expanded': 'false' })
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(wrapper.get('#main-nav-list').classes()).toContain('is-open')
    wrapper.unmount()
  })
})
