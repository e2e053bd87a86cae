import { baseUrl, SERVERS } from './servers.ts'
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn, submitSignIn, test } from './support.ts'

// an advisor opening a démarche adds to Benoit's audit trail: the server whose data may change.
// advisor.spec.ts opens démarches there too, so nothing here counts the entries.
test.use({ baseURL: baseUrl(SERVERS.changing) })

test('after an advisor opens one of his démarches, Benoit sees it in "Mes données personnelles"', async ({ page }) => {
  await submitSignIn(page, 'advisor')
  await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
  // a démarche, not one of the messages waiting beside them
  const row = page.getByRole('table').locator('tbody tr').filter({ hasText: 'Benoit Garnier' }).filter({ has: page.locator('a[href^="/conseiller/demarches/"]') }).first()
  await row.getByRole('link').click()
  const reference = page.locator('.advisor-procedure__reference')
  await expect(reference).toHaveText(/^Référence DEM-\d{4}-\d+$/)
  const ref = (await reference.innerText()).replace('Référence ', '')

  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(page).toHaveURL(/\/connexion/)
  await signIn(page)
  await page.goto('/mon-compte/donnees')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes données personnelles' })).toBeVisible()
  const section = page.getByRole('region', { name: 'Qui a consulté mon dossier ?' })
  const table = section.getByRole('table', { name: /Consultations de votre dossier/ })
  const entry = table.locator('tbody tr').filter({ hasText: `a consulté votre démarche ${ref}` }).first()
  await expect(entry).toBeVisible()
  await expect(entry).toContainText('Claire Moreau, conseillère')
  await expect(entry.locator('time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/)
  // honest about the other rights: a message, not a download that does not exist
  const rights = page.getByRole('region', { name: 'Vos autres droits' })
  await expect(rights).toContainText('Données et site internet')
  await expect(rights.getByRole('link', { name: 'Écrire à ma mutuelle' })).toHaveAttribute('href', '/messagerie/nouveau?objet=traitement-des-donnees-personnelles')
  await expect(page.getByRole('link', { name: /télécharger/i })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // on a phone the page fits the screen; the table scrolls inside its own region if it must
  await page.setViewportSize({ width: 375, height: 800 })
  await page.reload()
  await expect(entry).toBeVisible()
  await expectNoHorizontalScroll(page)
  await expectNoAxeViolations(page)
})
