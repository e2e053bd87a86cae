import { addDays } from '../server/core/clock.ts'
import { formatEuros } from '../server/core/format.ts'
import { ANCHOR, baseUrl, SERVERS } from './servers.ts'
import { DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, INVOICE, signIn, test } from './support.ts'

// this journey sends a request: it runs on the server whose household may change
test.use({ baseURL: baseUrl(SERVERS.changing) })

/** A day in France, n days before the servers' day, as YYYY-MM-DD (what a date field takes). */
function daysAgo(n: number): string {
  return addDays(ANCHOR, -n)
}

test('Benoit filters his reimbursements by Léa; the URL keeps the filter through a reload', async ({ page }) => {
  await signIn(page)
  await page.goto('/remboursements')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes remboursements' })).toBeVisible()
  const rows = page.getByRole('table').locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByLabel('Bénéficiaire').selectOption({ label: 'Léa' })
  await expect(page).toHaveURL(/[?&]beneficiaire=/)
  await expect(page.getByRole('status').filter({ hasText: 'remboursements de Léa' })).toBeVisible()

  await page.reload()
  await expect(page).toHaveURL(/[?&]beneficiaire=/)
  await expect(page.getByLabel('Bénéficiaire')).toHaveValue(/.+/)
  await expect(page.getByLabel('Bénéficiaire').locator('option:checked')).toHaveText('Léa')
  await expect(rows.first()).toBeVisible()
  const metas = await page.getByRole('table').locator('.reimbursement-table__meta').allInnerTexts()
  expect(metas.length).toBeGreaterThan(3)
  for (const meta of metas)
    expect(meta.startsWith('Léa')).toBe(true)
  await expectNoAxeViolations(page)

  // Back returns to the whole list
  await page.goBack()
  await expect(page).not.toHaveURL(/beneficiaire=/)
  await expect(page.getByLabel('Bénéficiaire').locator('option:checked')).toHaveText('Tous les bénéficiaires')

  // the detail explains the amount, with the account masked
  await page.getByRole('table').getByRole('link').first().click()
  await expect(page.getByRole('heading', { name: 'Pourquoi ce montant ?' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Détail du calcul' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('Benoit sends a reimbursement request with an invoice and finds it "En cours" in Mes démarches', async ({ page }) => {
  await signIn(page)
  await page.goto('/remboursements/demande')
  const heading = page.getByRole('heading', { level: 2, name: /^Étape \d sur 5/ })

  // 1. beneficiary
  await expect(heading).toHaveText('Étape 1 sur 5 : Bénéficiaire')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Continuer' }).click()
  await expect(page.getByText('Choisissez le bénéficiaire des soins.')).toBeVisible()
  await page.getByRole('radio', { name: /^Léa/ }).check()
  await page.getByRole('button', { name: 'Continuer' }).click()

  // 2. care: the step is announced and focused
  await expect(heading).toHaveText('Étape 2 sur 5 : Type de soin')
  await expect(heading).toBeFocused()
  await page.getByLabel('Type de soin').selectOption({ label: 'Consultation' })
  await page.getByLabel('Date des soins').fill(daysAgo(3))
  await page.getByLabel('Montant payé').fill('45,00')
  await page.getByLabel(/Professionnel de santé ou établissement/).fill('Dr Sophie Lambert, pédiatre')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Continuer' }).click()

  // 3. France or abroad: abroad shows the converted amount, then back to France
  await expect(heading).toHaveText('Étape 3 sur 5 : France ou étranger')
  await page.getByRole('radio', { name: /^À l'étranger/ }).check()
  await page.getByLabel('Pays', { exact: true }).selectOption('Canada')
  await expect(page.getByText(/Montant converti : \d+,\d{2}\s€/)).toBeVisible()
  await expect(page.getByText(/Conversion indicative/)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('radio', { name: /^En France/ }).check()
  await page.getByRole('radio', { name: /^Non/ }).check()
  await page.getByRole('button', { name: 'Continuer' }).click()

  // 4. documents: a real upload, with its progress ending in "envoyé"
  await expect(heading).toHaveText('Étape 4 sur 5 : Justificatifs')
  await page.getByRole('button', { name: 'Continuer' }).click()
  await expect(page.getByText('Joignez au moins un justificatif', { exact: false })).toBeVisible()
  await page.locator('input[type="file"]').setInputFiles({ name: 'facture-pediatre.pdf', mimeType: 'application/pdf', buffer: INVOICE })
  await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('facture-pediatre.pdf')
  await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('envoyé')
  await expectNoAxeViolations(page)

  // the draft survives a reload, documents included
  await page.reload()
  await expect(heading).toHaveText('Étape 4 sur 5 : Justificatifs')
  await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('facture-pediatre.pdf')
  await page.getByRole('button', { name: 'Continuer' }).click()

  // 5. summary with the engine's estimate, then "Valider"
  await expect(heading).toHaveText('Étape 5 sur 5 : Récapitulatif')
  await expect(page.getByText('Léa Garnier')).toBeVisible()
  await expect(page.getByText('Estimation indicative', { exact: false })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Étape précédente' }).click()
  await expect(heading).toHaveText('Étape 4 sur 5 : Justificatifs')
  await page.getByRole('button', { name: 'Continuer' }).click()
  await page.getByRole('button', { name: 'Valider ma demande' }).click()

  await expect(page).toHaveURL(/\/demarches/)
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeVisible()
  await expect(page.getByText(/Votre demande DEM-\d{4}-\d{6} a bien été envoyée\. Décision estimée le/)).toBeVisible()
  const card = page.getByRole('article', { name: `Consultation le ${daysAgo(3).split('-').reverse().join('/')} pour Léa` }).first()
  await expect(card).toBeVisible()
  await expect(card.getByText('En cours', { exact: true })).toBeVisible()
  await expect(card.getByText(/Décision estimée le/)).toBeVisible()
  await expect(card.getByRole('link', { name: /facture-pediatre\.pdf/ })).toBeVisible()
  await expectNoAxeViolations(page)

  // the draft is gone once sent
  await page.goto('/remboursements/demande')
  await expect(heading).toHaveText('Étape 1 sur 5 : Bénéficiaire')
  await expect(page.getByRole('radio', { name: /^Léa/ })).not.toBeChecked()
})

test('Mes démarches filters by status in the URL and offers to add missing documents', async ({ page }) => {
  await signIn(page)
  await page.goto('/demarches')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeVisible()
  await page.getByLabel('Statut').selectOption({ label: 'Pièces manquantes' })
  await expect(page).toHaveURL(/statut=MISSING_DOCUMENTS/)
  await page.reload()
  const cards = page.getByRole('article')
  await expect(cards.first()).toBeVisible()
  for (const badge of await cards.locator('.base-badge').allInnerTexts())
    expect(badge).toBe('Pièces manquantes')
  await expect(cards.first().getByRole('heading', { name: 'Ajouter les pièces demandées' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test.describe('read only', () => {
  test.use({ baseURL: baseUrl(SERVERS.reading) })

  test('Sarah\'s osteopathy shows what each of her two contracts paid, and why', async ({ page }) => {
    // the latest osteopathy session of Sarah: both of her contracts cover médecines douces
    const sarah = DEMO.beneficiaries.find(b => b.firstName === 'Sarah')!
    const session = DEMO.reimbursements
      .filter(r => r.beneficiaryId === sarah.id && r.careLabel === 'Séance d\'ostéopathie')
      .sort((a, b) => b.careDate.localeCompare(a.careDate))[0]!
    const shares = DEMO.reimbursementShares.filter(s => s.reimbursementId === session.id).sort((a, b) => a.rank - b.rank)
    expect(shares).toHaveLength(2)
    await signIn(page)
    await page.goto(`/remboursements/${session.id}`)
    const split = page.getByRole('table', { name: /Répartition de la dépense/ })
    await expect(split.getByRole('row', { name: /Remboursé par votre mutuelle, contrat Garanties sociale interministériel/ })).toContainText(formatEuros(shares[0]!.amountCents))
    await expect(split.getByRole('row', { name: /Remboursé par votre mutuelle, contrat Horizon Renfort/ })).toContainText(formatEuros(shares[1]!.amountCents))
    await expect(split.getByRole('row', { name: /tous contrats/ })).toContainText(formatEuros(session.mutuelleCents))
    const why = page.getByRole('list').filter({ hasText: 'Remboursé par votre mutuelle, contrat « Horizon Renfort »' })
    await expect(why).toContainText('Contrat « Garanties sociale interministériel », garantie')
    await expect(page.getByText('Horizon Renfort / Confort')).toBeVisible()
    await expectNoAxeViolations(page)
    await page.setViewportSize({ width: 390, height: 844 })
    await expectNoHorizontalScroll(page)
  })
})

