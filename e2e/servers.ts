/**
 * The built portal runs twice during the browser tests, each on a fresh database with the demo
 * household: journeys that only read share the first; journeys that change the household (a new
 * request moves the latest démarches on the home page) use the second, so specs stay independent.
 */
export const SERVERS = { reading: 4173, changing: 4175 } as const

export const baseUrl = (port: number) => `http://127.0.0.1:${port}`
