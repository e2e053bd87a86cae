// npm run backup -- <file>: an online, consistent copy of DATA_DIR (database and uploaded files)
// in one file, while the server keeps serving. See README.md « Sauvegardes ».
import { resolve } from 'node:path'
import { backupDataDir } from '../db/backup.ts'

const target = process.argv[2]
if (!target || target.startsWith('-')) {
  console.error('Usage\u00a0: npm run backup -- <fichier>   (DATA_DIR désigne les données, ./data par défaut)')
  process.exit(2)
}
const dataDir = resolve(process.env.DATA_DIR ?? './data')
try {
  const started = performance.now()
  const summary = backupDataDir(dataDir, resolve(target))
  console.log(`Sauvegarde écrite\u00a0: ${summary.file} (${(summary.bytes / 1e6).toFixed(1)} Mo, ${summary.files} fichier(s) joint(s), ${Math.round(performance.now() - started)} ms)`)
}
catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
