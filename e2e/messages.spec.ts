import type { Page } from '@playwright/test'
import { baseUrl, SERVERS } from './servers.ts'
import { DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, INVOICE, mainNav, signIn, submitSignIn, tabTo, test } from './support.ts'

const benoit = DEMO.members.find(m => m.firstName === 'Benoit')!
const benoitThreads = DEMO.messageThreads.filter(t => t.memberId === benoit.id)
const demoUnread = benoitThreads.filter(t => t.unreadByMember).length

// the specs are type-checked against Node's library: the page's globals are typed here
interface PageGlobals { getComputedStyle: (el: unknown) => { fontWeight: string } }
const fontWeight = (el: unknown) => Number((globalThis as unknown as PageGlobals).getComputedStyle(el).fontWeight)

/** The header's « Messagerie » link says how many threads are unread ("Messagerie, 2 messages non lus"). */
async function headerCount(page: Page): Promise<number> {
  const link = (await mainNav(page)).getByRole('link', { name: /^Messagerie/ })
  const name = (await link.getAttribute('aria-label')) ?? ''
  return Number(/(\d+) messages? non lus?/.exec(name)?.[1] ?? 0)
}

test.describe('reading the messagerie', () => {
  test('lists the threads by 10 with the unread ones in bold, filters by category in the URL', async ({ page }) => {
    await signIn(page)
    await expect.poll(() => headerCount(page)).toBe(demoUnread)
    await page.goto('/messagerie')
    const table = page.getByRole('table')
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(10, benoitThreads.length))
    await expect(page.getByText(`${benoitThreads.length} messages`)).toBeVisible()
    await expect(page.getByText('Vos messages sont disponibles dans votre messagerie en ligne pendant 1 an.')).toBeVisible()
    // unread: bold, and said first by screen readers
    const unread = table.getByRole('link', { name: /^Non lu\s: / })
    await expect(unread).toHaveCount(demoUnread)
    const weight = await unread.first().evaluate(fontWeight)
    expect(weight).toBeGreaterThanOrEqual(700)
    await expect(table.getByText('En cours', { exact: true }).first()).toBeVisible()
    await expect(table.getByText('Traité', { exact: true }).first()).toBeVisible()
    await expectNoAxeViolations(page)

    await page.getByRole('button', { name: 'Voir plus de messages' }).click()
    await expect(table.locator('tbody tr')).toHaveCount(benoitThreads.length)
    await expect(page.getByRole('button', { name: 'Voir plus de messages' })).toHaveCount(0)

    // a category of the column: kept in the URL, through a reload
    await page.getByRole('navigation', { name: 'Messagerie' }).getByRole('link', { name: 'Attestation' }).click()
    await expect(page).toHaveURL(/\/messagerie\?categorie=attestation$/)
    await page.reload()
    await expect(page.getByRole('heading', { level: 2, name: 'Attestation' })).toBeVisible()
    const attestations = DEMO.messageThreads.filter(t => t.memberId === benoit.id && t.categoryId === DEMO.messageCategories.find(c => c.label === 'Attestation')!.id)
    await expect(table.locator('tbody tr')).toHaveCount(attestations.length)
  })

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } })

    test('the inbox, a thread and the form fit the screen and pass axe', async ({ page }) => {
      await signIn(page)
      await page.goto('/messagerie')
      await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible()
      await expectNoHorizontalScroll(page)
      await expectNoAxeViolations(page)
      await page.getByRole('table').getByRole('link').last().click()
      await expect(page.getByRole('heading', { level: 2, name: 'Répondre' })).toBeVisible()
      await expectNoHorizontalScroll(page)
      await expectNoAxeViolations(page)
      await page.goto('/messagerie/nouveau?objet=rejet-de-prelevement')
      await expect(page.getByLabel('Choisissez l\'objet de votre demande').locator('option:checked')).toHaveText('Rejet de prélèvement')
      await expectNoHorizontalScroll(page)
      await expectNoAxeViolations(page)
    })
  })
})

test.describe('a message and its answer', () => {
  test.use({ baseURL: baseUrl(SERVERS.changing) })

  test('Benoit writes by keyboard through « Bon à savoir ! », the advisor answers from the queue, Benoit reads it', async ({ page }) => {
    test.setTimeout(120_000)
    const text = 'Bonjour, je voudrais ajouter notre nouveau-né, Jules, à notre contrat.'

    // 1. writing, keyboard only
    await signIn(page)
    const countBefore = await headerCount(page)
    await page.goto('/messagerie')
    const write = page.getByRole('link', { name: 'Envoyer un message' })
    await tabTo(page, write)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/messagerie\/nouveau$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Envoyer un message' })).toBeFocused()
    await expectNoAxeViolations(page)

    const category = page.getByLabel('Choisir une catégorie')
    await tabTo(page, category)
    await page.keyboard.type('Modification')
    await expect(category.locator('option:checked')).toHaveText('Modification de contrat')
    await page.keyboard.press('Tab')
    const subject = page.getByLabel('Choisissez l\'objet de votre demande')
    await expect(subject).toBeFocused()
    await page.keyboard.type('Ajout de')
    await expect(subject.locator('option:checked')).toHaveText('Ajout de bénéficiaires')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: /Suivant/ })).toBeFocused()
    await page.keyboard.press('Enter')

    const dialog = page.getByRole('dialog', { name: 'Bon à savoir !' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Un service en ligne « Ajout de bénéficiaires » est disponible pour réaliser cette démarche.')
    await expect(dialog.getByRole('link', { name: 'Accéder au service' })).toHaveAttribute('href', '/ma-mutuelle/beneficiaires/ajout')
    await expectNoAxeViolations(page)
    const anyway = dialog.getByRole('button', { name: 'Envoyer un message' })
    await tabTo(page, anyway)
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()

    const body = page.getByLabel('Votre message')
    await expect(body).toBeFocused()
    await page.keyboard.type(text)
    await page.keyboard.press('Tab')
    // the file input has the focus; the system's file picker is not the page's to drive
    const fileInput = page.locator('input[type="file"]')
    await expect(fileInput).toBeFocused()
    await fileInput.setInputFiles({ name: 'acte-de-naissance.pdf', mimeType: 'application/pdf', buffer: INVOICE })
    await expect(page.getByRole('list', { name: 'Documents joints' })).toContainText('acte-de-naissance.pdf')
    await expectNoAxeViolations(page)
    const validate = page.getByRole('button', { name: 'Valider' })
    await tabTo(page, validate)
    await page.keyboard.press('Enter')

    await expect(page).toHaveURL(/\/messagerie\/[\w-]+$/)
    await expect(page.getByText('Votre message a bien été envoyé.')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Ajout de bénéficiaires' })).toBeVisible()
    await expect(page.getByText('En cours', { exact: true })).toBeVisible()
    await expect(page.getByText(text)).toBeVisible()
    await expect(page.getByRole('link', { name: /acte-de-naissance\.pdf/ })).toBeVisible()
    await expectNoAxeViolations(page)
    const threadUrl = page.url()

    // 2. the advisor finds it in the queue and answers
    await (await mainNav(page)).getByRole('button', { name: /Mon compte/ }).click()
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).or(page.getByRole('button', { name: 'Se déconnecter' })).first().click()
    await expect(page).toHaveURL(/\/connexion/)
    await submitSignIn(page, 'advisor')
    await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
    await page.getByLabel('Type de tâche').selectOption({ label: 'Messages' })
    await expect(page).toHaveURL(/\?type=MESSAGES$/)
    const task = page.getByRole('table').getByRole('link', { name: 'Message : Ajout de bénéficiaires' })
    await expect(task).toHaveCount(1)
    await expectNoAxeViolations(page)
    await task.click()
    await expect(page.getByRole('heading', { level: 1, name: 'Message : Ajout de bénéficiaires' })).toBeFocused()
    await expect(page.getByText(text)).toBeVisible()
    await expect(page.getByText('Benoit Garnier', { exact: true }).first()).toBeVisible()
    await expect(page.getByRole('link', { name: /acte-de-naissance\.pdf/ })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByLabel('Votre réponse').fill('Bonjour Monsieur Garnier,\n\nFélicitations ! Utilisez le service « Ajout de bénéficiaires » avec l\'acte de naissance : Jules sera couvert dès sa naissance.')
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click()
    await expect(page.getByRole('heading', { name: 'Réponse envoyée' })).toBeFocused()
    await expect(page.getByText('Traité', { exact: true })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('link', { name: 'Retour à la file de traitement' }).last().click()
    await expect(page.getByRole('table').getByRole('link', { name: 'Message : Ajout de bénéficiaires' })).toHaveCount(0)

    // 3. Benoit: the thread in bold, « Traité », one more unread; opening it reads it
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await expect(page).toHaveURL(/\/connexion/)
    await signIn(page)
    await expect.poll(() => headerCount(page)).toBe(countBefore + 1)
    await page.goto('/messagerie')
    const row = page.getByRole('table').locator('tbody tr').first()
    const link = row.getByRole('link', { name: 'Non lu : Ajout de bénéficiaires' })
    await expect(link).toBeVisible()
    expect(await link.evaluate(fontWeight)).toBeGreaterThanOrEqual(700)
    await expect(row.getByText('Traité', { exact: true })).toBeVisible()
    await link.click()
    await expect(page).toHaveURL(threadUrl)
    await expect(page.getByText('Félicitations !')).toBeVisible()
    await expect.poll(() => headerCount(page)).toBe(countBefore)
    await page.goto('/messagerie')
    await expect(page.getByRole('table').getByRole('link', { name: 'Ajout de bénéficiaires' }).first()).toBeVisible()
    await expect(page.getByRole('table').getByRole('link', { name: 'Non lu : Ajout de bénéficiaires' })).toHaveCount(0)
  })
})
