import type { AddressInfo } from 'node:net'
import type { Clock } from '../core/clock.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app.ts'
import { openDatabase } from '../db/client.ts'
import { DEMO_ACCOUNTS, loadDemoData } from '../db/demo/index.ts'

/** The day every API test lives on, so demo data and expectations agree. */
export const TEST_NOW = '2026-11-26T10:00:00.000Z'

/** A clock tests can move forward (session expiry, lockouts). */
export function testClock(iso = TEST_NOW): Clock & { advance: (ms: number) => void } {
  let t = Date.parse(iso)
  return { now: () => new Date(t), advance: (ms) => { t += ms } }
}

export interface GqlResult<T = any> {
  status: number
  data?: T
  errors?: { message: string, extensions?: { code?: string } }[]
  setCookie: string | null
}

/** A browser-like caller: keeps the session cookie (and the trusted-browser one) between calls. */
export class ApiClient {
  /** `sid=…`: the session. */
  cookie: string | null = null
  /** `device=…`: the browser is known to the account it signed in to. */
  deviceCookie: string | null = null
  /** Sent with every request, e.g. `X-Forwarded-For` to play another address. */
  headers: Record<string, string> = {}
  constructor(readonly url: string, readonly bearer?: string) {}

  private cookieHeader(): string | null {
    return [this.cookie, this.deviceCookie].filter(Boolean).join('; ') || null
  }

  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { ...this.headers, 'content-type': 'application/json' }
    const cookie = this.cookieHeader()
    if (cookie)
      headers.cookie = cookie
    if (this.bearer)
      headers.authorization = `Bearer ${this.bearer}`
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) })
    let setCookie: string | null = null
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!
      const value = pair.endsWith('=') ? null : pair
      if (pair.startsWith('device=')) {
        this.deviceCookie = value
      }
      else {
        setCookie = line
        this.cookie = value
      }
    }
    const body = await res.json() as { data?: T, errors?: GqlResult['errors'] }
    return { status: res.status, data: body.data, errors: body.errors, setCookie }
  }

  async signIn(email: string, password: string) {
    const r = await this.gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role errors { field code message } } }`, { e: email, p: password })
    if (r.data?.signIn.errors.length)
      throw new Error(`sign-in failed: ${JSON.stringify(r.data.signIn.errors)}`)
    return r
  }

  get(path: string, init?: RequestInit) {
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init?.headers)) })
    const cookie = this.cookieHeader()
    if (cookie)
      headers.set('cookie', cookie)
    if (this.bearer)
      headers.set('authorization', `Bearer ${this.bearer}`)
    return fetch(`${this.url}${path}`, { ...init, headers })
  }
}

/** A real server on a fresh SQLite file with the demo data, listening on a free port. */
export async function startTestApp(opts: { demo?: boolean, clock?: ReturnType<typeof testClock>, compileQueriesOnUse?: number } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'espace-adherent-test-'))
  const queries: string[] = []
  const db = openDatabase(dataDir, { onQuery: sql => queries.push(sql) })
  const clock = opts.clock ?? testClock()
  if (opts.demo !== false)
    await loadDemoData(db, clock)
  const app = await createApp({ db, clock, config: { dataDir, secureCookies: false, exposeGraphiql: true, compileQueriesOnUse: opts.compileQueriesOnUse ?? 1 } })
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>(resolve => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    db,
    clock,
    url,
    dataDir,
    /** SQL statements run since the last call; for N+1 checks. */
    takeQueries() {
      return queries.splice(0)
    },
    client: (bearer?: string) => new ApiClient(url, bearer),
    async as(who: keyof typeof DEMO_ACCOUNTS) {
      const c = new ApiClient(url)
      await c.signIn(DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password)
      return c
    },
    async close() {
      await new Promise(resolve => server.close(resolve))
      db.$client.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>
