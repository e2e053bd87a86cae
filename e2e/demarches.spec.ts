import { DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn, test } from './support.ts'

// Benoit's démarches as the reading server loaded them for this day
const benoit = DEMO.members.find(m => m.firstName === 'Benoit')!
const his = DEMO.procedures.filter(p => p.memberId === benoit.id)
const missing = his.filter(p => p.status === 'MISSING_DOCUMENTS')
const others = his.length - missing.length
const PAGE = 10

test('the home page says which démarches wait for a document, and leads to each', async ({ page }) => {
  expect(missing.length).toBeGreaterThan(0)
  await signIn(page)
  const main = page.getByRole('main')
  const block = main.getByRole('region', { name: 'Pièces manquantes' })
  await expect(block).toContainText(missing.length === 1 ? 'Une démarche attend un document de votre part.' : `${missing.length} démarches attendent un document de votre part.`)
  await expect(block.getByRole('link')).toHaveCount(Math.min(missing.length, 3) + (missing.length > 3 ? 1 : 0))
  await expectNoAxeViolations(page)

  await block.getByRole('link').first().click()
  await expect(page).toHaveURL(new RegExp(`/demarches#demarche-${missing.map(p => p.id).join('|')}`))
  const card = main.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Ajouter les pièces demandées' }) }).first()
  await expect(card).toBeFocused()
  await expect(card).toBeInViewport()
})

test('Mes démarches puts the missing documents first, then the others page by page', async ({ page }) => {
  await signIn(page)
  await page.goto('/demarches')
  const main = page.getByRole('main')
  await expect(main.getByRole('status').filter({ hasText: /démarches?$/ })).toHaveText(`${his.length} démarche${his.length > 1 ? 's' : ''}`)

  const first = main.getByRole('region', { name: 'Pièces manquantes' })
  await expect(first.getByRole('article')).toHaveCount(missing.length)
  for (const badge of await first.getByRole('article').locator('.base-badge').allInnerTexts())
    expect(badge).toBe('Pièces manquantes')
  // it comes before every other démarche on the page
  await expect(main.getByRole('article').first()).toHaveAttribute('id', new RegExp(missing.map(p => `demarche-${p.id}`).join('|')))

  const rest = main.getByRole('region', { name: 'Mes autres démarches' })
  await expect(rest.getByRole('article')).toHaveCount(Math.min(others, PAGE))
  await expect(rest.getByRole('article').locator('.base-badge').filter({ hasText: 'Pièces manquantes' })).toHaveCount(0)
  expect(others).toBeGreaterThan(PAGE)
  await rest.getByRole('button', { name: 'Voir plus de démarches' }).click()
  await expect(rest.getByRole('article')).toHaveCount(Math.min(others, 2 * PAGE))
  await expectNoAxeViolations(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await expectNoHorizontalScroll(page)
})
