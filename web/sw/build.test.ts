// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildServiceWorker } from './build'

describe('the service worker a build writes', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  function aBuild(chunk: string) {
    dir = mkdtempSync(join(tmpdir(), 'sw-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-Ab12.js"></script>')
    writeFileSync(join(dir, 'assets/index-Ab12.js'), chunk)
    writeFileSync(join(dir, 'assets/index-Ab12.js.br'), 'compressed')
    writeFileSync(join(dir, 'assets/AdvisorQueuePage-Cd34.js'), 'export {}')
    return buildServiceWorker(dir)
  }

  it('keeps the shell and the members\' code, not compressed copies nor the advisors\' pages', () => {
    const { files } = aBuild('export const a = 1')
    const worker = readFileSync(join(dir, 'sw.js'), 'utf8')
    expect(files).toBe(2)
    expect(worker).toContain('"/assets/index-Ab12.js"')
    expect(worker).toContain('"/index.html"')
    expect(worker).not.toContain('.br"')
    expect(worker).not.toContain('AdvisorQueuePage')
  })

  it('is a new version when any file of the build changes, so browsers find the update', () => {
    const first = aBuild('export const a = 1').version
    rmSync(dir, { recursive: true, force: true })
    const same = aBuild('export const a = 1').version
    rmSync(dir, { recursive: true, force: true })
    const changed = aBuild('export const a = 2').version
    expect(same).toBe(first)
    expect(changed).not.toBe(first)
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).toContain(changed)
  })
})
