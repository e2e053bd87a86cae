import { addDays } from '../server/core/clock.ts'
import { formatEuros } from '../server/core/format.ts'
import { ANCHOR, baseUrl, SERVERS } from './servers.ts'
import { DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, INVOICE, signIn, submitSignIn, tabTo, test } from './support.ts'

/** An amount as the pages print it, whichever space the formatter puts between the digits. */
const euros = (cents: number) => new RegExp(formatEuros(cents).replace(/\s/g, '\\s'))

// this journey sends a request: it runs on the server whose household may change
test.use({ baseURL: baseUrl(SERVERS.changing) })

/** A day in France, n days before the servers' day, as YYYY-MM-DD (what a date field takes). */
function daysAgo(n: number): string {
  return addDays(ANCHOR, -n)
}

test('on a phone the filters wait behind « Filtrer », which says how many are on', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page)
  await page.goto('/remboursements')
  const toggle = page.getByRole('button', { name: 'Filtrer', exact: true })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByLabel('Bénéficiaire')).toBeHidden()
  // the list, not the filters, starts on the first screen
  await expect(page.getByRole('heading', { name: 'Liste des remboursements' })).toBeInViewport()
  await expectNoAxeViolations(page)

  // by keyboard: the button opens the filters it controls, the next Tab reaches the first one
  await tabTo(page, toggle)
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`)
  await expect(panel.getByLabel('Bénéficiaire')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(panel.getByLabel('Bénéficiaire')).toBeFocused()
  await expectNoAxeViolations(page)

  await panel.getByLabel('Bénéficiaire').selectOption({ label: 'Léa' })
  await expect(page.getByRole('status').filter({ hasText: 'remboursements de Léa' })).toBeVisible()
  const oneOn = page.getByRole('button', { name: 'Filtrer, 1 filtre actif', exact: true })
  await expect(oneOn).toHaveText('Filtrer (1)')
  await panel.getByLabel('Type de soin').selectOption({ index: 1 })
  const twoOn = page.getByRole('button', { name: 'Filtrer, 2 filtres actifs', exact: true })
  await expect(twoOn).toHaveText('Filtrer (2)')
  await expect(twoOn).toHaveAttribute('aria-expanded', 'true')
  await expectNoHorizontalScroll(page)

  // closed again, the count stays on the button; on a wide screen the filters are simply there
  await twoOn.focus()
  await page.keyboard.press('Space')
  await expect(twoOn).toHaveAttribute('aria-expanded', 'false')
  await expect(panel.getByLabel('Bénéficiaire')).toBeHidden()
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(twoOn).toBeHidden()
  await expect(panel.getByLabel('Bénéficiaire').locator('option:checked')).toHaveText('Léa')
})

test('Benoit filters his reimbursements by Léa; the URL keeps the filter through a reload', async ({ page }) => {
  await signIn(page)
  await page.goto('/remboursements')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes remboursements' })).toBeVisible()
  const rows = page.getByRole('table').locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  await expectNoAxeViolations(page)

  // on a phone the filters wait behind « Filtrer »
  const filter = page.getByRole('button', { name: /^Filtrer/ })
  if (await filter.isVisible()) await filter.click()
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
    expect(meta).toMatch(/^\s*(?:pour\s+)?Léa\b/) // « pour » is said, not shown
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
  await expect(page.getByText(/Montant converti\s: \d+,\d{2}\s€/)).toBeVisible()
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
  // the error no longer holds: it goes
  await expect(page.getByText('Joignez au moins un justificatif', { exact: false })).toHaveCount(0)
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
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeFocused()
  await expect(page.getByRole('heading', { level: 1, name: 'Mes démarches' })).toBeInViewport()
  await expect(page.getByText(/Votre demande DEM-\d{4}-\d{6} a bien été envoyée\. Décision estimée le/)).toBeInViewport()
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

test('Sarah\'s 60 € médecines douces request: no décompte asked, estimated and paid by each contract in turn, both parts on the detail page', async ({ page }) => {
  // what the demo left of each contract's médecines-douces forfait for Sarah this year (forfaits count by year of care)
  const sarah = DEMO.beneficiaries.find(b => b.firstName === 'Sarah')!
  const main = DEMO.contracts.find(c => c.productLabel === 'Garanties sociale interministériel')!
  const renfort = DEMO.contracts.find(c => c.productLabel === 'Horizon Renfort')!
  const guaranteeOf = (contractId: string) => DEMO.guarantees.find(g => g.contractId === contractId && g.careType === 'ALTERNATIVE_MEDICINE')!
  const usedThisYear = (guaranteeId: string) => DEMO.reimbursementShares
    .filter(share => share.guaranteeId === guaranteeId && DEMO.reimbursements.some(r => r.id === share.reimbursementId && r.beneficiaryId === sarah.id && r.careDate.slice(0, 4) === ANCHOR.slice(0, 4)))
    .reduce((t, share) => t + share.forfaitUsedCents, 0)
  const pays = (contractId: string, left: number) => {
    const g = guaranteeOf(contractId)
    return Math.min(g.perActCeilingCents!, g.yearlyForfaitCents! - usedThisYear(g.id!), left)
  }
  const expense = 6000
  const mainPart = pays(main.id!, expense)
  const renfortPart = pays(renfort.id!, expense - mainPart)
  const carePlace = /Cabinet Ostéo Saint-Maur/

  await signIn(page)
  await page.goto('/remboursements/demande')
  const heading = page.getByRole('heading', { level: 2, name: /^Étape \d sur 5/ })
  await page.getByRole('radio', { name: /^Sarah/ }).check()
  await page.getByRole('button', { name: 'Continuer' }).click()
  await expect(heading).toHaveText('Étape 2 sur 5 : Type de soin')
  await page.getByLabel('Type de soin').selectOption({ label: 'Médecines douces' })
  await page.getByLabel('Date des soins').fill(ANCHOR)
  await page.getByLabel('Montant payé').fill('60,00')
  await page.getByLabel(/Professionnel de santé ou établissement/).fill('Cabinet Ostéo Saint-Maur')
  await page.getByRole('button', { name: 'Continuer' }).click()

  // Social Security does not pay médecines douces: no décompte is asked
  await expect(heading).toHaveText('Étape 3 sur 5 : France ou étranger')
  await page.getByRole('radio', { name: /^En France/ }).check()
  await expect(page.getByText('La Sécurité sociale ne rembourse pas ce soin : vous n\'avez pas de décompte à fournir.')).toBeVisible()
  await expect(page.getByRole('radiogroup', { name: /décompte/i })).toHaveCount(0)
  await page.getByRole('button', { name: 'Continuer' }).click()
  await expect(heading).toHaveText('Étape 4 sur 5 : Justificatifs')
  await page.locator('input[type="file"]').setInputFiles({ name: 'facture-osteopathe.pdf', mimeType: 'application/pdf', buffer: INVOICE })
  await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('envoyé')
  await page.getByRole('button', { name: 'Continuer' }).click()

  // the estimate: each contract's part, in the order they pay
  await expect(heading).toHaveText('Étape 5 sur 5 : Récapitulatif')
  const estimate = page.getByRole('region', { name: 'Estimation de votre remboursement' })
  await expect(estimate.locator('div').filter({ hasText: 'Votre mutuelle, contrat Horizon Renfort' }).last()).toContainText(euros(renfortPart))
  await expect(estimate.locator('div').filter({ hasText: 'Votre mutuelle, contrat Garanties sociale interministériel' }).last()).toContainText(euros(mainPart))
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Valider ma demande' }).click()
  await expect(page).toHaveURL(/\/demarches/)

  // the advisor accepts it
  const title = `Médecines douces le ${ANCHOR.split('-').reverse().join('/')} pour Sarah`
  await page.context().clearCookies()
  await submitSignIn(page, 'advisor')
  await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
  await page.getByRole('table').getByRole('link', { name: title }).first().click()
  await expect(page.getByText(carePlace)).toBeVisible()
  await page.getByRole('group', { name: 'Votre décision' }).getByRole('radio', { name: /^Accepter/ }).check()
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
  await expect(page.getByRole('complementary', { name: 'Décision' }).getByRole('heading', { name: 'Décision enregistrée' })).toBeFocused()

  // Benoit reads the decision, then the detail: each contract's part
  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(page).toHaveURL(/\/connexion/)
  await submitSignIn(page, 'benoit')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Benoit')
  await page.goto('/demarches')
  const card = page.getByRole('article', { name: title }).first()
  await expect(card).toContainText(new RegExp(`Horizon Renfort\\s: ${euros(renfortPart).source}`))
  await card.getByRole('link', { name: /Voir le remboursement/ }).click()
  await expect(page).toHaveURL(/\/remboursements\/[\w-]+$/)
  const split = page.getByRole('table', { name: /Répartition de la dépense/ })
  await expect(split.getByRole('row', { name: /Remboursé par votre mutuelle, contrat Garanties sociale interministériel/ })).toContainText(euros(mainPart))
  await expect(split.getByRole('row', { name: /Remboursé par votre mutuelle, contrat Horizon Renfort/ })).toContainText(euros(renfortPart))
  await expect(split.getByRole('row', { name: /tous contrats/ })).toContainText(euros(mainPart + renfortPart))
  await expect(split.getByRole('row', { name: /Reste à votre charge/ })).toContainText(euros(expense - mainPart - renfortPart))
  await expect(page.getByRole('list').filter({ hasText: 'Remboursé par votre mutuelle, contrat « Horizon Renfort »' })).toContainText(new RegExp(`contrat «\\sHorizon Renfort\\s»\\s: ${euros(renfortPart).source}`))
  await expectNoAxeViolations(page)
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

