import { ACCOUNTS, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn, tabTo, test } from './support.ts'

test('a member signs in and reaches a page through the menus with the keyboard alone', async ({ page }) => {
  await page.goto('/connexion')
  await tabTo(page, page.getByLabel('Adresse e-mail'))
  await page.keyboard.type(ACCOUNTS.benoit.email)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Mot de passe')).toBeFocused()
  await page.keyboard.type(ACCOUNTS.benoit.password)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')

  // on a fresh load the skip link comes first and lands in the main content
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Aller au contenu' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#contenu')).toBeFocused()

  // a disclosure menu opens with Enter, closes with Escape, and its links follow with Enter
  const prestations = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('button', { name: /Prestations/ })
  await tabTo(page, prestations)
  await page.keyboard.press('Enter')
  await expect(prestations).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Escape')
  await expect(prestations).toHaveAttribute('aria-expanded', 'false')
  await expect(prestations).toBeFocused()
  await page.keyboard.press('Enter')
  const link = page.getByRole('link', { name: 'Mes remboursements', exact: true })
  await tabTo(page, link)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/remboursements$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes remboursements')
  // focus moves to the new page's heading, so a screen reader announces it
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } })

  test('the home page fits the screen and the navigation opens from its Menu button', async ({ page }) => {
    await signIn(page)
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
    const nav = page.getByRole('navigation', { name: 'Navigation principale' })
    await expect(nav.getByRole('link', { name: 'Accueil' })).toBeHidden()
    // the Messagerie link hides behind the menu: the button tells how many messages are unread
    await nav.getByRole('button', { name: /^Menu.*\d+ messages? non lus?/ }).click()
    await nav.getByRole('link', { name: /^Messagerie/ }).click()
    await expect(page).toHaveURL(/\/messagerie$/)
    for (const path of ['/remboursements', '/remboursements/demande', '/demarches'])
      await page.goto(path).then(() => expectNoHorizontalScroll(page))
  })
})
