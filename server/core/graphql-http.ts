import type { ApolloServer } from '@apollo/server'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { Context } from '../context.ts'
import type { Viewer } from './viewer.ts'
import { HeaderMap } from '@apollo/server'
import { compressAnswer } from './compressed-answers.ts'
import { clientFailureBody, internalErrorBody } from './http-errors.ts'

/** The largest GraphQL request body accepted (Express's JSON parser has the same limit). */
export const MAX_GRAPHQL_BODY_BYTES = 100 * 1024

/** A request refused before GraphQL runs (a partner's token), in GraphQL's error shape. */
export interface Refusal {
  status: number
  headers: Record<string, string>
  message: string
  extensions: Record<string, string>
}

export interface GraphqlHttpOptions {
  apollo: ApolloServer<Context>
  /** Headers every answer carries (security-headers.ts). */
  common: (req: IncomingMessage, res: ServerResponse, next: () => void) => void
  viewerOf: (headers: IncomingHttpHeaders) => { viewer: Viewer | null } | { refusal: Refusal }
  contextFor: (req: IncomingMessage, res: ServerResponse, viewer: Viewer | null) => Context
  log: (req: IncomingMessage, status: number, startedAt: number, viewer: Viewer | null) => void
}

/**
 * Whether a request is the plain GraphQL POST every page sends: a JSON body in UTF-8, not
 * compressed, of a known length within the limit. Those are served on Node's HTTP directly
 * (Express's router and body parsing were a tenth of a page's CPU); anything else still goes
 * through Express, whose body parser words every kind of mistake.
 */
export function isPlainGraphqlPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql')
    return false
  const type = req.headers['content-type']?.toLowerCase().replace(/\s+/g, '')
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8')
    return false
  const encoding = req.headers['content-encoding']
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity')
    return false
  const length = Number(req.headers['content-length'])
  return req.headers['transfer-encoding'] === undefined && Number.isInteger(length) && length > 0 && length <= MAX_GRAPHQL_BODY_BYTES
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}

/** Serves a plain GraphQL POST (see isPlainGraphqlPost) as Express and Apollo's integration would. */
export function graphqlHttp(o: GraphqlHttpOptions) {
  async function answer(req: IncomingMessage, res: ServerResponse, viewer: Viewer | null, raw: string) {
    // what body-parser's strict JSON accepts: an object or an array
    let body: unknown
    try {
      if (!/^[\s\uFEFF]*[{[]/.test(raw))
        throw new SyntaxError('not an object')
      body = JSON.parse(raw)
    }
    catch {
      sendJson(res, 400, clientFailureBody(400, 'entity.parse.failed', { method: req.method, path: '/graphql' }))
      return
    }
    const headers = new HeaderMap()
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined)
        headers.set(key, Array.isArray(value) ? value.join(', ') : value)
    }
    const response = await o.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => o.contextFor(req, res, viewer),
    })
    for (const [key, value] of response.headers)
      res.setHeader(key, value)
    res.statusCode = response.status ?? 200
    if (response.body.kind === 'complete') {
      const sent = compressAnswer(req.headers['accept-encoding'], response.body.string)
      if (sent.vary)
        res.setHeader('Vary', 'Accept-Encoding')
      if (sent.encoding)
        res.setHeader('Content-Encoding', sent.encoding)
      res.setHeader('Content-Length', Buffer.byteLength(sent.data))
      res.end(sent.data)
      return
    }
    for await (const chunk of response.body.asyncIterator)
      res.write(chunk)
    res.end()
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const startedAt = performance.now()
    o.common(req, res, () => {})
    // as in Express: the caller is known (and a partner's call counted) before the body is read
    const outcome = o.viewerOf(req.headers)
    const viewer = 'viewer' in outcome ? outcome.viewer : null
    res.once('finish', () => o.log(req, res.statusCode, startedAt, viewer))
    if ('refusal' in outcome) {
      const { status, headers, message, extensions } = outcome.refusal
      for (const [name, value] of Object.entries(headers))
        res.setHeader(name, value)
      req.resume()
      sendJson(res, status, { errors: [{ message, extensions }] })
      return
    }
    res.setHeader('Cache-Control', 'no-store')
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      answer(req, res, viewer, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, internalErrorBody(error))
        else
          res.destroy()
      })
    })
  }
}
