import type { Page, Route } from '@playwright/test'
import { ACCOUNTS, expect, expectNoAxeViolations, mainNav, signIn, submitSignIn, test } from './support.ts'

/** Intercepts the session check (the Viewer query) and lets the test decide what it answers. */
async function onSessionCheck(page: Page, handle: (route: Route) => Promise<void>): Promise<void> {
  await page.route('**/graphql', async (route) => {
    if (route.request().postDataJSON()?.operationName === 'Viewer')
      return handle(route)
    return route.continue()
  })
}

test('the frame is drawn at once while the session is checked, then the page', async ({ page }) => {
  await signIn(page)
  let answer!: () => void
  const held = new Promise<void>((resolve) => { answer = resolve })
  await onSessionCheck(page, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/')
  // the server has not answered yet: the header and a loading message, not a white page
  await expect(page.getByRole('banner').getByText('Espace adhérent')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Ouverture de votre espace' })).toBeVisible()
  answer()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
  await expect(page.getByText('Ouverture de votre espace')).toHaveCount(0)
})

test('a server error while reloading shows the error with « Réessayer », not the sign-in page', async ({ page }) => {
  await signIn(page)
  await page.goto('/demarches')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeVisible()
  await onSessionCheck(page, route => route.fulfill({ status: 502, contentType: 'text/plain', body: 'Bad Gateway' }))
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Le service ne répond pas pour le moment' })).toBeVisible()
  await expect(page).toHaveURL(/\/demarches$/)
  await expect(page.getByRole('button', { name: 'Se connecter' })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // the server is back: « Réessayer » opens the page asked for, still signed in
  await page.unrouteAll()
  await page.getByRole('button', { name: 'Réessayer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeVisible()
})

test('offline, a page not yet downloaded says so and opens once the network is back', async ({ page, context }) => {
  await signIn(page)
  await context.setOffline(true)
  await page.getByRole('link', { name: 'Voir toutes mes démarches' }).click()
  const offline = page.getByRole('alert').filter({ hasText: 'Vous êtes hors ligne' })
  await expect(offline).toBeInViewport()
  await expect(offline.getByRole('heading', { name: 'Vous êtes hors ligne' })).toBeFocused()
  await expect(offline).toContainText('Les pages déjà ouvertes restent consultables')
  // the member is still on the page they were reading
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
  await expectNoAxeViolations(page)

  await context.setOffline(false)
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeVisible()
  await expect(offline).toHaveCount(0)
})

test('an expired session says so, clears the header, and brings the member back after signing in', async ({ page, context }) => {
  await signIn(page)
  await page.goto('/demarches')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeVisible()
  const nav = await mainNav(page)
  await expect(nav).toBeVisible()

  // the server forgets the session; the next page's request learns it
  await context.clearCookies()
  await nav.getByRole('button', { name: /Prestations/ }).click()
  await nav.getByRole('link', { name: 'Mes remboursements' }).or(nav.getByRole('menuitem', { name: 'Mes remboursements' })).first().click()

  await expect(page).toHaveURL(/\/connexion\?/)
  await expect(page.getByRole('status').filter({ hasText: 'Votre session a expiré' })).toBeVisible()
  await expect(nav).toHaveCount(0)
  await expect(page.getByRole('link', { name: /Messagerie/ })).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.getByLabel('Adresse e-mail').fill(ACCOUNTS.benoit.email)
  await page.getByLabel('Mot de passe').fill(ACCOUNTS.benoit.password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page).toHaveURL(/\/remboursements$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Mes remboursements' })).toBeVisible()
})

test('signing out says « Vous êtes déconnecté »', async ({ page }) => {
  await signIn(page)
  await (await mainNav(page)).getByRole('button', { name: /Mon compte/ }).click()
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).or(page.getByRole('button', { name: 'Se déconnecter' })).first().click()
  await expect(page).toHaveURL(/\/connexion/)
  await expect(page.getByRole('status').filter({ hasText: 'Vous êtes déconnecté' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0)
  // signing in afresh leads home, not to a page of the previous visit
  await submitSignIn(page, 'benoit')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
})
