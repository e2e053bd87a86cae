import { defineConfig } from '@playwright/test'
import { baseUrl, SERVERS } from './e2e/servers.ts'

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
