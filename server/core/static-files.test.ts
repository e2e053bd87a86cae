import type { IncomingHttpHeaders, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompress, staticFiles } from './static-files.ts'

// a chunk as Vite writes it: a hashed name and compressible text
const chunk = `export const labels = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Remboursement ${i}`))}\n`
const shell = `<!doctype html><html lang="fr"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div></div>'.repeat(120)}</body></html>`

/** Raw HTTP, since fetch would decompress and hide what came over the wire. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number, headers: IncomingHttpHeaders, body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }))
    }).on('error', reject).end()
  })
}

describe('the built SPA as served', () => {
  let dir: string
  let server: Server
  let base: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'assets/index-Ab12Cd34.js'), chunk)
    writeFileSync(join(dir, 'assets/tiny-Zz99.js'), 'export {}\n')
    writeFileSync(join(dir, 'index.html'), shell)
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})\n')
    writeFileSync(join(dir, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(300)}</svg>`)
    precompress(dir)
    const files = staticFiles(dir)
    const app = express()
    app.use(files.middleware)
    app.get('/{*splat}', (req, res) => files.send('/index.html', req, res, 'no-cache'))
    server = app.listen(0, '127.0.0.1')
    await new Promise(resolve => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('revalidates the service worker on every visit: it names the build\'s files, and a stale one would keep old code', async () => {
    const res = await get(`${base}/sw.js`)
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  it('writes brotli and gzip beside each text file once, and leaves files too small to gain alone', () => {
    expect(existsSync(join(dir, 'assets/index-Ab12Cd34.js.br'))).toBe(true)
    expect(existsSync(join(dir, 'assets/index-Ab12Cd34.js.gz'))).toBe(true)
    expect(existsSync(join(dir, 'assets/tiny-Zz99.js.br'))).toBe(false)
  })

  it('sends the brotli file to a browser that accepts it, cached for a year', async () => {
    const res = await get(`${base}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(res.headers['last-modified']).toBeUndefined()
    expect(Number(res.headers['content-length'])).toBeLessThan(chunk.length / 3)
    expect(brotliDecompressSync(res.body).toString()).toBe(chunk)
  })

  it('sends gzip to a client without brotli, and the plain file to one that accepts neither', async () => {
    const gz = await get(`${base}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(chunk)
    const plain = await get(`${base}/assets/index-Ab12Cd34.js`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(chunk)
    const refused = await get(`${base}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(refused.headers['content-encoding']).toBeUndefined()
  })

  it('answers a chunk missing after a deploy with a 404, not the SPA shell', async () => {
    const res = await get(`${base}/assets/index-Old00000.js`, { 'accept-encoding': 'br' })
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    expect(res.body.toString()).not.toContain('<html')
  })

  it('serves the shell compressed and revalidated, for its own path and for client routes', async () => {
    for (const path of ['/index.html', '/', '/prestations/remboursements']) {
      const res = await get(`${base}${path}`, { 'accept-encoding': 'br' })
      expect(res.status, path).toBe(200)
      expect(res.headers['cache-control'], path).toBe('no-cache')
      expect(brotliDecompressSync(res.body).toString(), path).toBe(shell)
    }
  })

  it('keeps other static files for an hour, and answers HEAD without a body', async () => {
    const res = await get(`${base}/favicon.svg`, { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/svg+xml')
    expect(res.headers['cache-control']).toBe('public, max-age=3600')
    expect(res.headers['last-modified']).toBeDefined()
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.body.length).toBe(0)
  })
})
