import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core'
import { nextTick } from 'vue'
import { createRouter, createWebHistory, START_LOCATION, type RouterHistory, type Router } from 'vue-router'
import { ViewerDocument, type Role } from '../gql/graphql'
import { hasSavedCard } from '../pwa/offline-card'
import { accessDecision } from './access'
import { clearNavigationProblem, reportNavigationProblem } from './navigation-status'
import { routes } from './routes'

const SITE = 'Espace adhérent'

export function createAppRouter(client: ApolloClient<NormalizedCacheObject>, history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })

  // the first navigation asks the server (the session cookie may have expired since the last
  // visit); later ones trust the cache, which sign-in and sign-out keep up to date
  // A failed check is not a sign-out: the member stays where they are and is offered to retry.
  let verified = false
  async function viewerRole(): Promise<Role | null> {
    const { data } = await client.query({ query: ViewerDocument, fetchPolicy: verified ? 'cache-first' : 'network-only' })
    verified = true
    return data.viewer?.role ?? null
  }

  router.beforeEach(async (to) => {
    try {
      return accessDecision(to, await viewerRole())
    }
    catch {
      // the card kept on this device opens without the server: that is what it is kept for
      if (to.name === 'insurance-card' && await hasSavedCard()) return true
      reportNavigationProblem(to.fullPath)
      return false
    }
  })

  // a lazy page whose code cannot be downloaded (offline, or a server that went away)
  router.onError((_error, to) => reportNavigationProblem(to.fullPath))

  router.afterEach((to, from, failure) => {
    if (failure) return
    clearNavigationProblem()
    document.title = `${to.meta.title} — ${SITE}`
    // a new page is announced by moving focus to its title; not on first load (the skip link
    // comes first), nor when only the query (a filter) changes
    if (from === START_LOCATION || from.path === to.path) return
    void nextTick(focusPageHeading)
  })

  return router
}

// A page's title may come with its data, or replace a loading title when the data arrives: until
// the member does something, focus follows the page's title whenever it would fall to <body>.
let stopKeepingFocus: (() => void) | null = null

function focusPageHeading(): void {
  stopKeepingFocus?.()
  const main = document.querySelector('main')
  if (!main) return
  const focusHeading = () => {
    const heading = main.querySelector<HTMLElement>('h1')
    if (!heading) return
    heading.setAttribute('tabindex', '-1')
    heading.focus()
  }
  focusHeading()
  const observer = new MutationObserver(() => {
    if (!document.activeElement || document.activeElement === document.body) focusHeading()
  })
  const stop = () => {
    observer.disconnect()
    for (const type of ['pointerdown', 'keydown'] as const) document.removeEventListener(type, stop, true)
    stopKeepingFocus = null
  }
  observer.observe(main, { childList: true, subtree: true })
  for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, stop, true)
  stopKeepingFocus = stop
}
