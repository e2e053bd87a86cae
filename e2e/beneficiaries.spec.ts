import type { Page } from '@playwright/test'
import { addDays } from '../server/core/clock.ts'
import { nirWithKey } from '../server/db/demo/identifiers.ts'
import { ANCHOR, baseUrl, SERVERS } from './servers.ts'
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, INVOICE, signIn, submitSignIn, tabTo, test } from './support.ts'

// a new beneficiary changes Benoit's household: the server whose data may change
test.use({ baseURL: baseUrl(SERVERS.changing) })

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
// a baby born a month ago, declared now: covered from birth
const birth = addDays(ANCHOR, -30)
const nir = nirWithKey(`1${birth.slice(2, 4)}${birth.slice(5, 7)}33063412`)

// another person on the same browser: the session cookie goes, as after signing out
async function signOut(page: Page) {
  await page.context().clearCookies()
}

test('Benoit adds his newborn; once the advisor accepts, Jules is on the beneficiaries page and the card', async ({ page }) => {
  await signIn(page)
  await page.goto('/ma-mutuelle/beneficiaires')
  await page.getByRole('link', { name: 'Ajouter un bénéficiaire' }).click()
  await expect(page).toHaveURL(/\/ma-mutuelle\/beneficiaires\/ajout$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Ajouter un bénéficiaire' })).toBeVisible()
  await expectNoAxeViolations(page)

  // bad input: the server's French messages beside the fields, the first invalid one focused
  await page.getByLabel('Prénom').fill('Jules')
  await page.getByLabel('Nom', { exact: true }).fill('Garnier')
  await page.getByLabel('Date de naissance').fill(addDays(ANCHOR, 3))
  await page.getByLabel('Lien avec vous').selectOption({ label: 'Enfant' })
  await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill('1 23 45 67 890 123 45')
  await page.getByRole('button', { name: 'Envoyer la demande' }).click()
  await expect(page.getByLabel('Date de naissance')).toHaveAccessibleDescription(/La date de naissance ne peut pas être dans le futur\./)
  await expect(page.getByLabel('Numéro de sécurité sociale', { exact: true })).toHaveAccessibleDescription(/Ce numéro de sécurité sociale n'est pas valide/)
  await expect(page.getByText(/Joignez le justificatif/).first()).toBeVisible()
  // the errors summed up at the top, with focus, each linked to its field
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /Votre saisie contient \d+ erreurs/ }) })
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: /^Date de naissance\s: La date de naissance ne peut pas être dans le futur/ })).toBeVisible()
  await expect(summary.getByRole('link', { name: /^Numéro de sécurité sociale\s: Ce numéro de sécurité sociale n'est pas valide/ })).toBeVisible()
  await summary.getByRole('link', { name: /^Date de naissance/ }).click()
  await expect(page.getByLabel('Date de naissance')).toBeFocused()
  await expect(page.getByLabel('Date de naissance')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  await page.getByLabel('Date de naissance').fill(birth)
  await page.getByLabel('Numéro de sécurité sociale', { exact: true }).fill(nir)
  await page.getByLabel(/Début de la couverture/).fill(birth)
  await page.getByLabel('Type de justificatif').selectOption({ label: 'Acte de naissance' })
  await page.locator('input[type="file"]').setInputFiles({ name: 'acte-de-naissance.pdf', mimeType: 'application/pdf', buffer: INVOICE })
  await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('acte-de-naissance.pdf')
  await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('envoyé')
  // sent from the keyboard
  await tabTo(page, page.getByRole('button', { name: 'Envoyer la demande' }))
  await page.keyboard.press('Enter')
  const done = page.getByRole('heading', { name: 'Votre demande est envoyée' })
  await expect(done).toBeFocused()
  await expect(page.getByText(/^Référence DEM-\d{4}-\d+/)).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Retour à mes bénéficiaires' }).click()
  const pending = page.getByRole('region', { name: 'Demandes en cours' })
  await expect(pending).toContainText('Ajout de bénéficiaire : Jules Garnier')
  await expect(pending).toContainText(`couverture demandée à partir du ${frDate(birth)}`)
  await expect(page.getByRole('article', { name: 'Jules Garnier' })).toHaveCount(0)
  await signOut(page)

  // the advisor decides it in the queue
  await submitSignIn(page, 'advisor')
  await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
  await page.goto('/conseiller?type=BENEFICIARY_ADDITION')
  const row = page.getByRole('table').locator('tbody tr').filter({ hasText: 'Benoit Garnier' }).last()
  await row.getByRole('link').click()
  await expect(page.getByText('Jules Garnier', { exact: true })).toBeVisible()
  await expect(page.getByText('Acte de naissance', { exact: true })).toBeVisible()
  await expect(page.getByText(frDate(birth), { exact: true }).first()).toBeVisible()
  // what the decision needs, not the Social Security number itself
  await expect(page.getByText('Son propre numéro', { exact: true })).toBeVisible()
  await expect(page.getByRole('main')).not.toContainText(nir.slice(-5))
  await expect(page.getByRole('link', { name: /acte-de-naissance\.pdf/ })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('group', { name: 'Votre décision' }).getByRole('radio', { name: /Accepter/ }).check()
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
  const side = page.getByRole('complementary', { name: 'Décision' })
  await expect(side.getByRole('heading', { name: 'Décision enregistrée' })).toBeFocused()
  await expect(side.getByText(`Demande acceptée : Jules est couvert(e) à compter du ${frDate(birth)}.`)).toBeVisible()
  await signOut(page)

  // Benoit sees Jules covered from birth, on the page and on the card
  await signIn(page)
  await page.goto('/ma-mutuelle/beneficiaires')
  const jules = page.getByRole('article', { name: 'Jules Garnier' })
  await expect(jules.getByText(/^Enfant\b.*\bRang 06$/)).toBeVisible()
  await expect(jules).toContainText(`depuis le ${frDate(birth)}`)
  await expect(page.getByRole('region', { name: 'Demandes en cours' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await page.goto('/ma-mutuelle/carte')
  await expect(page.getByRole('main').getByText('Jules', { exact: false }).filter({ visible: true }).first()).toBeVisible()
})

test('the removal form is reachable from a beneficiary, and both forms fit a phone', async ({ page }) => {
  await signIn(page)
  await page.goto('/ma-mutuelle/beneficiaires')
  await page.getByRole('link', { name: 'Demander la fin de couverture de Hélia Garnier' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Retirer un bénéficiaire' })).toBeVisible()
  await page.getByRole('button', { name: 'Demander la fin de couverture' }).click()
  await expect(page.getByText('Indiquez le dernier jour de couverture.')).toBeVisible()
  await expect(page.getByLabel('Dernier jour de couverture')).toBeFocused()
  await expectNoAxeViolations(page)

  await page.setViewportSize({ width: 390, height: 844 })
  for (const path of ['/ma-mutuelle/beneficiaires/ajout', page.url().replace(/^https?:\/\/[^/]+/, ''), '/ma-mutuelle/beneficiaires']) {
    await page.goto(path)
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
  }
})
