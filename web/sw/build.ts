import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'

// not kept: the service worker itself, the compressed copies the server picks from (never kept
// twice), and the advisors' pages no member opens
const NOT_KEPT = /^\/sw\.js$|^\/assets\/Advisor|\.(?:br|gz)$/

/**
 * Bundles `service-worker.ts` into `dir/sw.js` with the list of this build's files to keep and a
 * version drawn from their content: a new build is a new service worker, which the browser finds
 * and the page offers to install.
 */
export function buildServiceWorker(dir: string): { version: string, files: number, bytes: number } {
  const hash = createHash('sha256')
  const files: string[] = []
  let bytes = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile())) {
    const path = join(entry.parentPath, entry.name)
    const url = `/${relative(dir, path).split(sep).join('/')}`
    if (NOT_KEPT.test(url)) continue
    const content = readFileSync(path)
    hash.update(url).update(content)
    files.push(url)
    bytes += content.length
  }
  files.sort()
  const version = hash.digest('hex').slice(0, 12)
  buildSync({
    entryPoints: [fileURLToPath(new URL('service-worker.ts', import.meta.url))],
    outfile: join(dir, 'sw.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    define: { PRECACHE: JSON.stringify(files), VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  })
  return { version, files: files.length, bytes }
}
