import type { AddressInfo } from 'node:net'
import type { ApiClient, TestApp } from '../test/harness.ts'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { projectRoot } from '../core/paths.ts'
import { DEMO_ACCOUNTS } from './demo/index.ts'
import { ApiClient as Client, startTestApp } from '../test/harness.ts'
import { tinyPdf, uploadId } from '../test/files.ts'
import { beneficiariesTable } from './schema/index.ts'
import { backupDataDir, DB_FILE, markServerRunning, restoreDataDir, verifyBackup } from './backup.ts'
import { openDatabase } from './client.ts'

const run = promisify(execFile)

/** The npm scripts as an operator runs them: another process, DATA_DIR in the environment. */
function script(name: 'backup' | 'restore', dataDir: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', join(projectRoot, `server/scripts/${name}.ts`), ...args], { cwd: projectRoot, env: { ...process.env, DATA_DIR: dataDir } })
}

describe('npm run backup / npm run restore', () => {
  let app: TestApp
  let benoit: ApiClient
  let work: string
  let lea: string

  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    lea = app.db.select().from(beneficiariesTable).all().find(b => b.firstName === 'Léa')!.id
    work = mkdtempSync(join(tmpdir(), 'espace-adherent-backup-'))
  })
  afterAll(async () => {
    await app.close()
    rmSync(work, { recursive: true, force: true })
  })

  /** One acknowledged write: a document uploaded, then a request sent with it. */
  async function write(n: number) {
    const file = await uploadId(benoit, tinyPdf(`Facture ${n}`), `facture-${n}.pdf`)
    const r = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { code } procedure { id } } }`, {
      input: { beneficiaryId: lea, careType: 'PHARMACY', careDate: '2026-11-20', abroad: false, amountCents: 1000 + n, attachmentIds: [file] },
    })
    expect(r.data.submitReimbursementRequest.errors).toEqual([])
    return { id: r.data.submitReimbursementRequest.procedure.id as string, file, n }
  }

  it('copies the data of a server busy writing, and the copy restores to a server that reads it back', async () => {
    const acknowledged: Awaited<ReturnType<typeof write>>[] = []
    for (let n = 0; n < 3; n++)
      acknowledged.push(await write(n))
    const before = acknowledged.length

    // the backup runs in its own process while this server keeps taking requests
    const target = join(work, 'sauvegarde.sqlite')
    let done = false
    const backup = script('backup', app.dataDir, target).finally(() => { done = true })
    let n = before
    while (!done)
      acknowledged.push(await write(n++))
    const { stdout } = await backup
    expect(stdout).toMatch(/Sauvegarde écrite/)
    expect(acknowledged.length).toBeGreaterThan(before)
    expect(verifyBackup(target).files).toBeGreaterThanOrEqual(before)

    const restored = join(work, 'restauré')
    expect((await script('restore', restored, target)).stdout).toMatch(/Sauvegarde restaurée/)

    // a server on the restored data: every write acknowledged before the backup began is there,
    // with its document, byte for byte; later ones are there whole or not at all
    const db = openDatabase(restored)
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.$client.pragma('foreign_key_check')).toEqual([])
    const server = (await createApp({ db, clock: app.clock, config: { dataDir: restored, secureCookies: false, exposeGraphiql: false } })).listen(0, '127.0.0.1')
    await new Promise<void>(resolve => server.once('listening', () => resolve()))
    try {
      const client = new Client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
      await client.signIn(DEMO_ACCOUNTS.benoit.email, DEMO_ACCOUNTS.benoit.password)
      const seen = (await client.gql(`{ procedures(first: 100) { nodes { id amountCents attachments { id } } } }`)).data.procedures.nodes as { id: string, amountCents: number, attachments: { id: string }[] }[]
      const byId = new Map(seen.map(p => [p.id, p]))
      for (const w of acknowledged.slice(0, before))
        expect(byId.get(w.id)).toEqual({ id: w.id, amountCents: 1000 + w.n, attachments: [{ id: w.file }] })
      for (const w of acknowledged.filter(a => byId.has(a.id))) {
        const res = await client.get(`/api/files/${w.file}`)
        expect(res.status).toBe(200)
        expect(Buffer.from(await res.arrayBuffer())).toEqual(tinyPdf(`Facture ${w.n}`))
      }
    }
    finally {
      await new Promise(resolve => server.close(resolve))
      db.$client.close()
    }
  })

  it('refuses to restore over the data of a running server without --force, and keeps what it replaces', async () => {
    const target = join(work, 'avant.sqlite')
    backupDataDir(app.dataDir, target)
    const running = markServerRunning(app.dataDir)
    try {
      const refused = await script('restore', app.dataDir, target).then(() => null, (error: { code: number, stderr: string }) => error)
      expect(refused?.code).toBe(1)
      expect(refused?.stderr).toMatch(/Un serveur utilise/)
      expect(readdirSync(app.dataDir).filter(f => f.includes('replaced'))).toEqual([])
    }
    finally {
      running.stop()
    }

    const other = join(work, 'autre')
    restoreDataDir(target, other)
    writeFileSync(join(other, 'uploads', 'orphelin'), 'x')
    const { replaced } = restoreDataDir(target, other)
    expect(replaced).toEqual([expect.stringMatching(/espace-adherent\.sqlite\.replaced-/), expect.stringMatching(/uploads\.replaced-/)])
    expect(existsSync(join(other, DB_FILE))).toBe(true)
    expect(readdirSync(join(other, 'uploads'))).not.toContain('orphelin')
  })

  it('refuses a file that is not a backup, and a backup over an existing file', () => {
    const bogus = join(work, 'bogus.sqlite')
    writeFileSync(bogus, 'not a database')
    expect(() => restoreDataDir(bogus, join(work, 'x'))).toThrow()
    expect(existsSync(join(work, 'x', DB_FILE))).toBe(false)
    expect(() => backupDataDir(app.dataDir, bogus)).toThrow(/existe déjà/)
  })
})
