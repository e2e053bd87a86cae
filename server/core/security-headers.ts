import type { IncomingMessage, ServerResponse } from 'node:http'

const CONTENT_SECURITY_POLICY = [
  'default-src \'self\'',
  'script-src \'self\'',
  // GraphiQL (Monaco) injects styles and runs workers from blob: URLs
  'style-src \'self\' \'unsafe-inline\'',
  'worker-src \'self\' blob:',
  'img-src \'self\' data: blob:',
  'font-src \'self\' data:',
  'connect-src \'self\'',
  'object-src \'none\'',
  'base-uri \'none\'',
  'frame-ancestors \'none\'',
  'form-action \'self\'',
].join('; ')

/**
 * Response headers of the security checklist (CSP, nosniff, no framing, no referrer leak), on
 * every answer: Express's routes and the GraphQL path served without it (graphql-http.ts) alike.
 */
export function securityHeaders(secure: boolean) {
  const headers: [string, string][] = [
    ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ]
  if (secure)
    headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'])
  return (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    for (const [name, value] of headers)
      res.setHeader(name, value)
    next()
  }
}
