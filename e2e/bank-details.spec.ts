import type { Page, TestInfo } from '@playwright/test'
import { frenchIban } from '../server/db/demo/identifiers.ts'
import { baseUrl, SERVERS } from './servers.ts'
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, mainNav, signIn, tabTo, test } from './support.ts'

// this journey changes Benoit's RIB: it runs on the server whose household may change
test.use({ baseURL: baseUrl(SERVERS.changing) })

// a valid French IBAN (RIB key and check digits computed) of a bank the demo does not use
const NEW_IBAN = frenchIban('30002', '00550', '00001578412')
const MASKED = `FR76 **** * ${NEW_IBAN.slice(-8, -4)} ${NEW_IBAN.slice(-4)}`

/** The step as the member sees it at desktop and phone widths, checked by axe and for sideways scroll. */
async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoAxeViolations(page)
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 })
    await expectNoHorizontalScroll(page)
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('from the Mon compte menu, Benoit changes his RIB by keyboard in three steps and sees it masked', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signIn(page)
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  await tabTo(page, nav.getByRole('button', { name: /Mon compte/ }))
  await page.keyboard.press('Enter')
  await tabTo(page, nav.getByRole('link', { name: 'Mes informations bancaires' }).or(nav.getByRole('menuitem', { name: 'Mes informations bancaires' })).last())
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/mon-compte\/informations-bancaires$/)
  const main = page.getByRole('main')
  const contributions = main.getByRole('region', { name: 'Cotisations et remboursements' })
  await expect(contributions.getByText('FR76 **** * 4859 9384')).toBeVisible()
  await expect(main.getByRole('region', { name: 'Remboursements des bénéficiaires' }).getByText('Début de couverture', { exact: false })).toHaveCount(5)
  await expect(main.getByRole('region', { name: 'Mandat de prélèvement SEPA' }).getByText(/^HZN-RUM-\d+-0002$/)).toBeVisible()
  await capture(page, testInfo, '0-informations-bancaires')

  // step 1: the IBAN is grouped by four as it is typed
  await tabTo(page, contributions.getByRole('link', { name: 'Modifier' }))
  await page.keyboard.press('Enter')
  await expect(main.getByText('1/3 RIB')).toBeVisible()
  await expect(main.getByRole('heading', { name: /Saisir un RIB/ })).toBeVisible()
  const iban = main.getByRole('textbox', { name: 'IBAN' })
  await tabTo(page, iban)
  await page.keyboard.type(NEW_IBAN.toLowerCase())
  await expect(iban).toHaveValue(NEW_IBAN.replace(/(.{4})(?=.)/g, '$1 '))
  await expect(main.getByRole('textbox', { name: 'Titulaire du compte' })).toHaveValue('Benoit Garnier')
  await expect(main.getByText('Indiquer le libellé exact qui apparaît sur votre RIB', { exact: false })).toBeVisible()
  await capture(page, testInfo, '1-rib')
  await page.keyboard.press('Enter')

  // step 2: usages, the mandate to accept and the rules, in plain words, before step 3
  await expect(main.getByText('2/3 Usages')).toBeVisible()
  await expect(main.getByRole('checkbox', { name: /prélèvement de mes cotisations/ })).toBeChecked()
  await expect(main.getByRole('checkbox', { name: /Léa/ })).toBeChecked()
  await expect(main.getByRole('checkbox', { name: /Sarah/ })).not.toBeChecked()
  await expect(main.getByText('retenu 72 heures', { exact: false }).first()).toBeVisible()
  await expect(main.getByText('vérifiée par un conseiller', { exact: false }).first()).toBeVisible()
  await expect(main.getByText('dans l\'heure qui suit un changement de mot de passe', { exact: false }).first()).toBeVisible()
  const mandate = main.getByRole('checkbox', { name: /J'accepte le mandat de prélèvement SEPA/ })
  await tabTo(page, mandate)
  await page.keyboard.press('Space')
  await expect(mandate).toBeChecked()
  await capture(page, testInfo, '2-usages')
  await tabTo(page, main.getByRole('button', { name: 'Continuer' }))
  await page.keyboard.press('Enter')

  // step 3: the summary, masked, and the password
  await expect(main.getByText('3/3 Validation')).toBeVisible()
  await expect(main.getByText(MASKED)).toBeVisible()
  await expect(main.getByText('Un nouveau mandat', { exact: false })).toBeVisible()
  const password = main.getByLabel('Votre mot de passe')
  await tabTo(page, password)
  await page.keyboard.type('pas-le-bon')
  await page.keyboard.press('Enter')
  await expect(main.getByText('Mot de passe incorrect. Il vous reste 2 essais.')).toBeVisible()
  await expect(password).toBeFocused()
  await page.keyboard.type('demo-benoit-2026')
  await capture(page, testInfo, '3-validation')
  await tabTo(page, main.getByRole('button', { name: 'Valider' }))
  await page.keyboard.press('Enter')

  // back on the page: the new RIB, masked, for contributions and under a new mandate
  await expect(page).toHaveURL(/\/mon-compte\/informations-bancaires$/)
  await expect(main.getByRole('status').filter({ hasText: 'Votre nouveau RIB est enregistré' })).toBeFocused()
  await expect(contributions.getByText(MASKED)).toBeVisible()
  await expect(main.getByRole('region', { name: 'Mandat de prélèvement SEPA' }).getByText(/^HZN-RUM-\d+-0003$/)).toBeVisible()
  await expect(main).not.toContainText(NEW_IBAN.slice(4, 14))
  await capture(page, testInfo, '4-enregistre')

  // and the démarche in Mes démarches
  await page.goto('/demarches')
  await expect(main.getByRole('heading', { name: /Modification des coordonnées bancaires/ }).first()).toBeVisible()
})

test('the request wizard and both menus lead to the bank details page', async ({ page }) => {
  await signIn(page)
  await page.goto('/remboursements/demande')
  await page.getByRole('link', { name: 'Accédez à vos coordonnées bancaires' }).click()
  await expect(page).toHaveURL(/\/mon-compte\/informations-bancaires$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Mes informations bancaires' })).toBeVisible()
  await page.goto('/ma-mutuelle/informations-bancaires')
  await expect(page).toHaveURL(/\/mon-compte\/informations-bancaires$/)
  await (await mainNav(page)).getByRole('button', { name: 'Mon compte' }).click()
  await expect(page.getByRole('link', { name: 'Mes informations bancaires' })).toHaveAttribute('aria-current', 'page')
})
