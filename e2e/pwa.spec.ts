import type { Page } from '@playwright/test'
import { chromium } from '@playwright/test'
import { expect, expectNoAxeViolations, signIn, submitSignIn, tabTo, test } from './support.ts'

// these journeys need the service worker that the other specs block
test.use({ serviceWorkers: 'allow' })

interface Worker { navigator: { serviceWorker: { ready: Promise<unknown>, controller: unknown } } }
interface CacheWindow { caches: { has: (name: string) => Promise<boolean> } }

/** The card number of the copy kept on the device, read where the service worker reads it. */
function keptCardNumber(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const caches = (globalThis as any).caches
    const hit = await (await caches.open('carte-enregistree')).match('/hors-ligne/carte.json')
    return hit ? (await hit.json()).page.insuranceCard.cardNumber : null
  })
}

/** Waits until this build's service worker has kept the application's code and controls the page. */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as Worker).navigator.serviceWorker.ready)
  await expect.poll(() => page.evaluate(() => !!(globalThis as unknown as Worker).navigator.serviceWorker.controller)).toBe(true)
}

test('the portal is installable: Chromium finds its manifest, icons and service worker without error', async ({ request }, testInfo) => {
  // a test context is private browsing, where nothing installs: a profile on disk, as a phone has
  const { launchOptions, baseURL } = testInfo.project.use
  const context = await chromium.launchPersistentContext(testInfo.outputPath('profile'), { ...launchOptions, baseURL })
  try {
    const page = await context.newPage()
    await page.goto('/connexion')
    await controlledByServiceWorker(page)
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')
    expect((await request.get(appleIcon!)).headers()['content-type']).toBe('image/png')
  }
  finally {
    await context.close()
  }

  const manifest = await (await request.get('/manifest.webmanifest')).json()
  expect(manifest).toMatchObject({ lang: 'fr', start_url: '/', display: 'standalone', theme_color: '#00594f', short_name: 'Mon espace' })
  expect(manifest.name).toContain('Espace adhérent')
  expect(manifest.icons.map((i: { sizes: string, purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']))
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src)
    expect(res.headers()['content-type'], icon.src).toBe('image/png')
  }
})

test('the service worker never answers GraphQL: a member\'s data comes from the server or not at all', async ({ page }) => {
  await signIn(page)
  await controlledByServiceWorker(page)
  await page.context().setOffline(true)
  // a page whose code is kept opens, but says its data cannot be had, rather than showing old data
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: /^Messagerie/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Messagerie')
  await expect(page.getByRole('alert')).toBeVisible()
  await page.context().setOffline(false)
})

test.describe('the card kept on a phone, for the pharmacy counter', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('kept on the device, it opens with its PDF with no network, marked with the day it was saved, and goes at sign-out', async ({ page }) => {
    await signIn(page)
    await page.goto('/ma-mutuelle/carte')
    await controlledByServiceWorker(page)
    const main = page.getByRole('main')
    const cardNumber = await main.getByRole('definition').filter({ hasText: /^\d{6,}$/ }).first().textContent()

    await main.getByRole('button', { name: 'Garder ma carte sur cet appareil' }).click()
    const savedOn = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(await page.evaluate(() => Date.now())))
    await expect(main.getByText(`Votre carte est enregistrée sur cet appareil depuis le ${savedOn.replace(/^1 /, '1er ')}`)).toBeVisible()
    await expect(main.getByRole('button', { name: 'Ne plus garder ma carte sur cet appareil' })).toBeVisible()

    // no network: a fresh load of the card opens the kept card, and its PDF
    await page.context().setOffline(true)
    await page.goto('/ma-mutuelle/carte')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ma carte de tiers payant')
    await expect(main.getByText(/^Carte enregistrée sur cet appareil le /)).toBeVisible()
    await expect(main.getByText(cardNumber!, { exact: true }).first()).toBeVisible()
    const pdf = await page.evaluate(async (href) => {
      const res = await fetch(href!)
      return { status: res.status, type: res.headers.get('content-type'), start: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)) }
    }, await main.getByRole('link', { name: 'Télécharger ma carte (PDF)' }).getAttribute('href'))
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' })
    await expectNoAxeViolations(page)

    // any other page offline says so, and points to what still works: the card
    await page.goto('/remboursements')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vous êtes hors ligne')
    await page.getByRole('link', { name: 'Ouvrir ma carte enregistrée' }).click()
    await expect(main.getByText(/^Carte enregistrée sur cet appareil le /)).toBeVisible()

    // back online, signing out removes it from the device
    await page.context().setOffline(false)
    await page.goto('/ma-mutuelle/carte')
    await expect(main.getByRole('button', { name: 'Ne plus garder ma carte sur cet appareil' })).toBeVisible()
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.getByRole('button', { name: /Mon compte/ }).click()
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).or(page.getByRole('button', { name: 'Se déconnecter' })).first().click()
    await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté' })).toBeVisible()
    expect(await page.evaluate(() => (globalThis as unknown as CacheWindow).caches.has('carte-enregistree'))).toBe(false)
    await page.context().setOffline(true)
    await page.goto('/ma-mutuelle/carte')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vous êtes hors ligne')
    await expect(page.getByRole('link', { name: 'Ouvrir ma carte enregistrée' })).toHaveCount(0)
    await page.context().setOffline(false)
  })

  test('the kept card follows the server: replaced when the card changed, removed when another member signs in here', async ({ page }) => {
    await signIn(page)
    await page.goto('/ma-mutuelle/carte')
    await controlledByServiceWorker(page)
    await page.getByRole('button', { name: 'Garder ma carte sur cet appareil' }).click()
    await expect(page.getByRole('button', { name: 'Ne plus garder ma carte sur cet appareil' })).toBeVisible()
    const current = await keptCardNumber(page)
    expect(current).toMatch(/^\d+$/)

    // the copy on the device is of an older card (last year's, say)
    await page.evaluate(async () => {
      const cache = await (globalThis as any).caches.open('carte-enregistree')
      const saved = await (await cache.match('/hors-ligne/carte.json')).json()
      saved.page.insuranceCard.cardNumber = '000000000'
      await cache.put('/hors-ligne/carte.json', new Response(JSON.stringify(saved), { headers: { 'Content-Type': 'application/json' } }))
    })
    await page.goto('/')
    await expect.poll(() => keptCardNumber(page)).toBe(current)

    // the session expires: the card stays for its owner; another member signing in here removes it
    await page.context().clearCookies()
    await page.goto('/')
    await expect(page).toHaveURL(/\/connexion/)
    expect(await page.evaluate(() => (globalThis as unknown as CacheWindow).caches.has('carte-enregistree'))).toBe(true)
    await submitSignIn(page, 'camille')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Camille')
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as CacheWindow).caches.has('carte-enregistree'))).toBe(false)
  })

  test('« Présenter ma carte » fills the screen with a large DataMatrix and closes with Escape', async ({ page }) => {
    await signIn(page)
    await page.goto('/ma-mutuelle/carte')
    const present = page.getByRole('button', { name: 'Présenter ma carte' })
    await tabTo(page, present)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Ma carte de tiers payant' })
    await expect(dialog).toBeVisible()
    const code = dialog.getByRole('img', { name: /DataMatrix/ })
    const box = (await code.boundingBox())!
    // the code on the card itself is 96 px wide: at the counter it takes most of the screen's width
    expect(box.width).toBeGreaterThanOrEqual(390 * 0.8)
    await expectNoAxeViolations(page)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(present).toBeFocused()
  })
})
