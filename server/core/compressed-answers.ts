import type { NextFunction, Request, Response } from 'express'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

// below this, headers cost more than compression saves
const MIN_BYTES = 1024

/** Whether an Accept-Encoding header accepts `encoding`: listed (or `*`) with a weight above 0. */
function accepts(header: string, encoding: string): boolean {
  let wildcard: boolean | undefined
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map(p => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find(v => v !== undefined)
    const ok = q === undefined || Number(q) > 0
    if (name === encoding)
      return ok
    if (name === '*')
      wildcard = ok
  }
  return wildcard ?? false
}

/**
 * An answer sent whole (GraphQL's JSON), compressed when the client accepts it: brotli at a fast
 * quality (a page's data is a few kilobytes, compressed in tens of microseconds), else gzip.
 * `vary`: the answer depends on Accept-Encoding (caches must key on it). Static files are
 * compressed at build time instead (static-files.ts).
 */
export function compressAnswer(acceptEncoding: string | undefined, body: string): { encoding: 'br' | 'gzip' | null, vary: boolean, data: string | Buffer } {
  if (Buffer.byteLength(body) < MIN_BYTES)
    return { encoding: null, vary: false, data: body }
  if (acceptEncoding && accepts(acceptEncoding, 'br'))
    return { encoding: 'br', vary: true, data: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) }
  if (acceptEncoding && accepts(acceptEncoding, 'gzip'))
    return { encoding: 'gzip', vary: true, data: gzipSync(body) }
  return { encoding: null, vary: true, data: body }
}

/** compressAnswer for the answers an Express route sends with res.send. */
export function compressedAnswers() {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res)
    res.send = (body?: unknown) => {
      if (typeof body !== 'string' || res.getHeader('Content-Encoding'))
        return send(body)
      const answer = compressAnswer(req.get('accept-encoding'), body)
      if (answer.vary)
        res.vary('Accept-Encoding')
      if (answer.encoding)
        res.setHeader('Content-Encoding', answer.encoding)
      return send(answer.data)
    }
    next()
  }
}
