import type { NextFunction, Request, Response } from 'express'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/**
 * The built SPA served as a CDN would: each text file compressed once at build time (brotli and
 * gzip beside the original, `precompress`), the variant the browser accepts picked per request,
 * hashed assets cached for a year, and a missing asset a 404 rather than the SPA's HTML (an old
 * chunk asked for after a deploy must fail loudly, not parse HTML as JavaScript).
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.map', '.txt', '.svg', '.wasm'])
// below this, a compressed answer saves less than its headers cost
const MIN_COMPRESSED_BYTES = 1024
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']] as const
type Encoding = typeof ENCODINGS[number][0]

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'public, max-age=3600'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name))
}

/** Writes `file.br` and `file.gz` beside every compressible file where they are smaller. Returns the bytes before and after brotli. */
export function precompress(dir: string): { files: number, bytes: number, brotliBytes: number } {
  const totals = { files: 0, bytes: 0, brotliBytes: 0 }
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file)))
      continue
    const content = readFileSync(file)
    if (content.length < MIN_COMPRESSED_BYTES)
      continue
    const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } })
    const gz = gzipSync(content, { level: 9 })
    if (br.length < content.length)
      writeFileSync(`${file}.br`, br)
    if (gz.length < content.length)
      writeFileSync(`${file}.gz`, gz)
    totals.files++
    totals.bytes += content.length
    totals.brotliBytes += Math.min(br.length, content.length)
  }
  return totals
}

interface StaticFile {
  path: string
  type: string
  size: number
  variants: Partial<Record<Encoding, { path: string, size: number }>>
}

export interface StaticFiles {
  /** Serves a file of the directory, or a 404 under `immutablePrefix`; anything else goes on. */
  middleware: (req: Request, res: Response, next: NextFunction) => void
  /** Serves one file of the directory by its URL path (the SPA shell for client routes). */
  send: (urlPath: string, req: Request, res: Response, cacheControl: string) => void
}

/**
 * Indexes the directory once at start (a build does not change under a running server) and
 * serves it. Files under `immutablePrefix` carry a content hash in their name.
 */
export function staticFiles(dir: string, immutablePrefix = '/assets/'): StaticFiles {
  const index = new Map<string, StaticFile>()
  for (const file of filesUnder(dir)) {
    const ext = extname(file)
    if (ENCODINGS.some(([, suffix]) => ext === suffix))
      continue
    const variants: StaticFile['variants'] = {}
    for (const [encoding, suffix] of ENCODINGS) {
      try {
        variants[encoding] = { path: `${file}${suffix}`, size: statSync(`${file}${suffix}`).size }
      }
      catch {}
    }
    const url = `/${relative(dir, file).split(sep).join('/')}`
    index.set(url, { path: file, type: TYPES[ext] ?? 'application/octet-stream', size: statSync(file).size, variants })
  }

  function send(urlPath: string, req: Request, res: Response, cacheControl: string) {
    const file = index.get(urlPath)!
    const encoding = ENCODINGS.map(([name]) => name).find(name => file.variants[name] && req.acceptsEncodings(name) === name)
    const chosen = encoding ? file.variants[encoding]! : file
    res.setHeader('Content-Type', file.type)
    res.setHeader('Cache-Control', cacheControl)
    if (Object.keys(file.variants).length > 0)
      res.setHeader('Vary', 'Accept-Encoding')
    if (encoding)
      res.setHeader('Content-Encoding', encoding)
    // a hashed file never changes: no date to revalidate against (Express keeps its ETag)
    const immutable = cacheControl === IMMUTABLE
    res.sendFile(chosen.path, { cacheControl: false, dotfiles: 'deny', lastModified: !immutable, acceptRanges: !immutable })
  }

  function middleware(req: Request, res: Response, next: NextFunction) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return next()
    let path: string
    try {
      path = decodeURIComponent(req.path)
    }
    catch {
      return next()
    }
    const file = index.get(path)
    if (file) {
      // an HTML page names the hashed assets of its build, the service worker lists them: always revalidated
      const cacheControl = path.startsWith(immutablePrefix) ? IMMUTABLE : file.type.startsWith('text/html') || path === '/sw.js' ? 'no-cache' : REVALIDATE
      return send(path, req, res, cacheControl)
    }
    if (path.startsWith(immutablePrefix)) {
      res.status(404).setHeader('Cache-Control', 'no-store')
      res.type('text/plain').send('Fichier introuvable\u00a0: la page a peut-être été mise à jour, rechargez-la.')
      return
    }
    next()
  }

  return { middleware, send }
}
