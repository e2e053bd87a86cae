import { DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, mainNav, signIn, test } from './support.ts'

const REJECTED = 'Mon prélèvement a été rejeté, que se passe-t-il ?'

test('the FAQ finds the same answer with and without accents, and its link opens the form with the objet chosen', async ({ page }) => {
  await signIn(page)
  await (await mainNav(page)).getByRole('link', { name: 'Aide / contact' }).click()
  await expect(page).toHaveURL(/\/aide$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Comment pouvons-nous vous aider ?' })).toBeVisible()
  const topics = page.getByRole('navigation', { name: 'Catégories' }).getByRole('link')
  await expect(topics).toHaveCount(6)
  await page.getByRole('button', { name: 'Afficher toutes les catégories' }).click()
  await expect(topics).toHaveCount(DEMO.helpCategories.length)
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(DEMO.guides.length)
  await expect(page.locator('details')).toHaveCount(DEMO.faqEntries.length)
  await expectNoAxeViolations(page)

  const search = page.getByRole('searchbox', { name: 'Votre question' })
  await search.fill('prélèvement rejeté')
  await search.press('Enter')
  await expect(page).toHaveURL(/\?q=pr%C3%A9l%C3%A8vement/)
  const questions = page.locator('details summary')
  await expect(page.getByRole('status').filter({ hasText: /correspond/ })).toBeVisible()
  await expect(questions.first()).toHaveText(REJECTED)
  const accented = await questions.allTextContents()

  await search.fill('PRELEVEMENT REJETE')
  await search.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: '« PRELEVEMENT REJETE »' })).toBeVisible()
  await expect(questions.first()).toHaveText(REJECTED)
  expect(await questions.allTextContents()).toEqual(accented)
  await expectNoAxeViolations(page)

  // a word it does not know: said, not an empty silence
  await search.fill('xylophone')
  await search.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Aucune question ne correspond à « xylophone ».' })).toBeVisible()
  await page.goBack()
  await expect(questions.first()).toHaveText(REJECTED)

  await questions.first().click()
  await page.getByRole('link', { name: 'Nous écrire' }).click()
  await expect(page).toHaveURL(/\/messagerie\/nouveau\?objet=rejet-de-prelevement$/)
  await expect(page.getByLabel('Choisir une catégorie').locator('option:checked')).toHaveText('Cotisations')
  await expect(page.getByLabel('Choisissez l\'objet de votre demande').locator('option:checked')).toHaveText('Rejet de prélèvement')
})

test('a topic filters the questions in the URL, a guide reads as a page, « Nous contacter » opens the form', async ({ page }) => {
  await signIn(page)
  await page.goto('/aide')
  await page.getByRole('link', { name: 'Cotisations', exact: true }).click()
  await expect(page).toHaveURL(/\/aide\?categorie=cotisations#questions$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Questions fréquentes : Cotisations' })).toBeVisible()
  const cotisations = DEMO.helpCategories.find(c => c.slug === 'cotisations')!
  await expect(page.locator('details')).toHaveCount(DEMO.faqEntries.filter(f => f.categoryId === cotisations.id).length)

  await page.getByRole('link', { name: 'Comprendre mes cotisations' }).click()
  await expect(page).toHaveURL(/\/aide\/guides\/comprendre-mes-cotisations$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Comprendre mes cotisations' })).toBeFocused()
  await expect(page.getByText('mandat de prélèvement SEPA')).toBeVisible()
  await expectNoAxeViolations(page)

  await page.goto('/aide')
  await page.getByRole('link', { name: 'Nous contacter' }).click()
  await expect(page).toHaveURL(/\/messagerie\/nouveau$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Envoyer un message' })).toBeVisible()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the help centre and a guide fit the screen and pass axe', async ({ page }) => {
    await signIn(page)
    await page.goto('/aide')
    await expect(page.locator('details').first()).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
    await page.goto('/aide/guides/fonctionnement-de-la-teletransmission')
    await expect(page.getByRole('heading', { level: 1, name: 'Fonctionnement de la télétransmission' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
  })
})
