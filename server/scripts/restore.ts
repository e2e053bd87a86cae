// npm run restore -- <file> [--force]: puts a backup made by `npm run backup` back into DATA_DIR.
// Refuses while a server uses DATA_DIR unless --force; keeps what it replaces beside it.
import { resolve } from 'node:path'
import { restoreDataDir } from '../db/backup.ts'

const args = process.argv.slice(2)
const force = args.includes('--force')
const file = args.find(a => !a.startsWith('--'))
if (!file) {
  console.error('Usage\u00a0: npm run restore -- <fichier> [--force]   (DATA_DIR désigne les données, ./data par défaut)')
  process.exit(2)
}
const dataDir = resolve(process.env.DATA_DIR ?? './data')
try {
  const summary = restoreDataDir(resolve(file), dataDir, { force })
  console.log(`Sauvegarde restaurée dans ${summary.dataDir} (${summary.files} fichier(s) joint(s)).`)
  for (const path of summary.replaced)
    console.log(`Conservé\u00a0: ${path}`)
  if (force)
    console.log('Redémarrez le serveur maintenant\u00a0: il lit encore les anciennes données.')
}
catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
