import type { Page } from '@playwright/test'
import { expect, signIn, test } from './support.ts'

// the budget of issue #15: what a member on a slow line downloads before seeing the page
const FIRST_LOAD_BUDGET = 110 * 1024

/** Counts every byte received (headers and encoded body) until the page is idle. */
function countBytes(page: Page) {
  const received: Promise<{ url: string, bytes: number }>[] = []
  page.on('requestfinished', (request) => {
    received.push(request.sizes().then(sizes => ({ url: request.url(), bytes: sizes.responseHeadersSize + sizes.responseBodySize })))
  })
  return async () => {
    await page.waitForLoadState('networkidle')
    const all = await Promise.all(received)
    return { total: all.reduce((sum, r) => sum + r.bytes, 0), all }
  }
}

test('the sign-in page arrives compressed, in less than 110 Kio, its assets cached for good', async ({ page }) => {
  const scripts: { url: string, encoding?: string, cache?: string }[] = []
  page.on('response', (response) => {
    if (/\.(?:js|css)$/.test(new URL(response.url()).pathname))
      scripts.push({ url: response.url(), encoding: response.headers()['content-encoding'], cache: response.headers()['cache-control'] })
  })
  const bytes = countBytes(page)
  await page.goto('/connexion')
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible()
  const { total, all } = await bytes()
  expect(total, all.map(r => `${r.url} ${r.bytes}`).join('\n')).toBeLessThanOrEqual(FIRST_LOAD_BUDGET)
  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts) {
    expect(script.encoding, script.url).toBe('br')
    expect(script.cache, script.url).toBe('public, max-age=31536000, immutable')
  }
})

test('a signed-in member\'s home page, from a cold cache, arrives in less than 110 Kio', async ({ page, browser }) => {
  await signIn(page)
  // a new context keeps the session cookie but not the HTTP cache: the first visit of the day
  const cold = await browser.newContext({ storageState: await page.context().storageState() })
  try {
    const home = await cold.newPage()
    const bytes = countBytes(home)
    await home.goto('/')
    await expect(home.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
    const { total, all } = await bytes()
  expect(total, all.map(r => `${r.url} ${r.bytes}`).join('\n')).toBeLessThanOrEqual(FIRST_LOAD_BUDGET)
  }
  finally {
    await cold.close()
  }
})

test('a chunk of an older build answers 404, not the page, so the SPA can tell', async ({ request }) => {
  const res = await request.get('/assets/RemovedPage-0ld0ld00.js')
  expect(res.status()).toBe(404)
  expect(await res.text()).not.toContain('<html')
})
