import { expect, expectNoAxeViolations, signIn, test } from './support.ts'

test('a page whose title waits for its data gets focus on that title once it shows', async ({ page }) => {
  await signIn(page)
  const row = page.getByRole('region', { name: 'Prestations' }).getByRole('listitem').first().getByRole('link')
  await row.click()
  const heading = page.getByRole('main').getByRole('heading', { level: 1 })
  await expect(page).toHaveURL(/\/remboursements\/[\w-]+$/)
  await expect(heading).toBeFocused()
})

test('a step with several errors opens with their summary, each linked to its field', async ({ page }) => {
  await signIn(page)
  await page.goto('/remboursements/demande')
  await page.getByRole('radio', { name: /^Léa/ }).check()
  await page.getByRole('button', { name: 'Continuer' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Étape 2 sur 5 : Type de soin' })).toBeFocused()

  await page.getByRole('button', { name: 'Continuer' }).click()
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /^Votre saisie contient \d erreurs$/ }) })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveCount(3)
  await expectNoAxeViolations(page)
  await summary.getByRole('link', { name: /^Montant payé/ }).click()
  await expect(page.getByLabel('Montant payé')).toBeFocused()
})
