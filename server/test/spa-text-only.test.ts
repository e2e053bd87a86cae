import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../core/paths.ts'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory())
      return name === 'gql' ? [] : sources(path)
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

// members, advisors and uploaded file names put text on the portal's pages: it must never become markup
describe('the SPA', () => {
  it('never renders text as HTML (no v-html, no innerHTML)', () => {
    const offenders = sources(join(projectRoot, 'web/src')).filter(f => /v-html|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
