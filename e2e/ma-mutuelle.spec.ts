import { readFileSync } from 'node:fs'
import { formatEuros, frenchDate } from '../server/core/format.ts'
import { DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn, tabTo, test } from './support.ts'

test('from the home page, "Voir ma carte" shows the card and the PDF downloads', { tag: '@desktop-layout' }, async ({ page }) => {
  await signIn(page)
  await page.getByRole('link', { name: 'Voir ma carte' }).click()
  await expect(page).toHaveURL(/\/ma-mutuelle\/carte$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ma carte de tiers payant')
  const main = page.getByRole('main')
  await expect(main.getByText('202897774', { exact: true }).first()).toBeVisible()
  await expect(main.getByText('Garanties sociale interministériel / Option A').first()).toBeVisible()
  await expect(main.getByText('88612004')).toBeVisible()
  await expect(main.getByRole('img', { name: /DataMatrix/ })).toBeVisible()
  const rights = main.getByRole('table')
  for (const name of ['Benoit Garnier', 'Sarah Garnier', 'Louise Garnier', 'Hélia Garnier', 'Léa Garnier'])
    await expect(rights.getByRole('rowheader', { name })).toBeVisible()
  await expect(main.getByText('Laboratoires d\'analyses', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('link', { name: 'Télécharger ma carte (PDF)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^carte-tiers-payant-\d{4}-garanties-sociale-interministeriel\.pdf$/)
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-')

  // the other contract's card, through "Voir mes autres contrats"
  await main.getByRole('link', { name: /Horizon Renfort/ }).click()
  await expect(page).toHaveURL(/\/ma-mutuelle\/carte\?contrat=/)
  await expect(main.getByText('202897774-02')).toBeVisible()
  await expect(rights.getByRole('rowheader', { name: 'Léa Garnier' })).toHaveCount(0)
})

test('the contract page sums the contract up in sections, and « Sur cette page » takes focus to each', { tag: '@desktop-layout' }, async ({ page }) => {
  await signIn(page)
  await page.goto('/ma-mutuelle/contrats')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes contrats')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { name: 'Garanties sociale interministériel / Option A' })).toBeVisible()
  // the contract number carries its start year, which follows the demo's day
  const mainContract = DEMO.contracts.find(c => c.productLabel === 'Garanties sociale interministériel')!
  await expect(main.getByText(mainContract.number).first()).toBeVisible()
  await expect(main.getByText('137,40 €').first()).toBeVisible()

  const guarantees = main.getByRole('table', { name: /Tableau de garanties/ })
  await expect(guarantees.getByRole('row', { name: /Consultation.*150 % BRSS/ })).toBeVisible()
  await expect(guarantees.getByRole('row', { name: /Soins optiques.*450,00 €.*100 % Santé/ })).toBeVisible()

  // the year in brief; the échéancier, the mandate and the forfaits stay on their own pages
  const owed = DEMO.instalments.filter(i => i.contractId === mainContract.id).reduce((t, i) => t + i.amountCents + (i.rejectionFeeCents ?? 0), 0)
  const contributions = main.getByRole('region', { name: 'Mes cotisations' })
  await expect(contributions.getByRole('definition').first()).toContainText(money(owed))
  await expect(main.getByRole('table', { name: /Échéancier du/ })).toHaveCount(0)
  await expect(main.getByRole('heading', { name: /Mes forfaits/ })).toHaveCount(0)
  await contributions.getByRole('link', { name: /Échéancier et mandat de prélèvement/ }).click()
  await expect(page).toHaveURL(/\/ma-mutuelle\/cotisations\?contrat=/)
  await expect(main.getByRole('table', { name: /Échéancier du/ })).toBeVisible()
  await page.goBack()

  // « Sur cette page »: each link takes focus to its section's heading, in view
  const toc = main.getByRole('navigation', { name: 'Sur cette page' })
  await expect(toc.getByRole('link')).toHaveText(['Le contrat', 'Bénéficiaires', 'Garanties', 'Cotisations', 'Documents'])
  await toc.getByRole('link', { name: 'Documents' }).click()
  const documents = main.getByRole('heading', { name: 'Documents du contrat' })
  await expect(documents).toBeFocused()
  await expect(documents).toBeInViewport()
  await expect(main.getByRole('region', { name: 'Documents du contrat' }).getByRole('link', { name: 'Attestation de droits (PDF)' })).toBeVisible()
  // and by keyboard: Enter on a link, then Tab goes on inside that section
  await toc.getByRole('link', { name: 'Bénéficiaires' }).focus()
  await page.keyboard.press('Enter')
  await expect(main.getByRole('heading', { name: 'Bénéficiaires couverts' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(main.getByRole('region', { name: 'Bénéficiaires couverts' }).locator(':focus')).toHaveCount(1)
  await expectNoAxeViolations(page)

  // "Voir mes autres contrats" switches to the other contract
  const others = main.getByRole('navigation', { name: 'Voir mes autres contrats' })
  await expect(others.locator('a[aria-current="page"]')).toContainText('Option A')
  await others.getByRole('link', { name: /Horizon Renfort/ }).click()
  await expect(page).toHaveURL(/\/ma-mutuelle\/contrats\/[\w-]+$/)
  await expect(main.getByRole('heading', { name: 'Horizon Renfort / Confort' })).toBeVisible()
  await expect(main.getByRole('table', { name: /Bénéficiaires couverts/ }).getByRole('rowheader')).toHaveText(['Benoit Garnier', 'Sarah Garnier'])
})

test('the guarantee page explains each guarantee with a worked example', async ({ page }) => {
  await signIn(page)
  await page.goto('/ma-mutuelle/garanties')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes garanties')
  const main = page.getByRole('main')
  const consultation = main.getByRole('article', { name: 'Consultation' })
  await expect(consultation.getByText('Pour une consultation chez un spécialiste à 50,00 € (base de remboursement 30,00 €) :')).toBeVisible()
  await expect(consultation.getByRole('definition').filter({ hasText: '24,00 €' })).toBeVisible()
  await consultation.getByText('Pourquoi ce montant ?').click()
  await expect(consultation.getByText(/Participation forfaitaire retenue/)).toBeVisible()
  await expectNoAxeViolations(page)
})

test('the beneficiaries page shows ranks, masked NIR and the télétransmission hint', async ({ page }) => {
  await signIn(page)
  await page.goto('/ma-mutuelle/beneficiaires')
  const main = page.getByRole('main')
  const lea = main.getByRole('article', { name: 'Léa Garnier' })
  await expect(lea.getByText(/^Enfant\b.*\bRang 05$/)).toBeVisible()
  await expect(lea.getByText('Détenue par votre ancienne mutuelle')).toBeVisible()
  await expect(lea.getByText(/Votre ancienne mutuelle reçoit encore les décomptes de Léa/)).toBeVisible()
  const benoit = main.getByRole('article', { name: 'Benoit Garnier' })
  await expect(benoit.getByText(/^1 \*\* \*\* \*\* \*\*\* \d{3} \d{2}$/)).toBeVisible()
  await expect(benoit.getByText('Rang 01', { exact: false })).toBeVisible()
  await expectNoAxeViolations(page)
})

// amounts and dates as the pages print them, any kind of space between the digits
const money = (cents: number) => new RegExp(formatEuros(cents).replace(/\s/g, '\\s'))
const moneyText = (cents: number) => formatEuros(cents).replace(/\s/g, ' ')

test('the contributions page adds up, and the rejected debit is presented again with the next one, its fee on that line', async ({ page }) => {
  // what the servers loaded for this day: Benoit's main contract and its rejected instalment
  const contract = DEMO.contracts.find(c => c.productLabel === 'Garanties sociale interministériel')!
  const lines = DEMO.instalments.filter(i => i.contractId === contract.id).sort((a, b) => a.dueDate.localeCompare(b.dueDate))
  const rejected = lines.find(i => i.status === 'REJECTED')!
  const next = lines[lines.indexOf(rejected) + 1]!
  const fee = contract.rejectionFeeCents ?? 0
  expect(rejected.representedById).toBe(next.id)
  expect(fee).toBeGreaterThan(0)
  const owed = (i: typeof lines[number]) => i.amountCents + (i.rejectionFeeCents ?? 0)
  const year = lines.reduce((t, i) => t + owed(i), 0)
  const paid = lines.filter(i => i.status === 'PAID' || (i === rejected && next.status === 'PAID')).reduce((t, i) => t + owed(i), 0)
  const toCome = lines.filter(i => i.status === 'SCHEDULED').reduce((t, i) => t + owed(i), 0)

  await signIn(page)
  await page.goto('/ma-mutuelle/cotisations')
  const main = page.getByRole('main')
  const tile = (label: string) => main.getByRole('listitem').filter({ hasText: label })
  await expect(tile('Votre part sur l\'année')).toContainText(money(year))
  await expect(tile('Votre part sur l\'année')).toContainText(`dont ${moneyText(fee)} de frais de rejet`)
  await expect(tile('Déjà payé')).toContainText(money(paid))
  await expect(tile('À régler')).toContainText(money(0))
  await expect(tile('À venir')).toContainText(money(toCome))
  expect(paid + toCome).toBe(year)

  const schedule = main.getByRole('table', { name: /Échéancier du/ })
  const row = (dueDate: string) => schedule.getByRole('row').filter({ has: page.getByRole('rowheader', { name: frenchDate(dueDate), exact: true }) })
  await expect(row(rejected.dueDate)).toContainText('Rejetée')
  await expect(row(rejected.dueDate)).toContainText(`Représentée avec le prélèvement du ${frenchDate(next.dueDate)} et payée. Frais de rejet : ${moneyText(fee)}.`)
  await expect(row(next.dueDate)).toContainText(`Prélèvement de ${moneyText(next.amountCents + rejected.amountCents + fee)} : il inclut l'échéance du ${frenchDate(rejected.dueDate)} représentée (${moneyText(rejected.amountCents)}) et ${moneyText(fee)} de frais de rejet.`)
  await expect(schedule.getByRole('row').filter({ hasText: 'Frais de rejet' }).last()).toContainText(money(fee))
  await expect(schedule.getByRole('row', { name: /^Total/ })).toContainText(money(year))
  // nothing is left to settle, so no call to settle it
  await expect(main.getByText('restent à régler')).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('the contributions and documents pages are accessible and download real PDFs', async ({ page }) => {
  await signIn(page)
  await page.goto('/ma-mutuelle/cotisations')
  const main = page.getByRole('main')
  const contract = DEMO.contracts.find(c => c.productLabel === 'Garanties sociale interministériel')!
  const year = DEMO.instalments.filter(i => i.contractId === contract.id).reduce((t, i) => t + i.amountCents + (i.rejectionFeeCents ?? 0), 0)
  await expect(main.getByText(money(year)).first()).toBeVisible()
  await expectNoAxeViolations(page)

  await page.goto('/ma-mutuelle/documents')
  const list = main.getByRole('table', { name: /Mes documents, du plus récent/ })
  // monthly statements follow the calendar: count what the servers loaded for this day, 20 a page
  const benoits = DEMO.documents.filter(d => d.memberId === DEMO.members.find(m => m.firstName === 'Benoit')!.id)
  await expect(list.getByRole('rowheader')).toHaveCount(Math.min(20, benoits.length))
  if (benoits.length > 20)
    await main.getByRole('button', { name: 'Afficher plus de documents' }).click()
  await expect(list.getByRole('rowheader')).toHaveCount(benoits.length)
  await main.getByLabel('Type de document').selectOption('CERTIFICATE')
  await expect(page).toHaveURL(/type=CERTIFICATE/)
  await expect(main.getByRole('rowheader')).toHaveCount(benoits.filter(d => d.kind === 'CERTIFICATE').length)
  await expectNoAxeViolations(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('link', { name: /^Attestation de droits \d{4} \(PDF\)$/ }).click(),
  ])
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-')
})

test('Ma mutuelle works with the keyboard alone', async ({ page }) => {
  await signIn(page)
  await page.goto('/ma-mutuelle/carte')
  await expect(page.getByRole('img', { name: /DataMatrix/ })).toBeVisible()
  // tab until the contract switcher's second link has focus, then follow it with Enter
  const target = page.getByRole('link', { name: /Horizon Renfort/ })
  await tabTo(page, target)
  await expect(target).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/contrat=/)
  // the download is reachable too
  const download = page.getByRole('link', { name: 'Télécharger ma carte (PDF)' })
  await tabTo(page, download)
  await expect(download).toBeFocused()
  await expect(page.locator(':focus-visible')).toHaveCount(1)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } })

  test('no page of Ma mutuelle scrolls sideways', async ({ page }) => {
    await signIn(page)
    for (const path of ['/ma-mutuelle/contrats', '/ma-mutuelle/garanties', '/ma-mutuelle/cotisations', '/ma-mutuelle/beneficiaires', '/ma-mutuelle/carte', '/ma-mutuelle/documents']) {
      await page.goto(path)
      await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible()
      await expectNoHorizontalScroll(page)
    }
  })
})

test('on a 320 px phone the card\'s rights and the guarantees read in full, with nothing to scroll sideways', async ({ page }) => {
  const mainContract = DEMO.contracts.find(c => c.productLabel === 'Garanties sociale interministériel')!
  await page.setViewportSize({ width: 320, height: 700 })
  await signIn(page)
  await page.goto('/ma-mutuelle/carte')
  const main = page.getByRole('main')
  // every beneficiary lists every domain of the legend, each one said with its answer
  const legend = main.getByRole('heading', { name: 'Légende des domaines de soins' }).locator('xpath=following-sibling::dl[1]')
  await expect(legend.getByRole('term').first()).toBeVisible()
  const domains = await legend.getByRole('term').allInnerTexts()
  expect(domains.length).toBeGreaterThan(3)
  const rights = main.getByRole('list', { name: 'Droits en tiers payant par bénéficiaire' })
  const people = rights.getByRole('listitem').filter({ has: page.getByRole('list') })
  await expect(people).toHaveCount(DEMO.contractBeneficiaries.filter(b => b.contractId === mainContract.id).length)
  for (const person of await people.all()) {
    const items = person.getByRole('list').getByRole('listitem')
    await expect(items).toContainText(domains)
    for (const item of await items.all())
      await expect(item).toBeVisible()
  }
  await expect(rights.getByRole('listitem').first().getByRole('list').getByRole('listitem').first()).toContainText(/\s:\s(oui|non)/)
  await expectNoHorizontalScroll(page)
  await expectNoAxeViolations(page)

  // each guarantee line shows its reimbursement, no column left off the screen
  await page.goto('/ma-mutuelle/garanties')
  const lines = main.getByRole('list', { name: /Tableau de garanties/ }).getByRole('listitem')
  await expect(lines).toHaveCount(DEMO.guarantees.filter(g => g.contractId === mainContract.id).length)
  for (const line of await lines.all()) {
    await expect(line.getByRole('term').filter({ hasText: 'Remboursement' })).toBeVisible()
    await expect(line.getByRole('definition').nth(1)).toHaveText(/\S/)
  }
  await expect(lines.filter({ hasText: 'Consultation' })).toContainText('150 % BRSS')
  await expectNoHorizontalScroll(page)
  await expectNoAxeViolations(page)
})
