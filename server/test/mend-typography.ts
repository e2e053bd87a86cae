// `npx tsx server/test/mend-typography.ts`: writes the non-breaking spaces the French typography
// test asks for (french-typography.test.ts), in place. Read the diff: text only, never code.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mendTypography, SCANNED, typographyFaults } from './french-typography.ts'

const root = join(import.meta.dirname, '../..')
const faults = typographyFaults(root, SCANNED.dirs, SCANNED.keep)
for (const file of new Set(faults.map(f => f.file))) {
  const path = join(root, file)
  writeFileSync(path, mendTypography(readFileSync(path, 'utf8'), faults.filter(f => f.file === file)))
}
console.log(`${faults.length} espaces insécables dans ${new Set(faults.map(f => f.file)).size} fichiers`)
