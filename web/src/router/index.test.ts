import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, RouterView } from 'vue-router'
import type { ViewerQuery } from '../gql/graphql'
import { createTestClient } from '../test/apollo'
import { createAppRouter } from './index'

const member: ViewerQuery = {
  __typename: 'Query',
  viewer: { __typename: 'Viewer', role: 'MEMBER', displayName: 'Benoit Martin', member: { __typename: 'Member', id: 'm1', firstName: 'Benoit' } },
}
const nobody: ViewerQuery = { __typename: 'Query', viewer: null }

const Shell = defineComponent({ render: () => h('main', [h(RouterView)]) })

async function start(viewer: ViewerQuery, path: string) {
  const api = createTestClient({ Viewer: { data: viewer } })
  const router = createAppRouter(api.client, createMemoryHistory())
  const wrapper = mount(Shell, { global: { provide: api.provide, plugins: [router] }, attachTo: document.body })
  await router.push(path)
  await router.isReady()
  return { ...api, router, wrapper }
}

describe('app router', () => {
  it('sends a visitor to the sign-in page and remembers where they were going', async () => {
    const { router, wrapper } = await start(nobody, '/messagerie')
    expect(router.currentRoute.value.fullPath).toBe('/connexion?redirect=/messagerie')
    expect(document.title).toBe('Connexion — Espace adhérent')
    wrapper.unmount()
  })

  it('asks the server who is signed in once, then trusts the cache', async () => {
    const { router, requests, wrapper } = await start(member, '/messagerie')
    await router.push('/ma-mutuelle/garanties')
    expect(requests.filter(request => request.operationName === 'Viewer')).toHaveLength(1)
    wrapper.unmount()
  })

  it('titles the document after the page and moves focus to its heading', async () => {
    const { router, wrapper } = await start(member, '/messagerie')
    expect(document.title).toBe('Messagerie — Espace adhérent')
    await router.push('/ma-mutuelle/garanties')
    expect(document.title).toBe('Mes garanties — Espace adhérent')
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('H1'))
    expect(document.activeElement?.textContent).toBe('Mes garanties')
    wrapper.unmount()
  })

  it('answers an unknown address with a French 404', async () => {
    const { wrapper } = await start(member, '/nulle-part')
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true))
    expect(wrapper.get('h1').text()).toBe('Page introuvable')
    expect(document.title).toBe('Page introuvable — Espace adhérent')
    wrapper.unmount()
  })
})
