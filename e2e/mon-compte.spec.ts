import { join } from 'node:path'
import { readOutbox } from '../server/modules/mail/mail.service.ts'
import { baseUrl, SERVERS } from './servers.ts'
import { ACCOUNTS, expect, expectNoAxeViolations, expectNoHorizontalScroll, mainNav, signIn, submitSignIn, tabTo, test } from './support.ts'

// these journeys change contact details and a password: the server whose data may change
test.use({ baseURL: baseUrl(SERVERS.changing) })

/** The mails the changing server wrote (see playwright.config.ts: DATA_DIR=.tmp/e2e-<port>). */
const outbox = () => readOutbox(join('.tmp', `e2e-${SERVERS.changing}`, 'outbox'))

test('Benoit changes his phone number from « Mes coordonnées », by keyboard', async ({ page }) => {
  await signIn(page)
  await (await mainNav(page)).getByRole('button', { name: 'Mon compte' }).click()
  await page.getByRole('link', { name: 'Mes coordonnées' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mes coordonnées' })).toBeVisible()
  const card = page.getByRole('region', { name: 'Vos coordonnées' })
  await expect(card).toContainText('benoit@example.org')
  await expectNoAxeViolations(page)

  const edit = page.getByRole('button', { name: 'Modifier mes coordonnées' })
  await tabTo(page, edit)
  await page.keyboard.press('Enter')
  // the form opens with focus on its first field
  await expect(page.getByLabel('Adresse e-mail')).toBeFocused()
  await page.getByLabel('Téléphone (facultatif)').fill('07 12 34')
  await page.getByLabel('Mot de passe actuel').fill(ACCOUNTS.benoit.password)
  await page.keyboard.press('Enter')
  const phone = page.getByLabel('Téléphone (facultatif)')
  await expect(phone).toBeFocused()
  await expect(page.getByText('Saisissez un numéro de téléphone valide')).toBeVisible()
  await expectNoAxeViolations(page)

  await phone.fill('07 12 34 56 78')
  await page.getByLabel('Mot de passe actuel').fill(ACCOUNTS.benoit.password)
  await tabTo(page, page.getByRole('button', { name: 'Enregistrer mes coordonnées' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('Vos coordonnées ont été enregistrées.')).toBeVisible()
  await expect(card).toContainText('07 12 34 56 78')

  // the change holds after a reload, and the member was told by e-mail
  await page.reload()
  await expect(page.getByRole('region', { name: 'Vos coordonnées' })).toContainText('07 12 34 56 78')
  expect(outbox().some(m => m.to === ACCOUNTS.benoit.email && m.subject === 'Vos coordonnées ont été modifiées')).toBe(true)
})

test('« Connexion et sécurité » lists the devices signed in and signs the others out', async ({ page, browser }) => {
  // a second device: another browser context signed in as Benoit
  const other = await browser.newContext({ baseURL: baseUrl(SERVERS.changing), locale: 'fr-FR' })
  const otherPage = await other.newPage()
  await signIn(otherPage)

  await signIn(page)
  await page.goto('/mon-compte/securite')
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion et sécurité' })).toBeVisible()
  const devices = page.getByRole('region', { name: 'Appareils connectés' })
  await expect(devices.getByText('Cet appareil', { exact: true })).toBeVisible()
  await expect(devices.getByRole('listitem')).not.toHaveCount(1)
  await expect(devices).toContainText('Chrome sur Linux')
  const history = page.getByRole('table', { name: /dix dernières connexions/ })
  await expect(history.locator('tbody tr').first()).toContainText('Réussie')
  await expectNoAxeViolations(page)

  const signOutOthers = page.getByRole('button', { name: 'Se déconnecter des autres appareils' })
  await tabTo(page, signOutOthers)
  await page.keyboard.press('Enter')
  await expect(page.getByText(/autres? appareils? (a|ont) été déconnectés?\./)).toBeVisible()
  await expect(devices.getByRole('listitem')).toHaveCount(1)
  await expect(signOutOthers).toHaveCount(0)
  // the other device is signed out at its next page
  await otherPage.goto('/mon-compte/securite')
  await expect(otherPage).toHaveURL(/\/connexion/)
  await other.close()

  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await expect(devices.getByText('Cet appareil', { exact: true })).toBeVisible()
  await expectNoHorizontalScroll(page)
  await expectNoAxeViolations(page)
})

test('« Mot de passe oublié ? » from the sign-in page to a new password through the link received by e-mail', async ({ page }) => {
  const who = ACCOUNTS.camille
  const newPassword = 'tambour cerisier boussole lavande'
  await page.goto('/connexion')
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible()
  await expectNoAxeViolations(page)
  const sentBefore = outbox().length
  await page.getByLabel('Adresse e-mail').fill(who.email)
  await page.getByRole('button', { name: 'Recevoir un lien par e-mail' }).click()
  await expect(page.getByText(`Si un compte correspond à l'adresse ${who.email}`)).toBeVisible()

  // the mail goes out just after the answer: wait for it in the server's outbox
  let link = ''
  await expect.poll(() => {
    const mail = outbox().slice(sentBefore).find(m => m.to === who.email && m.subject === 'Réinitialisation de votre mot de passe')
    link = mail ? /https?:\/\/\S+/.exec(mail.text)![0] : ''
    return link
  }).not.toBe('')
  const url = new URL(link)
  await page.goto(`${url.pathname}${url.search}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' })).toBeVisible()
  // the secret leaves the address bar at once
  await expect(page).toHaveURL(/\/nouveau-mot-de-passe$/)
  await expectNoAxeViolations(page)

  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('azertyuiop12')
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('azertyuiop12')
  await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click()
  await expect(page.getByText('Ce mot de passe est trop facile à deviner.')).toBeVisible()
  await expect(page.getByLabel('Nouveau mot de passe', { exact: true })).toBeFocused()

  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword)
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword)
  await page.keyboard.press('Enter')
  await expect(page.getByText('Votre nouveau mot de passe est enregistré.')).toBeVisible()

  // the link works once
  await page.goto(`${url.pathname}${url.search}`)
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('une autre phrase bien longue')
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('une autre phrase bien longue')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Ce lien a déjà servi')).toBeVisible()

  // the old password no longer opens the account; the new one does
  await submitSignIn(page, 'camille')
  await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible()
  await page.getByLabel('Mot de passe', { exact: true }).fill(newPassword)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Camille')

  // back to the demo password from « Connexion et sécurité », so later journeys can sign her in
  await page.goto('/mon-compte/securite')
  await page.getByLabel('Mot de passe actuel').fill(newPassword)
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(who.password)
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(who.password)
  await page.getByRole('button', { name: 'Modifier mon mot de passe' }).click()
  await expect(page.getByText('Votre mot de passe a été modifié.')).toBeVisible()
})

test('a new e-mail takes effect only through the link sent to it', async ({ page }) => {
  const who = ACCOUNTS.camille
  const confirmLink = async (to: string) => {
    let link = ''
    await expect.poll(() => {
      const mail = outbox().filter(m => m.to === to && m.subject === 'Confirmez votre nouvelle adresse e-mail').at(-1)
      link = mail ? /https?:\/\/\S+/.exec(mail.text)![0] : ''
      return link
    }).not.toBe('')
    const url = new URL(link)
    return `${url.pathname}${url.search}`
  }
  const changeEmail = async (to: string, password: string) => {
    await page.goto('/mon-compte')
    await page.getByRole('button', { name: 'Modifier mes coordonnées' }).click()
    await page.getByLabel('Adresse e-mail').fill(to)
    await page.getByLabel('Mot de passe actuel').fill(password)
    await page.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click()
    await expect(page.getByText(`Pour que ${to} devienne votre adresse e-mail`)).toBeVisible()
  }

  await submitSignIn(page, 'camille')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour Camille')
  const fresh = 'camille.nouvelle@exemple.fr'
  await changeEmail(fresh, who.password)
  // until the link is followed, the address in use stays
  const card = page.getByRole('region', { name: 'Vos coordonnées' })
  await expect(card).toContainText(who.email)
  await expect(card).toContainText(`en attente de confirmation : ${fresh}`)
  expect(outbox().filter(m => m.to === who.email).at(-1)?.subject).toBe('Demande de changement de votre adresse e-mail')

  await page.goto(await confirmLink(fresh))
  await expect(page.getByText(`Votre adresse e-mail est désormais ${fresh}.`)).toBeVisible()
  await expect(page).toHaveURL(/\/confirmer-adresse-email$/)
  await expectNoAxeViolations(page)
  await page.goto('/mon-compte')
  await expect(page.getByRole('region', { name: 'Vos coordonnées' })).toContainText(fresh)

  // back to the demo address, so later journeys can sign her in
  await changeEmail(who.email, who.password)
  await page.goto(await confirmLink(who.email))
  await expect(page.getByText(`Votre adresse e-mail est désormais ${who.email}.`)).toBeVisible()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('« Mot de passe oublié », the reset page and « Mes coordonnées » with its form fit the screen', async ({ page }) => {
    await page.goto('/connexion')
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
    await page.goto('/nouveau-mot-de-passe?jeton=lien-de-test')
    await expect(page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)

    await signIn(page)
    await page.goto('/mon-compte')
    await page.getByRole('button', { name: 'Modifier mes coordonnées' }).click()
    await expect(page.getByLabel('Adresse e-mail')).toBeFocused()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
  })
})
