// the service shares the API's error helpers, whose module declares GraphQL types
import 'reflect-metadata'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { clockFromEnvironment } from '../core/clock.ts'
import { openDatabase } from '../db/client.ts'
import { createPartnerToken, listPartnerTokens, PARTNER_SCOPES, revokePartnerToken } from '../modules/partners/partner-token.service.ts'

const USAGE = `Usage\u00a0:
  npm run partner -- create --name "<nom du partenaire>" --scope <portée> [--scope <portée>…] [--expires AAAA-MM-JJ]
  npm run partner -- list
  npm run partner -- revoke <identifiant>

Gère les jetons des partenaires (professionnels de santé) dans DATA_DIR (./data par défaut).
Le jeton n'est affiché qu'une fois, à la création\u00a0: seule son empreinte est conservée.
Portées\u00a0:
${Object.entries(PARTNER_SCOPES).map(([scope, what]) => `  ${scope.padEnd(14)} ${what}`).join('\n')}`

function fail(message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, scope: { type: 'string', multiple: true }, expires: { type: 'string' } },
})
const [command, ...rest] = positionals
if (command !== 'create' && command !== 'list' && command !== 'revoke')
  fail(USAGE, 2)
if ((command === 'create' && (!values.name || rest.length)) || (command === 'list' && rest.length) || (command === 'revoke' && rest.length !== 1))
  fail(USAGE, 2)

const db = openDatabase(resolve(process.env.DATA_DIR ?? './data'))
const clock = clockFromEnvironment()
try {
  if (command === 'create') {
    const result = createPartnerToken(db, clock, { name: values.name!, scopes: values.scope ?? [], expires: values.expires ?? null })
    if ('errors' in result)
      fail(result.errors.join('\n'))
    console.log(`Jeton créé (identifiant ${result.id}), portées\u00a0: ${[...new Set(values.scope)].join(', ')}${result.expiresAt ? `, valable jusqu'au ${values.expires} inclus` : ', sans date d\'expiration'}.`)
    console.log('Jeton (affiché cette seule fois, à transmettre au partenaire par un canal sûr)\u00a0:')
    console.log(result.token)
  }
  else if (command === 'list') {
    const tokens = listPartnerTokens(db)
    if (!tokens.length)
      console.log('Aucun jeton partenaire.')
    for (const t of tokens) {
      const state = t.revokedAt ? `révoqué le ${t.revokedAt}` : t.expiresAt && Date.parse(t.expiresAt) <= clock.now().getTime() ? `expiré le ${t.expiresAt}` : 'actif'
      console.log([
        `${t.id}  ${t.name}  (${state})`,
        `  portées\u00a0: ${t.scopes.join(', ')}`,
        `  créé le\u00a0: ${t.createdAt}`,
        `  dernière utilisation\u00a0: ${t.lastUsedAt ?? 'jamais'}`,
        `  expiration\u00a0: ${t.expiresAt ?? 'aucune'}`,
      ].join('\n'))
    }
  }
  else {
    const result = revokePartnerToken(db, clock, rest[0]!)
    if ('errors' in result)
      fail(result.errors.join('\n'))
    console.log(`Jeton «\u00a0${result.name}\u00a0» révoqué\u00a0: il est refusé dès maintenant (TOKEN_REVOKED).`)
  }
}
finally {
  db.$client.close()
}
