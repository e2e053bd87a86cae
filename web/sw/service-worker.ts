/// <reference lib="webworker" />
import { SAVED_CARD_CACHE, SAVED_CARD_FILES, SKIP_WAITING } from '../src/pwa/offline-card'

/**
 * The portal's service worker. It keeps the application's code (the shell and every hashed asset of
 * this build) so pages open without the network, and the card a member chose to keep. It never
 * keeps GraphQL or API answers: a member's data comes from the server, or from nowhere.
 *
 * A new version waits until the page says the member accepted the update (« Mettre à jour »): a
 * journey half done is never switched to another build under the member's feet.
 */
declare const self: ServiceWorkerGlobalScope
// written by the build (vite.config.ts): this build's files, and a version that changes with them
declare const PRECACHE: string[]
declare const VERSION: string

const SHELL_CACHE = `application-${VERSION}`
const SHELL = '/index.html'
const precached = new Set(PRECACHE)

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(PRECACHE)))
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // the previous builds' code; the saved card is the member's and stays
    for (const name of await caches.keys()) {
      if (name.startsWith('application-') && name !== SHELL_CACHE) await caches.delete(name)
    }
    await self.clients.claim()
  })())
})

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void self.skipWaiting()
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/graphiql')) {
    event.respondWith(networkThen(request, () => fromCache(SHELL_CACHE, SHELL)))
  }
  else if (precached.has(url.pathname)) {
    event.respondWith(fromCache(SHELL_CACHE, url.pathname).then(hit => hit ?? fetch(request)))
  }
  else if (SAVED_CARD_FILES.includes(url.pathname)) {
    event.respondWith(networkThen(request, () => fromCache(SAVED_CARD_CACHE, request.url)))
  }
})

/** The network's answer; when there is no network, the copy kept here (or the network's failure). */
async function networkThen(request: Request, kept: () => Promise<Response | undefined>): Promise<Response> {
  try {
    return await fetch(request)
  }
  catch (error) {
    const copy = await kept()
    if (copy) return copy
    throw error
  }
}

async function fromCache(cacheName: string, key: string): Promise<Response | undefined> {
  const cache = await caches.open(cacheName)
  return cache.match(key)
}
