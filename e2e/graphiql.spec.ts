import type { Page } from '@playwright/test'
import { baseUrl, SERVERS } from './servers.ts'
import { expect, signIn, test } from './support.ts'

// the prise en charge tab records a démarche in Benoit's household
test.use({ baseURL: baseUrl(SERVERS.changing) })

/** Opens a tab by its operation name, runs it and waits for the response pane to show `expected` (monaco lays spaces out as no-break spaces: \s). */
async function run(page: Page, operation: string, expected: RegExp) {
  await page.getByRole('tab', { name: operation }).click()
  await expect(page.getByRole('tab', { name: operation })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.graphiql-query-editor')).toContainText(operation)
  const response = page.locator('.graphiql-response')
  // monaco attaches the tab's text to the editor after painting it: a click before then runs nothing
  await expect(async () => {
    await page.getByRole('button', { name: /Execute query/ }).click()
    await expect(response).toContainText(expected, { timeout: 3000 })
  }).toPass()
}

test('GraphiQL loads with the network cut and runs the example of each audience', async ({ page }) => {
  const outside: string[] = []
  const own = new URL(baseUrl(SERVERS.changing)).host
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).host === own)
      return route.continue()
    outside.push(route.request().url())
    return route.abort()
  })
  // the member's tab reads the session of this browser
  await signIn(page)
  await page.goto('/graphiql')
  for (const name of ['MemberHome', 'PartnerCoverageCheck', 'PartnerCoverageAgreement', 'PartnerUsage'])
    await expect(page.getByRole('tab', { name })).toBeVisible()

  await run(page, 'MemberHome', /"firstName":\s"Benoit"/)
  // the partner tabs carry the demo token in their headers: the demo household's card answers
  await run(page, 'PartnerCoverageCheck', /"covered":\strue/)
  await run(page, 'PartnerCoverageAgreement', /"status":\s"ACCEPTED"/)
  await run(page, 'PartnerUsage', /"totalCalls":\s[1-9]/)
  expect(outside).toEqual([])

  // the prise en charge the partner's tab asked for is in the member's démarches, accepted
  await page.goto('/demarches?type=COVERAGE_AGREEMENT')
  await expect(page.getByRole('heading', { level: 3, name: /^Prise en charge \(soins optiques\), soins prévus le .* pour Léa$/ }).first()).toBeVisible()
  await expect(page.getByText(/^Prise en charge accordée à Pharmacie partenaire \(démo\)/).first()).toBeVisible()
})
