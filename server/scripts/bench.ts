import 'reflect-metadata'
import type { ChildProcess } from 'node:child_process'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app.ts'
import { systemClock, today } from '../core/clock.ts'
import { logger } from '../core/logger.ts'
import { hashPassword } from '../core/passwords.ts'
import { projectRoot } from '../core/paths.ts'
import { openDatabase } from '../db/client.ts'
import { generateLargeData, GENERATED_PASSWORD } from '../db/demo/generate-large.ts'
import { DEMO_ACCOUNTS, DEMO_PARTNER_TOKEN, loadDemoData } from '../db/demo/index.ts'
import { demoId } from '../db/demo/random.ts'
import type { ProfileSummary } from './bench-profile.ts'
import { printProfile, summariseProfile } from './bench-profile.ts'
import { spaOperation } from './spa-operation.ts'

/**
 * `npm run bench [households]`: the portal against a raw reference server (bench-reference.ts)
 * on the same generated database. Every answer the reference knows is checked byte for byte
 * first; then both are timed in interleaved rounds at 10 connections, the load generator on its
 * own core, each server's CPU read from /proc/<pid>/stat. Figures for the README, never test
 * assertions. Writes bench/results.json.
 */
const households = Number(process.argv[2] ?? 2000)
logger.level = 'warn'
const CONNECTIONS = 10
const ROUNDS = 3
const basePort = Number(process.env.BENCH_PORT ?? 4850)

const cores = cpus().length

// while iterating: BENCH_DATA=<dir> serves a database generated before (kept), BENCH_ONLY=<regexp>
// runs only the requests whose label matches, BENCH_PROFILE=<dir> writes the portal's CPU profile
// there and prints its summary (bench-profile.ts)
const reuse = process.env.BENCH_DATA
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null
const profileDir = process.env.BENCH_PROFILE
// BENCH_APP_FLAGS="--max-old-space-size=…": other Node flags for the portal (memory experiments);
// by default the flags `npm start` gives Node (the heap's ceiling): the portal as it runs in production
// (and the environment it sets before Node, e.g. glibc's malloc settings)
const startCommand = /((?:[A-Z_]+=\S+ )*)node ((?:--\S+ )*)dist\/server\/main\.js/.exec((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!)
const appFlags = (process.env.BENCH_APP_FLAGS ?? startCommand?.[2] ?? '').split(' ').filter(Boolean)
const appEnv = Object.fromEntries((startCommand?.[1] ?? '').split(' ').filter(Boolean).map(a => a.split('=') as [string, string]))
const dir = reuse ?? mkdtempSync(join(tmpdir(), 'espace-adherent-bench-'))
const setupDb = openDatabase(dir)
let generation = ''
if (!reuse) {
  await loadDemoData(setupDb, systemClock)
  const passwordHash = await hashPassword(GENERATED_PASSWORD)
  const t0 = performance.now()
  const generated = await generateLargeData(setupDb, { households, today: today(systemClock), advisorAccountId: demoId('advisor', 'account'), passwordHash })
  generation = `; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (build ${generated.buildSeconds.toFixed(1)} s in a worker thread, insert ${generated.insertSeconds.toFixed(1)} s of which ${generated.indexSeconds.toFixed(1)} s indexes and statistics, waiting ${generated.waitSeconds.toFixed(1)} s for the worker)`
}
const count = (sql: string, ...params: unknown[]) => (setupDb.$client.prepare(sql).get(...params) as { n: number }).n
const dataLine = `${households} generated households + 2 demo ones: ${count('SELECT count(*) AS n FROM beneficiaries')} beneficiaries, ${count('SELECT count(*) AS n FROM reimbursements')} reimbursements, ${count('SELECT count(*) AS n FROM procedures')} démarches, ${count('SELECT count(*) AS n FROM message_threads')} threads${generation}; file ${(statSync(join(dir, 'espace-adherent.sqlite')).size / 1e6).toFixed(0)} MB`
console.log(dataLine)

// the member benchmarked: the middle household's number among the larger families, for a deep list
const bench = setupDb.$client.prepare(`SELECT m.id AS memberId, a.email AS email, (SELECT count(*) FROM reimbursements r WHERE r.member_id = m.id) AS n FROM members m JOIN accounts a ON a.member_id = m.id WHERE a.email LIKE 'adherent.%' ORDER BY n DESC LIMIT 1 OFFSET ?`).get(Math.floor(households / 100)) as { memberId: string, email: string, n: number }
const beneficiary = setupDb.$client.prepare(`SELECT beneficiary_id AS id FROM reimbursements WHERE member_id = ? GROUP BY beneficiary_id ORDER BY count(*) DESC LIMIT 1`).get(bench.memberId) as { id: string }
const card = setupDb.$client.prepare(`SELECT c.card_number AS cardNumber, b.birth_date AS birthDate FROM insurance_cards c JOIN card_rights r ON r.card_id = c.id JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE b.member_id = ? LIMIT 1`).get(bench.memberId) as { cardNumber: string, birthDate: string }
setupDb.$client.close()

// the load generator on core 0, both servers on core 1: they never compete with it. Pinned only
// now: the generator's worker thread would inherit core 0 and share it with the writing thread
const pinned = cores > 1 && (() => {
  try {
    execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' })
    return true
  }
  catch { return false }
})()

// both servers run compiled, as in production (no TypeScript loader in their CPU time or memory)
execFileSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', join(projectRoot, 'tsconfig.build.json')], { stdio: 'inherit' })

function startServer(name: string, script: string, port: number, flags: string[] = [], extraEnv: Record<string, string> = {}): ChildProcess {
  const args = [...flags, join(projectRoot, 'dist', script)]
  const env = { ...process.env, ...extraEnv, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }
  const child = pinned
    ? spawn('taskset', ['-c', '1', process.execPath, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    : spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })
  child.on('exit', (code) => {
    if (code && !stopping)
      console.error(`${name} stopped (${code})`)
  })
  return child
}
let stopping = false
const app = { name: 'app', port: basePort, child: startServer('app', 'server/main.js', basePort, [...profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], ...appFlags], appEnv) }
const ref = { name: 'reference', port: basePort + 1, child: startServer('reference', 'server/scripts/bench-reference.js', basePort + 1) }
type Target = typeof app
// a failed check must not leave servers behind
process.on('exit', () => {
  stopping = true
  app.child.kill()
  ref.child.kill()
})

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
interface Answer { status: number, body: string, cookie?: string }
function post(target: Target, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: target.port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), cookie: res.headers['set-cookie']?.find(c => c.startsWith('sid='))?.split(';')[0] }))
    })
    req.on('error', reject)
    req.end(body)
  })
}
async function waitFor(target: Target) {
  for (let i = 0; i < 600; i++) {
    try {
      await post(target, '{}', {})
      return
    }
    catch { await new Promise(resolve => setTimeout(resolve, 100)) }
  }
  throw new Error(`${target.name} did not start`)
}
await Promise.all([waitFor(app), waitFor(ref)])

const signIn = spaOperation('auth/auth.graphql', 'SignIn')
const memberCookie = (await post(app, JSON.stringify({ query: signIn, variables: { email: bench.email, password: GENERATED_PASSWORD } }), {})).cookie!
const advisorCookie = (await post(app, JSON.stringify({ query: signIn, variables: { email: DEMO_ACCOUNTS.advisor.email, password: DEMO_ACCOUNTS.advisor.password } }), {})).cookie!

// the deepest page of this household: every page before it walked with the cursor
const list = spaOperation('reimbursements/reimbursements.graphql', 'ReimbursementList')
let after: string | null = null
let depth = 1
for (;;) {
  const answer: Answer = await post(app, JSON.stringify({ query: list, variables: { first: 20, after } }), { cookie: memberCookie })
  const page = JSON.parse(answer.body).data.reimbursements as { pageInfo: { hasNextPage: boolean, endCursor: string } }
  if (!page.pageInfo.hasNextPage || depth === 50)
    break
  after = page.pageInfo.endCursor
  depth++
}

interface Scenario { label: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>, reference: boolean, requests: number }
const member = { cookie: memberCookie }
const allScenarios: Scenario[] = [
  { label: 'sign-in (argon2id + session)', query: signIn, variables: { email: bench.email, password: GENERATED_PASSWORD }, headers: {}, reference: false, requests: 40 },
  { label: 'home page', query: spaOperation('home/home.graphql', 'HomeDashboard'), variables: {}, headers: member, reference: true, requests: 600 },
  { label: 'reimbursements, first page', query: list, variables: { first: 20 }, headers: member, reference: true, requests: 800 },
  { label: `reimbursements, page ${depth} (last)`, query: list, variables: { first: 20, after }, headers: member, reference: true, requests: 800 },
  { label: 'reimbursements of a beneficiary', query: list, variables: { beneficiaryId: beneficiary.id, first: 20 }, headers: member, reference: true, requests: 800 },
  { label: 'contract with its guarantees', query: spaOperation('contracts/contracts.graphql', 'ContractGuarantees'), variables: {}, headers: member, reference: true, requests: 300 },
  { label: 'Mes démarches', query: spaOperation('procedures/procedures.graphql', 'ProcedureList'), variables: { first: 20 }, headers: member, reference: true, requests: 600 },
  { label: 'messagerie inbox', query: spaOperation('messages/messages.graphql', 'MessageThreads'), variables: { first: 20 }, headers: member, reference: true, requests: 600 },
  { label: 'advisor queue', query: spaOperation('advisor/advisor.graphql', 'AdvisorQueue'), variables: { first: 20 }, headers: { cookie: advisorCookie }, reference: true, requests: 300 },
  // partners are held to 120 requests a minute: one short round
  { label: 'partner coverageCheck', query: `query CoverageCheck($cardNumber: String!, $birthDate: Date!, $careType: CareType!, $date: Date!) { coverageCheck(cardNumber: $cardNumber, birthDate: $birthDate, careType: $careType, date: $date) { covered } }`, variables: { ...card, careType: 'PHARMACY', date: today(systemClock) }, headers: { authorization: `Bearer ${DEMO_PARTNER_TOKEN}` }, reference: true, requests: 30 },
]

const scenarios = allScenarios.filter(s => !only || only.test(s.label))

// byte for byte first: a faster wrong answer proves nothing
for (const s of scenarios) {
  const body = JSON.stringify({ query: s.query, variables: s.variables })
  const a = await post(app, body, s.headers)
  if (a.status !== 200 || JSON.parse(a.body).errors)
    throw new Error(`${s.label}: the app answered ${a.status} ${a.body.slice(0, 300)}`)
  if (s.reference) {
    const b = await post(ref, body, s.headers)
    if (a.body !== b.body) {
      let at = 0
      while (a.body[at] === b.body[at]) at++
      throw new Error(`${s.label}: the reference's answer differs from the app's at byte ${at}\napp: …${a.body.slice(Math.max(0, at - 200), at + 200)}\nref: …${b.body.slice(Math.max(0, at - 200), at + 200)}`)
    }
  }
}
console.log(`answers checked byte for byte: ${scenarios.filter(s => s.reference).map(s => s.label).join('; ')}`)

// SQL statements per request, counted by drizzle's logger in an app of its own on the same file
let statements = 0
const countingDb = openDatabase(dir, { onQuery: () => { statements++ } })
const counting = (await createApp({ db: countingDb, clock: systemClock, config: { dataDir: dir, secureCookies: false, exposeGraphiql: false } })).listen(basePort + 2, '127.0.0.1')
await new Promise(resolve => counting.once('listening', resolve))
const countingTarget = { ...app, port: basePort + 2 }
const statementsPer = new Map<Scenario, number>()
for (const s of scenarios.filter(s => !s.label.startsWith('partner'))) {
  statements = 0
  await post(countingTarget, JSON.stringify({ query: s.query, variables: s.variables }), s.headers)
  statementsPer.set(s, statements)
}
counting.close()
countingDb.$client.close()

const TICK_US = 1e6 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100)
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime, fields 14 and 15 of the line (11 and 12 after the command)
  return (Number(fields[11]) + Number(fields[12])) * TICK_US
}
const statusMb = (pid: number, field: 'VmHWM' | 'VmRSS') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
const peakRss = (pid: number) => statusMb(pid, 'VmHWM')

/** The portal's resident memory, sampled every second while `work` runs. */
async function sampleRss<T>(work: () => Promise<T>): Promise<{ result: T, samples: number[] }> {
  const samples = [statusMb(app.child.pid!, 'VmRSS')]
  const timer = setInterval(() => samples.push(statusMb(app.child.pid!, 'VmRSS')), 1000)
  try {
    return { result: await work(), samples: [...samples, statusMb(app.child.pid!, 'VmRSS')] }
  }
  finally { clearInterval(timer) }
}

// BENCH_STEADY=<seconds>: no table; a steady mix of the member and advisor pages on the portal for
// that long, its RSS sampled every second (first minute against last: flat or growing);
// BENCH_SIGNINS=<n> adds n connections signing in all along (argon2id's memory)
const steadySeconds = Number(process.env.BENCH_STEADY ?? 0)
if (steadySeconds) {
  const signIns = Number(process.env.BENCH_SIGNINS ?? 0)
  const mix = scenarios.filter(s => !s.label.startsWith('sign-in') && !s.label.startsWith('partner'))
  const signInScenario = scenarios.find(s => s.label.startsWith('sign-in'))!
  const until = performance.now() + steadySeconds * 1000
  let requests = 0
  let signInsDone = 0
  const loop = async (pick: () => Scenario, counted: () => void) => {
    while (performance.now() < until) {
      const s = pick()
      const answer = await post(app, JSON.stringify({ query: s.query, variables: s.variables }), s.headers)
      if (answer.status !== 200)
        throw new Error(`${s.label}: ${answer.status} ${answer.body.slice(0, 200)}`)
      counted()
    }
  }
  let next = 0
  const cpuBefore = cpuMicros(app.child.pid!)
  const { samples } = await sampleRss(() => Promise.all([
    ...Array.from({ length: CONNECTIONS }, () => loop(() => mix[next++ % mix.length]!, () => requests++)),
    ...Array.from({ length: signIns }, () => loop(() => signInScenario, () => signInsDone++)),
  ]))
  const minute = (xs: number[]) => ({ avgMb: xs.reduce((a, b) => a + b, 0) / xs.length, maxMb: Math.max(...xs) })
  const memory = {
    seconds: steadySeconds,
    signInConnections: signIns,
    requests,
    signIns: signInsDone,
    appEnv,
    appFlags,
    cpuUsPerRequest: (cpuMicros(app.child.pid!) - cpuBefore) / (requests + signInsDone),
    firstMinute: minute(samples.slice(0, 60)),
    lastMinute: minute(samples.slice(-60)),
    peakMb: peakRss(app.child.pid!),
    samples: samples.map(x => Math.round(x)),
  }
  console.log(`steady run, ${steadySeconds} s, ${CONNECTIONS} connections on ${mix.map(s => s.label).join(', ')}${signIns ? `, ${signIns} signing in` : ''}: ${requests} requests, ${signInsDone} sign-ins`)
  console.log(`portal CPU: ${memory.cpuUsPerRequest.toFixed(0)} µs a request${appFlags.length ? ` (${appFlags.join(' ')})` : ''}`)
  console.log(`portal RSS: first minute avg ${memory.firstMinute.avgMb.toFixed(0)} / max ${memory.firstMinute.maxMb.toFixed(0)} MB, last minute avg ${memory.lastMinute.avgMb.toFixed(0)} / max ${memory.lastMinute.maxMb.toFixed(0)} MB, peak ${memory.peakMb.toFixed(0)} MB`)
  console.log(`every 10 s: ${samples.filter((_, i) => i % 10 === 0).map(x => x.toFixed(0)).join(' ')}`)
  mkdirSync(join(projectRoot, 'bench'), { recursive: true })
  writeFileSync(join(projectRoot, `bench/memory-${signIns ? 'sign-ins' : 'pages'}.json`), `${JSON.stringify({ date: new Date().toISOString(), households, data: dataLine, ...memory }, null, 2)}\n`)
  process.exit(0)
}

async function round(target: Target, s: Scenario, n: number): Promise<{ cpu: number, latencies: number[] }> {
  const body = JSON.stringify({ query: s.query, variables: s.variables })
  const latencies: number[] = []
  let left = n
  const before = cpuMicros(target.child.pid!)
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (left-- > 0) {
      const start = performance.now()
      const answer = await post(target, body, s.headers)
      latencies.push(performance.now() - start)
      if (answer.status !== 200)
        throw new Error(`${s.label} on ${target.name}: ${answer.status} ${answer.body.slice(0, 200)}`)
    }
  }))
  return { cpu: cpuMicros(target.child.pid!) - before, latencies }
}

interface Result { label: string, reference: boolean, appCpuUs: number, refCpuUs: number | null, ratio: number | null, appP50Ms: number, appP99Ms: number, refP50Ms: number | null, refP99Ms: number | null, statements: number | null, appRssMaxMb: number }
const results: Result[] = []
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n)
const timedFrom = monotonicUs()
for (const s of scenarios) {
  const rounds = s.label.startsWith('partner') ? 1 : ROUNDS
  const warm = Math.min(50, s.requests / 4)
  await round(app, s, warm)
  if (s.reference)
    await round(ref, s, warm)
  const appRuns = { cpu: 0, latencies: [] as number[] }
  const refRuns = { cpu: 0, latencies: [] as number[] }
  const { samples } = await sampleRss(async () => {
    for (let r = 0; r < rounds; r++) {
      const a = await round(app, s, s.requests)
      appRuns.cpu += a.cpu
      appRuns.latencies.push(...a.latencies)
      if (s.reference) {
        const b = await round(ref, s, s.requests)
        refRuns.cpu += b.cpu
        refRuns.latencies.push(...b.latencies)
      }
    }
  })
  const appCpuUs = appRuns.cpu / (rounds * s.requests)
  const refCpuUs = s.reference ? refRuns.cpu / (rounds * s.requests) : null
  results.push({
    label: s.label,
    reference: s.reference,
    appCpuUs,
    refCpuUs,
    ratio: refCpuUs ? appCpuUs / refCpuUs : null,
    appP50Ms: pct(appRuns.latencies, 0.5),
    appP99Ms: pct(appRuns.latencies, 0.99),
    refP50Ms: s.reference ? pct(refRuns.latencies, 0.5) : null,
    refP99Ms: s.reference ? pct(refRuns.latencies, 0.99) : null,
    statements: statementsPer.get(s) ?? null,
    appRssMaxMb: Math.max(...samples),
  })
}
const timedUntil = monotonicUs()
const rss = { appMb: peakRss(app.child.pid!), referenceMb: peakRss(ref.child.pid!) }

stopping = true
agent.destroy()
// the profile is written when the process exits on its own: SIGTERM is the portal's graceful stop
const appExited = new Promise(resolve => app.child.once('exit', resolve))
app.child.kill('SIGTERM')
ref.child.kill()
if (!reuse)
  rmSync(dir, { recursive: true, force: true })
let profile: ProfileSummary | null = null
if (profileDir) {
  await appExited
  const latest = readdirSync(profileDir).filter(f => f.endsWith('.cpuprofile')).map(f => join(profileDir, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
  if (latest) {
    profile = summariseProfile(latest, 25, [timedFrom, timedUntil])
    console.log(`profile of ${scenarios.map(s => s.label).join('; ')}: ${latest}`)
    printProfile(profile)
  }
}

const f = (x: number | null, digits = 0) => x === null ? '—' : x.toFixed(digits)
const rows = [
  ['request', 'app µs CPU', 'ref µs CPU', 'ratio', 'app p50 / p99 ms', 'ref p50 / p99 ms', 'SQL'],
  ...results.map(r => [r.label + (r.reference ? '' : ' *'), f(r.appCpuUs), f(r.refCpuUs), r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, `${f(r.appP50Ms, 1)} / ${f(r.appP99Ms, 1)}`, r.refP50Ms === null ? '—' : `${f(r.refP50Ms, 1)} / ${f(r.refP99Ms, 1)}`, f(r.statements)]),
]
const machine = { nproc: cores, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, pinned }
console.log(`\nmachine: ${machine.nproc} cores, ${machine.cpu}, Node ${machine.node}; load generator ${pinned ? 'on core 0, servers on core 1' : 'not pinned'}; portal started with ${[...Object.entries(appEnv).map(([k, v]) => `${k}=${v}`), ...appFlags].join(' ') || 'no Node flag'}; ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds\n`)
console.log(`| ${rows[0]!.join(' | ')} |\n|${rows[0]!.map((_, i) => i === 0 ? '---' : '---:').join('|')}|\n${rows.slice(1).map(r => `| ${r.join(' | ')} |`).join('\n')}`)
console.log(`\n${results.some(r => !r.reference) ? '* app only: the reference does not answer this request.\n' : ''}Peak RSS: app ${rss.appMb.toFixed(0)} MB, reference ${rss.referenceMb.toFixed(0)} MB; the app's RSS at most, request by request (sampled every second): ${results.map(r => `${r.label} ${r.appRssMaxMb.toFixed(0)}`).join(', ')} MB.`)

// what a member downloads before the sign-in page shows: the HTML and the assets it links
let firstLoadKiB: number | null = null
const web = join(projectRoot, 'dist/web')
try {
  const html = readFileSync(join(web, 'index.html'), 'utf8')
  const linked = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(m => m[1]!)
  const size = (file: string) => {
    try {
      return statSync(join(web, `${file}.br`)).size
    }
    catch { return statSync(join(web, file)).size }
  }
  firstLoadKiB = (size('index.html') + linked.reduce((sum, file) => sum + size(file), 0)) / 1024
  console.log(`SPA first load: ${firstLoadKiB.toFixed(1)} KiB brotli (${linked.length} assets, ${readdirSync(join(web, 'assets')).length} files built)`)
}
catch {
  console.log('SPA first load: run `npm run build` first to measure it')
}

// a partial run (BENCH_ONLY) is for iterating: the recorded figures stay those of a whole run
if (!only) {
  mkdirSync(join(projectRoot, 'bench'), { recursive: true })
  writeFileSync(join(projectRoot, 'bench/results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, households, data: dataLine, appEnv, appFlags, connections: CONNECTIONS, rounds: ROUNDS, results, peakRss: rss, firstLoadKiB }, null, 2)}\n`)
}
