import type { NextFunction, Request, Response } from 'express'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

// below this, headers cost more than compression saves
const MIN_BYTES = 1024

/**
 * Compresses the answers a route sends whole (GraphQL's JSON) when the client accepts it.
 * Brotli at a fast quality: a page's data is a few kilobytes, compressed in tens of microseconds.
 * Static files are compressed at build time instead (static-files.ts).
 */
export function compressedAnswers() {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res)
    res.send = (body?: unknown) => {
      if (typeof body !== 'string' || Buffer.byteLength(body) < MIN_BYTES || res.getHeader('Content-Encoding'))
        return send(body)
      res.vary('Accept-Encoding')
      if (req.acceptsEncodings('br') === 'br') {
        res.setHeader('Content-Encoding', 'br')
        return send(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }))
      }
      if (req.acceptsEncodings('gzip') === 'gzip') {
        res.setHeader('Content-Encoding', 'gzip')
        return send(gzipSync(body))
      }
      return send(body)
    }
    next()
  }
}
