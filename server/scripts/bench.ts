import 'reflect-metadata'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createApp } from '../app.ts'
import { systemClock } from '../core/clock.ts'
import { projectRoot } from '../core/paths.ts'
import { openDatabase } from '../db/client.ts'
import { cloneDemoHousehold } from '../db/demo/generate-large.ts'
import { DEMO_ACCOUNTS, loadDemoData } from '../db/demo/index.ts'

/**
 * `npm run bench [households]`: figures for the README, never assertions in tests.
 * Builds a database of N copies of the demo household, serves it on loopback, and times the
 * portal's main GraphQL requests sequentially (one member's journey, warm cache).
 */
const households = Number(process.argv[2] ?? 2000)
const ROUNDS = 200

const dir = mkdtempSync(join(tmpdir(), 'espace-adherent-bench-'))
const db = openDatabase(dir)
await loadDemoData(db, systemClock)
let t0 = performance.now()
cloneDemoHousehold(db, households)
const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
console.log(`data: ${households + 2} households, ${count('reimbursements')} reimbursements, ${count('procedures')} procedures, ${count('message_threads')} threads (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s); file ${(statSync(join(dir, 'espace-adherent.sqlite')).size / 1e6).toFixed(0)} MB`)

const app = await createApp({ db, clock: systemClock, config: { dataDir: dir, secureCookies: false, exposeGraphiql: false } })
const server = app.listen(0, '127.0.0.1')
await new Promise(resolve => server.once('listening', resolve))
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`

async function gql(query: string, variables: Record<string, unknown> = {}, cookie = '') {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) })
  const body = await res.json() as { data?: any, errors?: unknown[] }
  if (body.errors)
    throw new Error(JSON.stringify(body.errors))
  // the session cookie, not the trusted-browser one
  return { body, setCookie: res.headers.getSetCookie().find(c => c.startsWith('sid=')) }
}

// a member in the middle of the generated set
const email = DEMO_ACCOUNTS.benoit.email.replace('@', `+${Math.ceil(households / 2)}@`)
t0 = performance.now()
const signIn = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role } }`, { e: email, p: DEMO_ACCOUNTS.benoit.password })
console.log(`sign-in (argon2id verify + session): ${(performance.now() - t0).toFixed(1)} ms`)
const cookie = signIn.setCookie!.split(';')[0]!
const bens = (await gql(`{ beneficiaries { id } }`, {}, cookie)).body.data.beneficiaries as { id: string }[]

const advisor = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role } }`, { e: DEMO_ACCOUNTS.advisor.email, p: DEMO_ACCOUNTS.advisor.password })
const advisorCookie = advisor.setCookie!.split(';')[0]!

const scenarios: [string, string, Record<string, unknown>, string?][] = [
  ['home page', `{ me { firstName } insuranceCard { cardNumber contract { label } beneficiaries { firstName } } procedures(first: 2) { nodes { status careDate beneficiary { firstName } } } reimbursements(first: 3) { nodes { careType reimbursedCents paymentDate } } news(first: 10) { nodes { title } } unreadMessageCount }`, {}],
  ['reimbursements, first page of 20 with totals', `{ reimbursements(first: 20) { totalCount totals { expenseCents mutuelleCents } nodes { id careType careDate paymentDate expenseCents mutuelleCents beneficiary { firstName } } pageInfo { endCursor } } }`, {}],
  ['reimbursements filtered by beneficiary and care type', `query($b: ID) { reimbursements(beneficiaryId: $b, careType: PHARMACY, first: 20) { totalCount nodes { id } } }`, { b: bens[2]?.id }],
  ['contracts with guarantees and schedule', `{ contracts { id label beneficiaries { firstName } guarantees { label brssPercent } contributionSchedule { dueDate amountCents status } } }`, {}],
  ['démarches with history', `{ procedures(first: 20) { nodes { id kind status history { status at } beneficiary { firstName } } } }`, {}],
  ['advisor queue, first page over every household', `{ advisorQueue(first: 20) { totalCount nodes { ... on ProcedureTask { waitingDays member { lastName } procedure { kind beneficiary { firstName } } } } } }`, {}, advisorCookie],
]

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!
console.log(`\n${'request'.padEnd(54)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'req/s'.padStart(7)}`)
for (const [label, query, variables, as = cookie] of scenarios) {
  for (let i = 0; i < 20; i++) await gql(query, variables, as)
  const times: number[] = []
  const start = performance.now()
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now()
    await gql(query, variables, as)
    times.push(performance.now() - t)
  }
  const total = performance.now() - start
  times.sort((a, b) => a - b)
  console.log(`${label.padEnd(54)} ${pct(times, 0.5).toFixed(2).padStart(6)}ms ${pct(times, 0.95).toFixed(2).padStart(6)}ms ${(ROUNDS / total * 1000).toFixed(0).padStart(7)}`)
}

server.close()
db.$client.close()
rmSync(dir, { recursive: true, force: true })

// what a member downloads before the sign-in page shows: the HTML and the assets it links
const web = join(projectRoot, 'dist/web')
try {
  const html = readFileSync(join(web, 'index.html'), 'utf8')
  const linked = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(m => m[1]!)
  const gz = (f: string) => gzipSync(readFileSync(join(web, f))).length
  const first = gz('index.html') + linked.reduce((s, f) => s + gz(f), 0)
  const all = readdirSync(join(web, 'assets')).reduce((s, f) => s + gz(join('assets', f)), 0)
  console.log(`\nSPA first load: ${(first / 1024).toFixed(1)} KiB gzip (${linked.length} assets); all lazy pages together ${(all / 1024).toFixed(1)} KiB gzip`)
}
catch {
  console.log('\nSPA first load: run `npm run build` first to measure it')
}
