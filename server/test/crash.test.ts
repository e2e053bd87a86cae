import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../core/paths.ts'
import { DEMO_ACCOUNTS } from '../db/demo/index.ts'
import { ApiClient } from './harness.ts'
import { tinyPdf, UPLOAD_HEADERS } from './files.ts'

/*
 * "No data lost" as the suite checks it: a real server process (server/main.ts) takes uploads and
 * reimbursement requests from three clients at once and is killed with SIGKILL at a random moment,
 * KILLS times, on the same data directory. After each kill the database must pass
 * `PRAGMA integrity_check` and its foreign keys, hold every write the server acknowledged (the
 * request, its first event, its document, the file on disk with its hash) and no half-written one;
 * after each restart no uploaded file without a row may remain.
 * Servers listen on 127.0.0.1 only. Loading the server's modules is the slow part of a start: the
 * next process loads them while the current one runs, and starts when told to (crash-child.ts).
 */

const KILLS = 20
const DEADLINE_MS = 240_000
const WORKERS = 3
// marks the requests this test sends (the demo has requests of its own)
const CRASH_AMOUNT = 1537

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

interface Child { process: ChildProcess, port: number, url: string }

describe('a server killed with SIGKILL during writes', () => {
  let work: string
  let dataDir: string
  let bundle: string
  const children = new Set<ChildProcess>()

  beforeAll(async () => {
    // inside the repository: the server finds its migrations from the nearest package.json
    mkdirSync(join(projectRoot, '.tmp'), { recursive: true })
    work = mkdtempSync(join(projectRoot, '.tmp', 'crash-'))
    dataDir = join(work, 'data')
    bundle = join(work, 'child.mjs')
    await build({ entryPoints: [join(projectRoot, 'server/test/crash-child.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'warning' })
  })
  afterAll(() => {
    for (const child of children)
      child.kill('SIGKILL')
    rmSync(work, { recursive: true, force: true })
  })

  async function spawnChild(): Promise<Child> {
    const port = await freePort()
    const child = spawn(process.execPath, [bundle], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', TODAY: '2026-11-26', LOG_LEVEL: 'silent', SMTP_URL: '' },
      stdio: ['pipe', 'ignore', 'ignore'],
    })
    children.add(child)
    child.once('exit', () => children.delete(child))
    return { process: child, port, url: `http://127.0.0.1:${port}` }
  }

  async function ready(child: Child) {
    child.process.stdin!.write('go\n')
    for (;;) {
      if (child.process.exitCode !== null)
        throw new Error(`the server exited with ${child.process.exitCode}`)
      try {
        if ((await fetch(`${child.url}/healthz`)).ok)
          return
      }
      catch {}
      await new Promise(resolve => setTimeout(resolve, 20))
    }
  }

  function kill(child: Child): Promise<void> {
    return new Promise((resolve) => {
      child.process.once('exit', () => resolve())
      child.process.kill('SIGKILL')
    })
  }

  it(`loses no acknowledged write and leaves nothing half-written, over ${KILLS} kills`, { timeout: DEADLINE_MS + 30_000 }, async () => {
    const started = Date.now()
    const uploads = new Map<string, Buffer>()
    const requests = new Map<string, string>()
    // documents acknowledged but not sent with a request yet: retried as a member would
    const spare: string[] = []
    let cookie: string | null = null
    let lea = ''
    let writes = 0
    let kills = 0

    let current = await spawnChild()
    let next = spawnChild()
    await ready(current)

    while (kills < KILLS) {
      expect(Date.now() - started, `only ${kills} kills in ${DEADLINE_MS / 1000} s`).toBeLessThan(DEADLINE_MS)
      const client = new ApiClient(current.url)
      if (!cookie) {
        await client.signIn(DEMO_ACCOUNTS.benoit.email, DEMO_ACCOUNTS.benoit.password)
        cookie = client.cookie
        const db = new Database(join(dataDir, 'espace-adherent.sqlite'), { readonly: true })
        lea = (db.prepare(`SELECT id FROM beneficiaries WHERE first_name = 'Léa'`).get() as { id: string }).id
        db.close()
      }
      client.cookie = cookie

      let stop = false
      let acknowledged!: () => void
      const firstAck = new Promise<void>((resolve) => { acknowledged = resolve })
      const worker = async (w: number) => {
        while (!stop) {
          let file = spare.shift()
          if (!file) {
            const content = tinyPdf(`Facture ${w}-${writes++}-${Math.random()}`)
            const form = new FormData()
            form.append('file', new Blob([new Uint8Array(content)]), 'facture.pdf')
            const res = await client.get('/api/uploads', { method: 'POST', body: form, headers: UPLOAD_HEADERS })
            if (res.status !== 201)
              throw new Error(`upload answered ${res.status}`)
            file = ((await res.json()) as { id: string }).id
            uploads.set(file, content)
            acknowledged()
          }
          const r = await client.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { code } procedure { id } } }`, {
            input: { beneficiaryId: lea, careType: 'PHARMACY', careDate: '2026-11-20', abroad: false, amountCents: CRASH_AMOUNT, attachmentIds: [file] },
          })
          const payload = r.data?.submitReimbursementRequest
          if (payload?.procedure) {
            requests.set(payload.procedure.id, file)
            acknowledged()
          }
          // attached by a request the previous server committed but never acknowledged
          else if (!payload?.errors.some((e: { code: string }) => e.code === 'ALREADY_ATTACHED'))
            throw new Error(`request refused: ${JSON.stringify(r.errors ?? payload?.errors)}`)
        }
      }
      const running = Array.from({ length: WORKERS }, (_, w) => worker(w).catch((error: unknown) => {
        // the kill cuts requests in flight: only failures while the server lives are errors
        if (!stop)
          throw error
      }))
      // a random moment once writes are flowing: mid-upload, mid-request, between the two
      await Promise.race([firstAck, Promise.all(running)])
      await new Promise(resolve => setTimeout(resolve, Math.random() * 300))
      const killed = kill(current)
      stop = true
      await killed
      await Promise.all(running)
      kills++

      // the database as the killed server left it
      const db = new Database(join(dataDir, 'espace-adherent.sqlite'))
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(db.pragma('foreign_key_check')).toEqual([])
        const files = new Map((db.prepare('SELECT id, sha256, storage_path AS path FROM files').all() as { id: string, sha256: string, path: string }[]).map(f => [f.id, f]))
        for (const [id, content] of uploads) {
          const row = files.get(id)
          expect(row, `acknowledged upload ${id} lost after kill ${kills}`).toBeDefined()
          expect(row!.sha256).toBe(createHash('sha256').update(content).digest('hex'))
          expect(readFileSync(join(dataDir, row!.path))).toEqual(content)
        }
        const procedures = new Set((db.prepare(`SELECT id FROM procedures`).all() as { id: string }[]).map(p => p.id))
        const attached = new Set((db.prepare(`SELECT procedure_id || ' ' || file_id AS pair FROM procedure_attachments`).all() as { pair: string }[]).map(a => a.pair))
        for (const [id, file] of requests) {
          expect(procedures.has(id), `acknowledged request ${id} lost after kill ${kills}`).toBe(true)
          expect(attached.has(`${id} ${file}`)).toBe(true)
        }
        // nothing half-written: every request has its first event, every request of this test its document
        expect(db.prepare(`SELECT count(*) AS n FROM procedures p WHERE NOT EXISTS (SELECT 1 FROM procedure_events e WHERE e.procedure_id = p.id)`).get()).toEqual({ n: 0 })
        expect(db.prepare(`SELECT count(*) AS n FROM procedures p WHERE p.amount_cents = ${CRASH_AMOUNT} AND NOT EXISTS (SELECT 1 FROM procedure_attachments a WHERE a.procedure_id = p.id)`).get()).toEqual({ n: 0 })
        for (const id of uploads.keys()) {
          if (![...requests.values()].includes(id) && !spare.includes(id))
            spare.push(id)
        }
      }
      finally {
        db.close()
      }

      current = await next
      next = spawnChild()
      await ready(current)
      // the restarted server swept what the killed one was receiving: every file on disk has its row
      const db2 = new Database(join(dataDir, 'espace-adherent.sqlite'), { readonly: true })
      try {
        const paths = new Set((db2.prepare('SELECT storage_path AS path FROM files').all() as { path: string }[]).map(f => f.path))
        const uploadsDir = join(dataDir, 'uploads')
        const onDisk = existsSync(uploadsDir) ? readdirSync(uploadsDir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => relative(dataDir, join(e.parentPath, e.name))) : []
        expect(onDisk.filter(p => !paths.has(p)), `files without a row after restart ${kills}`).toEqual([])
      }
      finally {
        db2.close()
      }
    }
    await kill(current)
    ;(await next).process.kill('SIGKILL')
    expect(kills).toBe(KILLS)
    expect(uploads.size).toBeGreaterThanOrEqual(KILLS)
    expect(requests.size).toBeGreaterThan(KILLS / 2)
  })
})
