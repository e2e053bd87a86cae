import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import LayoutAppUpdate from '../features/layout/LayoutAppUpdate.vue'
import { appUpdate, watchForUpdates } from './app-update'
import { SKIP_WAITING } from './offline-card'

/** A service worker as the browser hands it over: a state, messages, state changes. */
function fakeWorker(state: ServiceWorkerState = 'installing') {
  const worker = Object.assign(new EventTarget(), { state, postMessage: vi.fn() })
  return worker as unknown as ServiceWorker & { postMessage: ReturnType<typeof vi.fn> }
}

function setUp({ controlled = true, waiting = null as ServiceWorker | null } = {}) {
  const registration = Object.assign(new EventTarget(), { waiting, installing: null as ServiceWorker | null })
  const container = Object.assign(new EventTarget(), { controller: controlled ? fakeWorker('activated') : null })
  const reload = vi.fn()
  watchForUpdates(registration as unknown as ServiceWorkerRegistration, container as unknown as ServiceWorkerContainer, reload)
  /** A new build is found and finishes installing. */
  const newBuild = () => {
    const worker = fakeWorker()
    registration.installing = worker
    registration.dispatchEvent(new Event('updatefound'))
    Object.assign(worker, { state: 'installed' })
    worker.dispatchEvent(new Event('statechange'))
    return worker
  }
  const takeOver = () => container.dispatchEvent(new Event('controllerchange'))
  return { newBuild, takeOver, reload }
}

describe('a new version of the portal', () => {
  beforeEach(() => {
    appUpdate.waiting = null
    appUpdate.accepted = false
  })

  it('is offered when it has installed, and only replaces the page when the member accepts', async () => {
    const { newBuild, takeOver, reload } = setUp()
    const banner = mount(LayoutAppUpdate)
    expect(banner.text()).toBe('')

    const worker = newBuild()
    await banner.vm.$nextTick()
    expect(banner.get('[role="status"]').text()).toContain('Une nouvelle version de votre espace est disponible')
    expect(worker.postMessage).not.toHaveBeenCalled()

    await banner.get('button.button:not(.button--secondary)').trigger('click')
    expect(worker.postMessage).toHaveBeenCalledWith(SKIP_WAITING)
    takeOver()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('is not forced: « Plus tard » hides the offer, and a takeover decided in another tab leaves this page alone', async () => {
    const { newBuild, takeOver, reload } = setUp()
    const banner = mount(LayoutAppUpdate)
    newBuild()
    await banner.vm.$nextTick()
    const later = banner.findAll('button').find(b => b.text() === 'Plus tard')!
    await later.trigger('click')
    expect(banner.find('[role="status"]').exists()).toBe(false)
    takeOver()
    expect(reload).not.toHaveBeenCalled()
  })

  it('is offered at the next visit when it was already waiting, but the very first install is no update', async () => {
    setUp({ controlled: false })
    expect(appUpdate.waiting).toBeNull()
    const waiting = fakeWorker('installed')
    setUp({ waiting })
    expect(appUpdate.waiting).toBe(waiting)
  })
})
