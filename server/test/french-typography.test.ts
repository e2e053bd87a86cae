import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { faultsInSource, mendTypography, SCANNED, typographyFaults, type TypographyFault } from './french-typography.ts'

const root = join(import.meta.dirname, '../..')
const report = (faults: TypographyFault[]) => faults.map(f => `${f.file}:${f.line} ${JSON.stringify(f.text.slice(0, 80))}`)

describe('French typography', () => {
  it('puts a non-breaking space before ? ! : ; » and after « in every text the SPA and the server show (npx tsx server/test/mend-typography.ts mends them)', () => {
    expect(report(typographyFaults(root, SCANNED.dirs, SCANNED.keep))).toEqual([])
  })
})

describe('the typography scan', () => {
  // a scratch tree of one component and one module, with the faults the scan must find and the code it must leave
  const fixtures = join(import.meta.dirname, '__typography__')
  const faults = typographyFaults(fixtures, ['.'], path => /\.(?:vue|ts)$/.test(path))

  it('finds template text, static attributes and string literals, with file and line', () => {
    expect(report(faults)).toEqual([
      'TypographySample.vue:3 "Une question ?"',
      'TypographySample.vue:5 "Mot de passe oublié ?"',
      'TypographySample.vue:5 ":"',
      'TypographySample.vue:6 "Statut : x"',
      'TypographySample.vue:13 "Bon à savoir !"',
      'TypographySample.vue:14 "Le fichier « x » est vide."',
      'sample.ts:2 "Montant ; à vérifier"',
    ])
  })

  it('leaves code alone: ternaries, object literals, type annotations, text already right', () => {
    expect(faults.some(f => (f.line === 4 || f.line === 8 || f.line === 15) && f.file === 'TypographySample.vue')).toBe(false)
    expect(faults.some(f => f.file === 'sample.ts' && f.line > 2)).toBe(false)
  })

  it('mends with &nbsp; in templates and \\u00a0 in scripts, and nothing else', () => {
    const source = readFileSync(join(fixtures, 'TypographySample.vue'), 'utf8')
    const mended = mendTypography(source, faultsInSource('TypographySample.vue', source))
    expect(faultsInSource('TypographySample.vue', mended)).toEqual([])
    for (const piece of ['title="Une question&nbsp;?"', 'oublié&nbsp;?</a>', '`Statut\\u00a0: ${ok}` : \'Aucun\'', '\'Bon à savoir\\u00a0!\'', '`Le fichier «\\u00a0${name}\\u00a0» est vide.`', '{{ ok ? \'oui\' : \'non\' }}', 'v-if="a ? b : c"'])
      expect(mended).toContain(piece)
  })
})
