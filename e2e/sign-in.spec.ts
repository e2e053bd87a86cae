import { expect, expectNoAxeViolations, mainNav, signIn, test } from './support.ts'

test('an anonymous visitor is sent to the sign-in page', async ({ page }) => {
  await page.goto('/remboursements')
  await expect(page).toHaveURL(/\/connexion/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('a wrong password shows a French error and keeps the visitor out', async ({ page }) => {
  await page.goto('/connexion')
  await page.getByLabel('Adresse e-mail').fill('benoit@example.org')
  await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.')
  await expect(page).toHaveURL(/\/connexion/)
})

test('an empty sign-in form sums its two errors up at the top, each linked to its field', async ({ page }) => {
  await page.goto('/connexion')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Votre saisie contient 2 erreurs' }) })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveText(['Adresse e-mail : Saisissez votre adresse e-mail.', 'Mot de passe : Saisissez votre mot de passe.'])
  // by keyboard: the first link, then Enter puts the cursor in its field
  await page.keyboard.press('Tab')
  await expect(summary.getByRole('link').first()).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Adresse e-mail')).toBeFocused()
  await expectNoAxeViolations(page)
  // once one field is right, the one left in error takes focus itself
  await page.getByLabel('Adresse e-mail').fill('benoit@example.org')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByLabel('Mot de passe')).toBeFocused()
  await expect(page.getByRole('heading', { name: /Votre saisie contient/ })).toHaveCount(0)
})

test('Benoit signs in, sees his home page, and signs out', async ({ page }) => {
  await page.goto('/connexion')
  await expectNoAxeViolations(page)
  await signIn(page)
  const main = page.getByRole('main')
  await expect(main.getByText('Ma carte de tiers payant')).toBeVisible()
  await expect(main.getByText('202897774')).toBeVisible()
  // the seed's dates, moved by whole years when the demo is loaded far from 2026
  await expect(main.getByText(/Soins dentaires le 04\/06\/\d{4} pour Léa/)).toBeVisible()
  await expect(main.getByText('Acceptée')).toBeVisible()
  await expect(main.getByText(/Soins optiques le 12\/02\/\d{4} pour Sarah/)).toBeVisible()
  await expect(main.getByRole('link', { name: 'Consulter tous mes remboursements' })).toBeVisible()
  await expect(main.getByText(/\d+,\d{2}\s€/).first()).toBeVisible()
  const nav = await mainNav(page)
  for (const label of ['Accueil', 'Ma mutuelle', 'Prestations', 'Offre & devis', 'Messagerie', 'Aide / contact', 'Mon compte'])
    await expect(nav.getByText(label, { exact: false }).first()).toBeVisible()

  await expectNoAxeViolations(page)

  await (await mainNav(page)).getByRole('button', { name: /Mon compte/ }).click()
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).or(page.getByRole('button', { name: 'Se déconnecter' })).or(page.getByRole('link', { name: 'Se déconnecter' })).first().click()
  await expect(page).toHaveURL(/\/connexion/)
  await page.goto('/')
  await expect(page).toHaveURL(/\/connexion/)
})
