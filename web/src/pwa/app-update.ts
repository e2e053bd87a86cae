import { reactive } from 'vue'
import { SKIP_WAITING } from './offline-card'

/**
 * The portal's service worker, registered once the page has loaded (it must not compete with the
 * first paint). A new build is offered, never forced: its worker waits until the member presses
 * « Mettre à jour », then the page reloads on the new code.
 */
export const appUpdate = reactive<{ waiting: ServiceWorker | null, accepted: boolean }>({ waiting: null, accepted: false })

// an SPA can stay open for days: look for a new build when the member comes back, at most hourly
const CHECK_EVERY_MS = 60 * 60 * 1000

export function watchForUpdates(registration: ServiceWorkerRegistration, container: ServiceWorkerContainer, reload: () => void): void {
  // a worker already waiting from an earlier visit, or one that finishes installing now; the very
  // first worker (no controller yet) is not an update
  const offer = (worker: ServiceWorker | null) => {
    if (worker && container.controller) appUpdate.waiting = worker
  }
  offer(registration.waiting)
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing)
    })
  })
  let reloading = false
  container.addEventListener('controllerchange', () => {
    // only in the tab where the member accepted: another tab's journey goes on undisturbed
    if (reloading || !appUpdate.accepted) return
    reloading = true
    reload()
  })
}

export function acceptUpdate(): void {
  if (!appUpdate.waiting) return
  appUpdate.accepted = true
  appUpdate.waiting.postMessage(SKIP_WAITING)
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  window.addEventListener('load', async () => {
    try {
      const registration = await navigator.serviceWorker.register('/sw.js')
      watchForUpdates(registration, navigator.serviceWorker, () => window.location.reload())
      let checked = Date.now()
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState !== 'visible' || Date.now() - checked < CHECK_EVERY_MS) return
        checked = Date.now()
        void registration.update().catch(() => {})
      })
    }
    catch {
      // no service worker (private browsing, a browser that refuses it): the portal works online
    }
  }, { once: true })
}
