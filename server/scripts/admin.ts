import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { clockFromEnvironment } from '../core/clock.ts'
import { openDatabase } from '../db/client.ts'
import { createAdvisorAccount } from '../modules/auth/advisor-accounts.service.ts'

const USAGE = `Usage: npm run admin -- create-advisor --email <e-mail> --name "<nom affiché>" [--password-stdin]

Crée un compte conseiller dans DATA_DIR (./data par défaut). Sans --password-stdin, un mot de passe
aléatoire est généré et affiché une seule fois\u00a0; avec, il est lu sur l'entrée standard, par exemple\u00a0:
  printf '%s' "$MOT_DE_PASSE" | npm run admin -- create-advisor --email … --name … --password-stdin`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin)
    chunks.push(chunk as Buffer)
  // one trailing line break is the terminal's, not the password's
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'email': { type: 'string' }, 'name': { type: 'string' }, 'password-stdin': { type: 'boolean' } },
})
if (positionals[0] !== 'create-advisor' || !values.email || !values.name) {
  console.error(USAGE)
  process.exit(2)
}

const generated = !values['password-stdin']
const password = generated ? randomBytes(18).toString('base64url') : await readStdin()
const db = openDatabase(resolve(process.env.DATA_DIR ?? './data'))
const result = await createAdvisorAccount(db, clockFromEnvironment(), { email: values.email, displayName: values.name, password })
db.$client.close()
if ('errors' in result) {
  console.error(result.errors.join('\n'))
  process.exit(1)
}
console.log(`Compte conseiller créé\u00a0: ${values.email.trim().toLowerCase()}`)
if (generated)
  console.log(`Mot de passe (affiché cette seule fois, à transmettre au conseiller)\u00a0: ${password}`)
