import type { Page } from '@playwright/test'
import { addMonths, firstOfMonth } from '../server/core/calendar.ts'
import { findOption, householdMonthlyCents } from '../server/modules/offers/offer-catalogue.ts'
import { formatLongDate } from '../web/src/utils/format-date.ts'
import { formatMoney } from '../web/src/utils/format-money.ts'
import { ANCHOR, baseUrl, SERVERS } from './servers.ts'
import { DEMO, expect, expectNoAxeViolations, expectNoHorizontalScroll, mainNav, signIn, submitSignIn, tabTo, test } from './support.ts'

// the démarche commerciale Benoit left unfinished, and what its options cost his household
const journey = DEMO.commercialJourneys[0]!
const contract = DEMO.contracts.find(c => c.id === journey.contractId)!
const household = DEMO.beneficiaries.filter(b => b.memberId === contract.memberId)
const firstStart = addMonths(firstOfMonth(ANCHOR), 1)

/** The people the contract covers on a day, as the server knows them now. */
async function coveredOn(page: Page, day: string): Promise<{ relationship: string }[]> {
  const res = await page.request.post('/graphql', { data: { query: '{ beneficiaries { relationship coverageStart coverageEnd } }' } })
  const { data } = await res.json() as { data: { beneficiaries: { relationship: string, coverageStart: string, coverageEnd: string | null }[] } }
  return data.beneficiaries.filter(b => b.coverageStart <= day && (!b.coverageEnd || b.coverageEnd >= day))
}

async function openOffers(page: Page) {
  await signIn(page)
  await (await mainNav(page)).getByRole('link', { name: 'Offre & devis' }).click()
  await expect(page).toHaveURL(/\/offre-et-devis$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Offre & devis' })).toBeVisible()
}

test.describe('a journey that changes the household', () => {
  test.use({ baseURL: baseUrl(SERVERS.changing) })

  test('Benoit resumes his change of option, finalises it, and the advisor accepts it: Ma mutuelle announces the new option', { tag: '@desktop-layout' }, async ({ page }) => {
    await openOffers(page)
    // this server's household may have changed in earlier journeys (a child added): price it as it is now
    const people = await coveredOn(page, journey.startDate)
    const price = (code: string) => formatMoney(householdMonthlyCents(findOption(contract.productLabel, code)!, people))
    const card = page.getByRole('region', { name: `Changement d'option — ${contract.productLabel}` })
    const compare = card.getByRole('table', { name: 'Votre option actuelle et l\'option choisie' })
    await expect(compare.getByRole('row', { name: /^Option/ })).toContainText('Option A')
    await expect(compare.getByRole('row', { name: /^Option/ })).toContainText('Option B')
    await expect(compare.getByRole('row', { name: /^Cotisation mensuelle/ })).toContainText(price('A'))
    await expect(compare.getByRole('row', { name: /^Cotisation mensuelle/ })).toContainText(price('B'))
    await expect(card.getByText(formatLongDate(journey.startDate))).toBeVisible()
    await expectNoAxeViolations(page)

    // Reprendre, by keyboard: Option C from the 1st of next month
    const resume = card.getByRole('button', { name: 'Reprendre' })
    await tabTo(page, resume)
    await page.keyboard.press('Enter')
    const choice = card.getByRole('group', { name: 'Nouvelle option' })
    await expect(choice.getByRole('radio', { name: /Option B/ })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(choice.getByRole('radio', { name: new RegExp(`Option C — ${price('C').replace(/\s/g, '\\s')}`) })).toBeChecked()
    await card.getByLabel('À partir du').selectOption({ label: formatLongDate(firstStart) })
    await expectNoAxeViolations(page)
    await card.getByRole('button', { name: 'Enregistrer mes choix' }).click()
    await expect(compare.getByRole('row', { name: /^Option/ })).toContainText('Option C')
    await expect(compare.getByRole('row', { name: /^Cotisation mensuelle/ })).toContainText(price('C'))
    await expect(card.getByText(formatLongDate(firstStart))).toBeVisible()

    // Finaliser: an « Affiliation » démarche for the advisor
    await card.getByRole('button', { name: 'Finaliser' }).click()
    const outcome = page.getByRole('status').filter({ hasText: 'demande d\'affiliation' })
    await expect(outcome).toBeFocused()
    const reference = (await outcome.textContent())!.match(/DEM-\d{4}-\d{6}/)![0]
    await expect(page.getByRole('region', { name: 'Vos démarches terminées' })).toContainText(`Option A → Option C, à partir du ${formatLongDate(firstStart)}`)
    await expectNoAxeViolations(page)
    await page.context().clearCookies()

    // the advisor finds it among the affiliations, sees the change and accepts it
    await submitSignIn(page, 'advisor')
    await expect(page.getByRole('heading', { level: 1, name: 'File de traitement' })).toBeVisible()
    await page.goto('/conseiller?type=AFFILIATION')
    await page.getByRole('table').getByRole('link', { name: /^Affiliation/ }).first().click()
    await expect(page.getByText(reference)).toBeVisible()
    await expect(page.getByText('Option A → Option C')).toBeVisible()
    await expect(page.getByText(`${price('A')} → ${price('C')}`)).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('group', { name: 'Votre décision' }).getByRole('radio', { name: /Accepter/ }).check()
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
    const side = page.getByRole('complementary', { name: 'Décision' })
    await expect(side.getByRole('heading', { name: 'Décision enregistrée' })).toBeFocused()
    await expect(side.getByText(`Option C à partir du`)).toBeVisible()
    await page.context().clearCookies()

    // Benoit's contract announces Option C from the chosen date, with its guarantee table
    await signIn(page)
    await page.goto('/ma-mutuelle/contrats')
    const upcoming = page.getByRole('region', { name: `À partir du ${formatLongDate(firstStart)} : Option C` })
    await expect(upcoming).toContainText(price('C'))
    await expect(upcoming.getByRole('table', { name: `Tableau de garanties à partir du ${formatLongDate(firstStart)} — ${contract.productLabel} / Option C` })).toBeVisible()
    await page.goto('/demarches')
    await expect(page.locator('main')).toContainText(reference)
  })
})

// the optician's quote Benoit sent, and the first reimbursement of glasses after it
const quote = DEMO.procedures.find(p => p.kind === 'QUOTE' && p.careType === 'OPTICS' && p.beneficiaryId === household.find(b => b.firstName === 'Benoit')!.id)!
const glassesOfTheQuote = () => DEMO.reimbursements.filter(r => r.beneficiaryId === quote.beneficiaryId && r.careType === 'OPTICS' && r.careDate >= quote.submittedAt.slice(0, 10))
  .sort((a, b) => a.careDate.localeCompare(b.careDate))[0]!

test('the reimbursement of Benoit\'s glasses shows the estimate of his quote beside what was paid, and why', async ({ page }) => {
  const glasses = glassesOfTheQuote()
  await signIn(page)
  await page.goto(`/remboursements/${glasses.id}`)
  const comparison = page.getByRole('region', { name: 'Votre devis et ce remboursement' })
  const table = comparison.getByRole('table', { name: 'Estimation du devis et montants remboursés' })
  await expect(table.getByRole('row', { name: /^Montant des soins/ })).toContainText(formatMoney(quote.amountCents!))
  await expect(table.getByRole('row', { name: /^Montant des soins/ })).toContainText(formatMoney(glasses.expenseCents))
  await expect(comparison.getByRole('listitem').first()).toHaveText(`Le montant facturé (${formatMoney(glasses.expenseCents)}) est inférieur de ${formatMoney(quote.amountCents! - glasses.expenseCents)} à celui du devis (${formatMoney(quote.amountCents!)}) : les remboursements suivent ce qui a été facturé.`)
  await expectNoAxeViolations(page)
  await comparison.getByRole('link', { name: /Voir le devis DEM-/ }).click()
  await expect(page).toHaveURL(/\/demarches/)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } })

  test('Offre & devis and a reimbursement compared with its quote fit the screen', async ({ page }) => {
    await signIn(page)
    // the home page offers the unfinished journey first
    await page.getByRole('link', { name: 'Reprendre mon parcours' }).click()
    await expect(page).toHaveURL(/\/offre-et-devis$/)
    await page.getByRole('button', { name: 'Reprendre' }).click()
    await expect(page.getByRole('group', { name: 'Nouvelle option' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expectNoAxeViolations(page)
    // leaving without saving changes nothing
    await page.getByRole('button', { name: 'Annuler' }).click()
    await expect(page.getByRole('button', { name: 'Finaliser' })).toBeVisible()

    await page.goto(`/remboursements/${glassesOfTheQuote().id}`)
    await expect(page.getByRole('region', { name: 'Votre devis et ce remboursement' })).toBeVisible()
    await expectNoHorizontalScroll(page)
  })
})
