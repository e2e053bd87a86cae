import type { Page } from '@playwright/test'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../server/modules/auth/session.service.ts'
import { RETENTION_YEARS as MESSAGE_RETENTION_YEARS } from '../server/modules/messages/message-retention.ts'
import { ABANDONED_UPLOAD_DAYS } from '../server/modules/uploads/uploads.service.ts'
import { AUDITED_PAGES, AUDITED_WIDTHS } from '../web/src/features/site/accessibility-audit.ts'
import { auditedPath, DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn, submitSignIn, test } from './support.ts'

const FOOTER = ['Actualités', 'Plan du site', 'Accessibilité', 'Mentions légales', 'Politique de confidentialité', 'Gestion des cookies', 'Conditions générales d\'utilisation']

test('every footer link opens a real page, signed out too', async ({ page }) => {
  await page.goto('/connexion')
  for (const name of FOOTER.filter(n => n !== 'Actualités')) {
    await page.getByRole('contentinfo').getByRole('link', { name, exact: true }).click()
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(main.getByText(/arrive bientôt|introuvable/)).toHaveCount(0)
    // real content: sections with headings or a table, not a title alone
    await expect(main.getByRole('heading', { level: 2 }).or(main.getByRole('table')).first()).toBeVisible()
    await expectNoAxeViolations(page)
  }
  await expect(page.getByRole('contentinfo')).toContainText('Mutuelle Horizon, mutuelle soumise aux dispositions du livre II du Code de la mutualité.')
})

test('the privacy policy states the retention periods the code applies', async ({ page }) => {
  await page.goto('/confidentialite')
  const table = page.getByRole('table', { name: 'Durées de conservation appliquées par cet espace' })
  const row = (label: string) => table.getByRole('row', { name: new RegExp(`^${label}`) })
  await expect(row('Session inactive')).toContainText(`${IDLE_TIMEOUT_MS / 60_000} minutes`)
  await expect(row('Durée maximale d\'une session')).toContainText(`${ABSOLUTE_TIMEOUT_MS / 3_600_000} heures`)
  await expect(row('Documents importés jamais envoyés')).toContainText(`${ABANDONED_UPLOAD_DAYS} jours`)
  await expect(row('Messages échangés avec votre mutuelle')).toContainText(MESSAGE_RETENTION_YEARS === 1 ? '1 an' : `${MESSAGE_RETENTION_YEARS} ans`)
  await page.goto('/cookies')
  await expect(page.getByRole('table', { name: 'Les cookies de cet espace' }).getByRole('row')).toHaveCount(2)
})

test('the site map links every page a member can open by its address', async ({ page }) => {
  await signIn(page)
  await page.goto('/plan-du-site')
  const main = page.getByRole('main')
  for (const name of ['Mes remboursements', 'Mes documents', 'Actualités', 'Mentions légales'])
    await expect(main.getByRole('link', { name, exact: true })).toBeVisible()
  await main.getByRole('link', { name: 'Mes documents', exact: true }).click()
  await expect(page).toHaveURL(/\/ma-mutuelle\/documents$/)
})

test('from the home page, the offer opens its article, and the list of news reads newest first', async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: 'Lire l\'actualité' }).click()
  const article = page.getByRole('main').getByRole('article')
  await expect(article.getByRole('heading', { level: 1 })).toContainText('Voyage')
  await expect(article.getByRole('img', { name: /valise/ })).toBeVisible()
  await expect(article.getByText(/^Publié le /)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'Toutes les actualités' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Actualités' })).toBeVisible()
  const titles = page.getByRole('main').getByRole('heading', { level: 2 })
  const newestFirst = [...DEMO.newsItems].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map(n => n.title)
  await expect(titles).toHaveText(newestFirst)
  await expectNoAxeViolations(page)
  // an unknown article says so instead of an empty page
  await page.goto('/actualites/inconnue')
  await expect(page.getByText('Cette actualité n\'est plus disponible.')).toBeVisible()
})

async function signInAs(page: Page, who: 'visitor' | 'member' | 'advisor') {
  if (who === 'member')
    return signIn(page)
  if (who === 'advisor') {
    await submitSignIn(page, 'advisor')
    await expect(page).toHaveURL(/\/conseiller/)
  }
}

// what the accessibility statement claims, checked: each listed page, at each listed width
for (const width of AUDITED_WIDTHS) {
  for (const who of ['visitor', 'member', 'advisor'] as const) {
    const pages = AUDITED_PAGES.filter(p => p.as === who)
    test(`the pages the accessibility statement lists for a ${who} pass axe-core at ${width} px`, async ({ page }) => {
      // one audit after another on a busy machine: time for each page, not for the whole list
      test.setTimeout(30_000 + 20_000 * pages.length)
      await page.setViewportSize({ width, height: 900 })
      await signInAs(page, who)
      for (const audited of pages) {
        await page.goto(auditedPath(audited.path))
        // audited with its data, as the member reads it
        await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible()
        await expect(page.locator('.base-loading')).toHaveCount(0)
        await expectNoAxeViolations(page)
        await expectNoHorizontalScroll(page)
      }
    })
  }
}

test('the accessibility statement lists exactly the audited pages', async ({ page }) => {
  await page.goto('/accessibilite')
  const listed = page.getByRole('list', { name: 'Pages analysées automatiquement' }).getByRole('link')
  await expect(listed).toHaveText(AUDITED_PAGES.map(p => p.name))
})
