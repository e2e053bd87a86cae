import { baseUrl, SERVERS } from './servers.ts'
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, INVOICE, signIn, test } from './support.ts'

// sending a quote files a démarche: this journey runs on the server whose household may change
test.use({ baseURL: baseUrl(SERVERS.changing) })

test('Benoit analyses Sarah\'s optician quote, sees the « 100 % Santé » alternative, and sends it', async ({ page }) => {
  await signIn(page)
  await page.goto('/devis')
  await expect(page.getByRole('heading', { level: 1, name: 'Analyse de devis' })).toBeVisible()
  await page.getByRole('button', { name: 'Analyser mon devis' }).click()
  await expect(page.getByLabel('Bénéficiaire')).toHaveAccessibleDescription(/Choisissez le bénéficiaire des soins\./)

  await page.getByLabel('Bénéficiaire').selectOption({ label: 'Sarah Garnier' })
  await page.getByLabel('Type de soin').selectOption({ label: 'Soins optiques' })
  await page.getByLabel('Montant total du devis (€)').fill('450,00')
  await page.getByRole('button', { name: 'Analyser mon devis' }).click()

  const result = page.getByRole('region', { name: 'Estimation de votre remboursement' })
  await expect(result).toBeFocused()
  await expect(result.getByText('Montant du devis')).toBeVisible()
  await expect(result.getByRole('definition').first()).toHaveText('450,00\u00A0€')
  await expect(result.getByText(/Avec un équipement «\s100 % Santé\s», il vous resterait 0,00\s€ à payer/)).toBeVisible()
  await expectNoAxeViolations(page)

  await page.locator('input[type="file"]').setInputFiles({ name: 'devis-opticien.pdf', mimeType: 'application/pdf', buffer: INVOICE })
  await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('envoyé')
  await page.getByRole('button', { name: 'Envoyer mon devis' }).click()
  await expect(page).toHaveURL(/\/demarches/)
  await expect(page.getByText(/Votre demande DEM-\d{4}-\d{6} a bien été envoyée/)).toBeVisible()
})

test('a quote sent empty lists what is missing at the top, and each link leads to its field', async ({ page }) => {
  await signIn(page)
  await page.goto('/devis')
  await page.getByRole('button', { name: 'Analyser mon devis' }).click()
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /^Votre saisie contient \d+ erreurs$/ }) })
  await expect(summary).toBeFocused()
  for (const label of ['Bénéficiaire', 'Type de soin', 'Montant total du devis (€)'])
    await expect(summary.getByRole('link', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s: `) })).toBeVisible()
  await summary.getByRole('link', { name: /^Type de soin/ }).click()
  await expect(page.getByLabel('Type de soin')).toBeFocused()
  await expectNoAxeViolations(page)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } })

  test('the quote page fits the screen and refuses an amount of zero in French', async ({ page }) => {
    await signIn(page)
    await page.goto('/devis')
    await page.getByLabel('Bénéficiaire').selectOption({ label: 'Louise Garnier' })
    await page.getByLabel('Type de soin').selectOption({ label: 'Soins dentaires' })
    await page.getByLabel('Montant total du devis (€)').fill('0')
    await page.getByRole('button', { name: 'Analyser mon devis' }).click()
    await expect(page.getByText('Indiquez le montant total du devis, supérieur à 0.')).toBeVisible()
    await expect(page.getByLabel('Montant total du devis (€)')).toBeFocused()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
  })
})
