import { expect, signIn, test } from './support.ts'

test('a page whose title waits for its data gets focus on that title once it shows', async ({ page }) => {
  await signIn(page)
  const row = page.getByRole('region', { name: 'Prestations' }).getByRole('listitem').first().getByRole('link')
  await row.click()
  const heading = page.getByRole('main').getByRole('heading', { level: 1 })
  await expect(page).toHaveURL(/\/remboursements\/[\w-]+$/)
  await expect(heading).toBeFocused()
})
