import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildZip } from './zip.ts'
import { readZip } from '../../test/zip.ts'

describe('buildZip', () => {
  const entries = [
    { name: 'données.json', content: Buffer.from(JSON.stringify({ prénom: 'Léa' })) },
    { name: 'synthese.pdf', content: Buffer.from('%PDF-1.4 '.repeat(200)) },
  ]

  it('writes entries that read back byte for byte', () => {
    const read = readZip(buildZip(entries, new Date('2026-11-26T10:00:00Z')))
    expect([...read.keys()]).toEqual(['données.json', 'synthese.pdf'])
    expect(read.get('synthese.pdf')!.equals(entries[1]!.content)).toBe(true)
  })

  it.skipIf(!existsSync('/usr/bin/unzip'))('passes the integrity test of Info-ZIP\'s unzip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'))
    try {
      writeFileSync(join(dir, 'a.zip'), buildZip(entries, new Date('2026-11-26T10:00:00Z')))
      expect(execFileSync('/usr/bin/unzip', ['-t', join(dir, 'a.zip')]).toString()).toMatch(/No errors detected/)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
