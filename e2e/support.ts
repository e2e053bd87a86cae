import type { Locator, Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { test as base, expect } from '@playwright/test'
import { slugify } from '../server/core/text.ts'
import { buildDemoRows } from '../server/db/demo/index.ts'
import { ANCHOR } from './servers.ts'

export { expect }

/**
 * Every journey's browser lives on the servers' day: when `TODAY` pins another day, the page's
 * `Date` is moved there too (timers keep running), so dates typed and shown agree with the server.
 */
export const test = base.extend<{ anchoredBrowserClock: void }>({
  anchoredBrowserClock: [async ({ page }, use) => {
    if (process.env.TODAY)
      await page.clock.setFixedTime(new Date(`${ANCHOR}T10:00:00`))
    await use()
  }, { auto: true }],
})

/** The demo rows the servers loaded, built for the same day: tests count from them. */
export const DEMO = buildDemoRows(ANCHOR, { benoit: '', camille: '', advisor: '' })

export const ACCOUNTS = {
  benoit: { email: 'benoit@example.org', password: 'demo-benoit-2026' },
  camille: { email: 'camille@example.org', password: 'demo-camille-2026' },
  advisor: { email: 'conseiller@example.org', password: 'demo-conseiller-2026' },
} as const

/** A small but real PDF, as a member's scanned invoice would be. */
export const INVOICE = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

const benoit = DEMO.members.find(m => m.firstName === 'Benoit')!
const benoitsReimbursements = DEMO.reimbursements.filter(r => r.memberId === benoit.id)
const shares = (id: string) => DEMO.reimbursementShares.filter(s => s.reimbursementId === id).length
/** Benoit's items the pages shown for one item open on: the richest of each kind. */
const AUDITED_ITEMS: Record<string, string> = {
  contract: DEMO.contracts.find(c => c.memberId === benoit.id && !c.main)!.id!,
  beneficiary: DEMO.beneficiaries.find(b => b.firstName === 'Sarah')!.id!,
  reimbursement: benoitsReimbursements.reduce((a, b) => shares(b.id!) > shares(a.id!) ? b : a).id!,
  thread: DEMO.messageThreads.find(t => t.memberId === benoit.id)!.id!,
  guide: slugify(DEMO.guides[0]!.title),
  news: DEMO.newsItems[0]!.id!,
}

/** An audited page's address, its `:placeholder` replaced by the demo item it stands for. */
export function auditedPath(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const id = AUDITED_ITEMS[name]
    if (!id)
      throw new Error(`no demo item for ${name} in ${path}`)
    return id
  })
}

/** Fills and sends the sign-in form; waits for nothing (callers check where they land). */
export async function submitSignIn(page: Page, who: keyof typeof ACCOUNTS): Promise<void> {
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill(ACCOUNTS[who].email)
  await page.getByLabel('Mot de passe').fill(ACCOUNTS[who].password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

/** Signs Benoit in and waits for his home page. */
export async function signIn(page: Page): Promise<void> {
  await submitSignIn(page, 'benoit')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
}

/** axe-core finds nothing on the page as it is now; violations are listed by rule and element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // the SPA mounts after the load event: audit the page it shows, not the empty shell
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible()
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])
}

// the specs are type-checked against Node's library: the page's globals are typed here, not from the DOM lib
interface PageGlobals { document: { documentElement: { scrollWidth: number, clientWidth: number }, activeElement: unknown } }

/** The page fits the viewport's width: nothing makes a phone scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => {
    const root = (globalThis as unknown as PageGlobals).document.documentElement
    return { scroll: root.scrollWidth, client: root.clientWidth }
  })
  expect(scroll, `${new URL(page.url()).pathname} défile de côté à ${client} px`).toBeLessThanOrEqual(client)
}

/** Presses Tab until the target has focus (at most 40 times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate(el => el === (globalThis as unknown as PageGlobals).document.activeElement))
      return
    await page.keyboard.press('Tab')
  }
}

/** The main navigation, opened first where it hides behind « Menu » (a phone), as a member would. */
export async function mainNav(page: Page): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  const toggle = nav.getByRole('button', { name: /^Menu/ })
  if (await toggle.isVisible() && await toggle.getAttribute('aria-expanded') !== 'true')
    await toggle.click()
  return nav
}
