import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { DEMO_PARTNER_TOKEN } from '../db/demo/index.ts'
import { startTestApp } from './harness.ts'

describe('GET /graphiql/examples.json, what GraphiQL\'s example tabs send', () => {
  const apps: Awaited<ReturnType<typeof startTestApp>>[] = []
  afterAll(() => Promise.all(apps.map(a => a.close())))

  async function serve(config: { exposeGraphiql: boolean, graphiqlDemoExamples?: boolean }) {
    const app = await startTestApp()
    apps.push(app)
    const express = await createApp({ db: app.db, clock: app.clock, config: { dataDir: app.dataDir, secureCookies: false, ...config } })
    const server = express.listen(0, '127.0.0.1')
    await new Promise<void>(r => server.once('listening', () => r()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return { url, close: () => new Promise(r => server.close(r)) }
  }

  it('gives the demo token and the demo household\'s card in development, and they answer', async () => {
    const { url, close } = await serve({ exposeGraphiql: true, graphiqlDemoExamples: true })
    const examples = await (await fetch(`${url}/graphiql/examples.json`)).json() as Record<string, string>
    expect(examples).toEqual({ partnerToken: DEMO_PARTNER_TOKEN, cardNumber: '202897774', birthDate: expect.stringMatching(/^\d{4}-04-27$/), careDate: '2026-11-26', plannedDate: '2026-12-10' })
    const r = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${examples.partnerToken}` },
      body: JSON.stringify({ query: `{ coverageCheck(cardNumber: "${examples.cardNumber}", birthDate: "${examples.birthDate}", careType: PHARMACY, date: "${examples.careDate}") { covered } }` }),
    })
    expect((await r.json() as { data: { coverageCheck: { covered: boolean } } }).data.coverageCheck.covered).toBe(true)
    await close()
  })

  it('gives no token where the demo examples are off (production), and nothing where GraphiQL is off', async () => {
    const off = await serve({ exposeGraphiql: true })
    expect(await (await fetch(`${off.url}/graphiql/examples.json`)).json()).toEqual({ partnerToken: null })
    await off.close()
    const closed = await serve({ exposeGraphiql: false })
    const body = await (await fetch(`${closed.url}/graphiql/examples.json`)).text()
    expect(body).not.toContain(DEMO_PARTNER_TOKEN)
    await closed.close()
  })
})
