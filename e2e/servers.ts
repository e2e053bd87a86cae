import { clockFromEnvironment, today } from '../server/core/clock.ts'

/**
 * The built portal runs twice during the browser tests, each on a fresh database with the demo
 * household: journeys that only read share the first; journeys that change the household (a new
 * request moves the latest démarches on the home page) use the second, so specs stay independent.
 * `E2E_PORT` moves both (two checkouts can run their suites side by side).
 */
const first = Number(process.env.E2E_PORT ?? 4173)
export const SERVERS = { reading: first, changing: first + 2 } as const

export const baseUrl = (port: number) => `http://127.0.0.1:${port}`

/**
 * The French calendar day the servers and the browser live on: `TODAY=YYYY-MM-DD` pins it (the
 * servers get the same variable), otherwise today. Expectations are computed from it, never literals.
 */
export const ANCHOR = today(clockFromEnvironment())
