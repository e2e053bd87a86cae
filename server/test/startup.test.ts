import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../core/paths.ts'
import { DEMO_ACCOUNTS, DEMO_PARTNER_TOKEN } from '../db/demo/index.ts'

const TSX = join(projectRoot, 'node_modules/.bin/tsx')
const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'espace-adherent-startup-'))
  dirs.push(dir)
  return dir
}

/** Runs a script to its end (or, for the server, until it listens) and returns what it printed. */
function run(args: string[], env: Record<string, string>, opts: { until?: RegExp, stdin?: string } = {}): Promise<{ out: string, code: number | null }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(TSX, args, { cwd: projectRoot, env: { ...process.env, NODE_ENV: '', DEMO_DATA: '', LOG_LEVEL: 'info', ...env } })
    let out = ''
    const collect = (chunk: Buffer) => {
      out += chunk.toString()
      if (opts.until?.test(out))
        child.kill('SIGTERM')
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.on('error', reject)
    child.on('close', code => resolve({ out, code }))
    child.stdin!.end(opts.stdin ?? '')
  })
}

const startServer = (dir: string, env: Record<string, string> = {}) => run(['server/main.ts'], { DATA_DIR: dir, PORT: '0', ...env }, { until: /Espace adhérent listening/ })
const accounts = (dir: string) => {
  const db = new Database(join(dir, 'espace-adherent.sqlite'), { readonly: true })
  try {
    return db.prepare('select email, role from accounts order by email').all() as { email: string, role: string }[]
  }
  finally {
    db.close()
  }
}
const secrets = [...Object.values(DEMO_ACCOUNTS).map(a => a.password), DEMO_PARTNER_TOKEN]

describe('starting in production', () => {
  it('loads no demo data and prints no secret on an empty data directory', async () => {
    const dir = dataDir()
    const { out } = await startServer(dir, { NODE_ENV: 'production' })
    expect(accounts(dir)).toEqual([])
    expect(out).toContain('npm run admin -- create-advisor')
    for (const secret of secrets)
      expect(out).not.toContain(secret)
  }, 60_000)

  it('loads the demo only when asked (DEMO_DATA=on), still printing no secret', async () => {
    const dir = dataDir()
    const { out } = await startServer(dir, { NODE_ENV: 'production', DEMO_DATA: 'on' })
    expect(accounts(dir).map(a => a.email)).toContain(DEMO_ACCOUNTS.advisor.email)
    for (const secret of secrets)
      expect(out).not.toContain(secret)
  }, 60_000)

  it('creates the first advisor from the command line, with a password read from stdin or generated and printed once', async () => {
    const dir = dataDir()
    const fromStdin = await run(['server/scripts/admin.ts', 'create-advisor', '--email', 'Claire.Moreau@mutuelle.example', '--name', 'Claire Moreau', '--password-stdin'], { DATA_DIR: dir }, { stdin: 'un mot de passe assez long\n' })
    expect(fromStdin.code).toBe(0)
    expect(fromStdin.out).not.toContain('un mot de passe assez long')
    const generated = await run(['server/scripts/admin.ts', 'create-advisor', '--email', 'paul@mutuelle.example', '--name', 'Paul Martin'], { DATA_DIR: dir })
    expect(generated.code).toBe(0)
    expect(generated.out).toMatch(/Mot de passe \(affiché cette seule fois.*\)\s: \S{24}/)
    expect(accounts(dir)).toEqual([{ email: 'claire.moreau@mutuelle.example', role: 'ADVISOR' }, { email: 'paul@mutuelle.example', role: 'ADVISOR' }])
    const again = await run(['server/scripts/admin.ts', 'create-advisor', '--email', 'paul@mutuelle.example', '--name', 'Paul', '--password-stdin'], { DATA_DIR: dir }, { stdin: 'court' })
    expect(again.code).toBe(1)
    expect(again.out).toContain('Un compte utilise déjà cette adresse e-mail.')
    expect(again.out).toContain('au moins 12 caractères')
  }, 60_000)
})
