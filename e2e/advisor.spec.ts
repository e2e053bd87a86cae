import type { Page } from '@playwright/test'
import { baseUrl, SERVERS } from './servers.ts'
import { expect, expectNoAxeViolations, INVOICE, submitSignIn, test } from './support.ts'

// the advisor decides a démarche of the demo household: the server whose data may change.
// reimbursements.spec.ts sends requests there too, so nothing here counts the queue's length.
test.use({ baseURL: baseUrl(SERVERS.changing) })

async function signInAsAdvisor(page: Page) {
  await submitSignIn(page, 'advisor')
  await expect(page).toHaveURL(/\/conseiller$/)
  await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
}

const SARAHS_OPTICS = /^Soins optiques le .* pour Sarah$/
const sarahsOptics = (page: Page) => page.getByRole('table').getByRole('link', { name: SARAHS_OPTICS })

test('the advisor asks Sarah for documents on her optics request: it leaves the queue, and comes back with the member\'s document', async ({ page }) => {
  await signInAsAdvisor(page)
  const table = page.getByRole('table')
  await expect(table.locator('tbody tr').first()).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /tâches? en attente/ })).toBeVisible()
  await expect(sarahsOptics(page)).toHaveCount(1)
  const row = table.locator('tbody tr').filter({ has: page.getByRole('link', { name: SARAHS_OPTICS }) })
  await expect(row).toContainText('Benoit Garnier')
  await expect(row).toContainText('389,00')
  await expectNoAxeViolations(page)

  // the detail: the request, its timeline, the decision form; the title has the focus
  await sarahsOptics(page).click()
  await expect(page).toHaveURL(/\/conseiller\/demarches\/[\w-]+$/)
  const title = page.getByRole('heading', { level: 1, name: SARAHS_OPTICS })
  await expect(title).toBeVisible()
  await expect(title).toBeFocused()
  await expect(page.getByText('En cours', { exact: true })).toBeVisible()
  await expect(page.getByText('Optique Lafayette')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Pièces justificatives' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Historique' })).toBeVisible()
  const decision = page.getByRole('group', { name: 'Votre décision' })
  await expect(decision.getByRole('radio')).toHaveCount(3)
  await expectNoAxeViolations(page)

  // asking without a note: the server's French message, next to the note
  await decision.getByRole('radio', { name: /Demander des pièces/ }).check()
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
  const note = page.getByLabel('Note pour l\'adhérent')
  await expect(page.getByText('Indiquez à l\'adhérent les pièces à fournir.')).toBeVisible()
  await expect(note).toHaveAttribute('aria-invalid', 'true')
  await expect(note).toBeFocused()
  await expectNoAxeViolations(page)

  await note.fill('Merci de joindre la facture détaillée de l\'opticien et la prescription.')
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
  const side = page.getByRole('complementary', { name: 'Décision' })
  await expect(side.getByRole('heading', { name: 'Décision enregistrée' })).toBeFocused()
  await expect(side.getByText('Pièces manquantes', { exact: true })).toBeVisible()
  await expect(side.getByText('Merci de joindre la facture détaillée')).toBeVisible()
  await expectNoAxeViolations(page)

  // back in the queue, it is gone: the member has the next move
  await side.getByRole('link', { name: 'Retour à la file de traitement' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /en attente/ })).toBeVisible()
  await expect(sarahsOptics(page)).toHaveCount(0)
  await expectNoAxeViolations(page)

  // Benoit reads the note and sends the invoice from Mes démarches
  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(page).toHaveURL(/\/connexion/)
  await submitSignIn(page, 'benoit')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
  await page.goto('/demarches?statut=MISSING_DOCUMENTS')
  const card = page.getByRole('article', { name: SARAHS_OPTICS })
  await expect(card.getByText('Merci de joindre la facture détaillée').first()).toBeVisible()
  await card.locator('input[type="file"]').setInputFiles({ name: 'facture-opticien.pdf', mimeType: 'application/pdf', buffer: INVOICE })
  await expect(card.getByRole('list', { name: 'Documents joints' })).toContainText('envoyé')
  await card.getByRole('button', { name: 'Envoyer les pièces' }).click()
  await expect(card.locator('.base-badge')).toHaveText('En cours')

  // back in the queue, with the document the advisor can open
  await page.context().clearCookies()
  await signInAsAdvisor(page)
  await sarahsOptics(page).click()
  await expect(page.getByRole('heading', { level: 1, name: SARAHS_OPTICS })).toBeVisible()
  const file = page.getByRole('link', { name: 'facture-opticien.pdf' })
  await expect(file).toBeVisible()
  const download = await page.request.get((await file.getAttribute('href'))!)
  expect(download.status()).toBe(200)
  expect(download.headers()['content-type']).toBe('application/pdf')
  expect(Buffer.from(await download.body())).toEqual(INVOICE)
})

test('the advisor filters the queue by kind; the URL keeps the filter through a reload', async ({ page }) => {
  await signInAsAdvisor(page)
  await page.getByLabel('Type de tâche').selectOption({ label: 'Analyse de devis' })
  await expect(page).toHaveURL(/\?type=QUOTE$/)
  await expect(page.getByRole('status').filter({ hasText: 'analyse de devis' })).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Type de tâche').locator('option:checked')).toHaveText('Analyse de devis')
  await expect(page.getByRole('table').getByRole('link', { name: /^Soins optiques/ })).toHaveCount(0)
  await page.goBack()
  await expect(page).toHaveURL(/\/conseiller$/)
  await expect(page.getByLabel('Type de tâche').locator('option:checked')).toHaveText('Démarches et messages')
})

test('a member who opens the advisor\'s pages lands on their own home page', async ({ page }) => {
  await submitSignIn(page, 'camille')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour')
  await page.goto('/conseiller')
  await expect(page).toHaveURL(/\/$/)
  await page.goto('/conseiller/demarches/anything')
  await expect(page).toHaveURL(/\/$/)
})
