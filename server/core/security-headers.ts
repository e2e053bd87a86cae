import type { NextFunction, Request, Response } from 'express'

/** Response headers of the security checklist (CSP, nosniff, no framing, no referrer leak). */
export function securityHeaders(secure: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', [
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
    ].join('; '))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    if (secure)
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}
