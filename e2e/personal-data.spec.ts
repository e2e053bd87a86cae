import { addMonths } from '../server/core/clock.ts'
import { readZip } from '../server/test/zip.ts'
import { ANCHOR, baseUrl, SERVERS } from './servers.ts'
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn, submitSignIn, tabTo, test } from './support.ts'

// an advisor opening a démarche adds to Benoit's audit trail: the server whose data may change.
// advisor.spec.ts opens démarches there too, so nothing here counts the entries.
test.use({ baseURL: baseUrl(SERVERS.changing) })

test('after an advisor opens one of his démarches, Benoit sees it in "Mes données personnelles"', async ({ page }) => {
  await submitSignIn(page, 'advisor')
  await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
  // a démarche, not one of the messages waiting beside them
  const row = page.getByRole('table').locator('tbody tr').filter({ hasText: 'Benoit Garnier' }).filter({ has: page.locator('a[href^="/conseiller/demarches/"]') }).first()
  await row.getByRole('link').click()
  const reference = page.locator('.advisor-procedure__reference')
  await expect(reference).toHaveText(/^Référence DEM-\d{4}-\d+$/)
  const ref = (await reference.innerText()).replace('Référence ', '')

  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(page).toHaveURL(/\/connexion/)
  await signIn(page)
  await page.goto('/mon-compte/donnees')
  await expect(page.getByRole('heading', { level: 1, name: 'Mes données personnelles' })).toBeVisible()
  const section = page.getByRole('region', { name: 'Qui a consulté mon dossier ?' })
  const table = section.getByRole('table', { name: /Consultations de votre dossier/ })
  const entry = table.locator('tbody tr').filter({ hasText: `a consulté votre démarche ${ref}` }).first()
  await expect(entry).toBeVisible()
  await expect(entry).toContainText('Claire Moreau, conseillère')
  await expect(entry.locator('time')).toHaveText(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/)
  // beside it, the other rights: the export, the requests, the consents
  await expect(page.getByRole('region', { name: 'Télécharger mes données' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Exercer mes droits' })).toContainText('dans un délai d\'un mois')
  await expect(page.getByRole('region', { name: 'Mes consentements' })).toBeVisible()
  await expectNoAxeViolations(page)

  // on a phone the page fits the screen; the table scrolls inside its own region if it must
  await page.setViewportSize({ width: 375, height: 800 })
  await page.reload()
  await expect(entry).toBeVisible()
  await expectNoHorizontalScroll(page)
  await expectNoAxeViolations(page)
})

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

test('Benoit downloads his data export: a ZIP with his household\'s JSON and a PDF summary, built at once', async ({ page }) => {
  await signIn(page)
  await page.goto('/mon-compte/donnees')
  const card = page.getByRole('region', { name: 'Télécharger mes données' })
  // by keyboard: the button, then the new archive's link, which takes the focus
  await tabTo(page, card.getByRole('button', { name: 'Préparer mon archive' }))
  await page.keyboard.press('Enter')
  const link = card.getByRole('link', { name: new RegExp(`^Archive du ${frDate(ANCHOR)} à \\d{2}:\\d{2}$`) }).first()
  await expect(link).toBeFocused()
  const downloading = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`mes-donnees-${ANCHOR}.zip`)
  const archive = readZip(Buffer.from(await (await download.createReadStream()).toArray().then(chunks => Buffer.concat(chunks))))
  expect([...archive.keys()]).toEqual(['mes-donnees.json', 'synthese-de-mes-donnees.pdf'])
  const data = JSON.parse(archive.get('mes-donnees.json')!.toString('utf8'))
  expect(data.member).toMatchObject({ firstName: 'Benoit', lastName: 'Garnier' })
  expect(archive.get('mes-donnees.json')!.toString('utf8')).not.toContain('Camille')
  expect(archive.get('synthese-de-mes-donnees.pdf')!.subarray(0, 5).toString()).toBe('%PDF-')
  await expectNoAxeViolations(page)
})

test('Benoit asks for a rectification, answered within a month, and gives his consent to news by e-mail', async ({ page }) => {
  await signIn(page)
  await page.goto('/mon-compte/donnees')
  const rights = page.getByRole('region', { name: 'Exercer mes droits' })
  await rights.getByRole('button', { name: 'Envoyer ma demande' }).click()
  await expect(rights.getByText('Choisissez le droit que vous exercez.')).toBeVisible()
  await rights.getByRole('radio', { name: /Rectification/ }).check()
  await rights.getByRole('button', { name: 'Envoyer ma demande' }).click()
  await expect(rights.getByText(/Précisez votre demande\s:/)).toBeVisible()
  await expect(rights.getByLabel('Précisez votre demande')).toBeFocused()
  await rights.getByLabel('Précisez votre demande').fill('Mon adresse a changé : 14 rue des Tanneurs.')
  await rights.getByRole('button', { name: 'Envoyer ma demande' }).click()
  await expect(rights.getByText(new RegExp(`nous vous répondrons au plus tard le ${frDate(addMonths(ANCHOR, 1))}`))).toBeVisible()
  await expect(rights.getByRole('listitem').filter({ hasText: 'Rectification — En cours' })).toBeVisible()
  await expectNoAxeViolations(page)

  const consents = page.getByRole('region', { name: 'Mes consentements' })
  const news = consents.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Actualités par e-mail/ }) })
  await expect(news).toContainText('Retiré')
  await tabTo(page, news.getByRole('button', { name: /Donner mon consentement/ }))
  await page.keyboard.press('Enter')
  await expect(news).toContainText(`Consentement donné le ${frDate(ANCHOR)}.`)
  await expect(news.getByRole('button', { name: /Retirer mon consentement/ })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await expect(consents).toBeVisible()
  await expectNoHorizontalScroll(page)
  await expectNoAxeViolations(page)
})
