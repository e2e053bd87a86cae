import { defineConfig } from '@playwright/test'
import { baseUrl, SERVERS } from './e2e/servers.ts'

/**
 * `E2E_DEVICE=phone` runs the member journeys again on a phone's screen, on fresh servers (a journey
 * that changes the household would otherwise meet its own changes): `npm run test:e2e:phone`.
 * Tests written for a phone already, audits that cover every width, and tests that read a desktop
 * layout (tables a phone shows as lists, checked at 320 px instead; tag `@desktop-layout`) run once.
 */
const phone = process.env.E2E_DEVICE === 'phone'
const JOURNEYS = ['sign-in', 'ma-mutuelle', 'reimbursements', 'demarches', 'messages', 'help', 'bank-details', 'mon-compte', 'beneficiaries', 'offers', 'quotes', 'personal-data', 'states', 'focus'].map(name => `${name}.spec.ts`)

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // a busy two-core machine renders slowly: assertions wait on what the member sees, for longer
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: baseUrl(SERVERS.reading),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work here
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    screenshot: 'only-on-failure',
    // the service worker's precaching and offline answers are tested in pwa.spec.ts, which allows
    // it; elsewhere every request reaches the server, as each test expects
    serviceWorkers: 'block',
  },
  projects: phone
    ? [{ name: 'phone', testMatch: JOURNEYS, grepInvert: /on a (?:\d+ px )?phone|@desktop-layout/, use: { viewport: { width: 390, height: 844 } } }]
    : [{ name: 'desktop' }],
  // a fresh database each run, loaded with the demo household like `npm start`
  // (TODAY, when set, reaches the servers through the environment they inherit)
  webServer: Object.values(SERVERS).map(port => ({
    command: `rm -rf .tmp/e2e-${port} && DATA_DIR=.tmp/e2e-${port} PORT=${port} node dist/server/main.js`,
    url: `${baseUrl(port)}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
  })),
})
