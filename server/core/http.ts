import type { Request, Response } from 'express'
import type { IncomingMessage } from 'node:http'
import type { RequestMeta } from '../context.ts'
import proxyAddr from 'proxy-addr'
import type { MemberViewer } from './viewer.ts'

/**
 * For REST downloads and uploads: the member behind the request, or an answer already sent —
 * 401 for anonymous callers (whether or not the resource exists), 404 for anyone else, so a
 * partner or advisor learns nothing of member files.
 */
export function memberOf(req: Request, res: Response): MemberViewer | null {
  const viewer = req.viewer
  if (!viewer) {
    res.status(401).json({ error: 'UNAUTHENTICATED' })
    return null
  }
  if (viewer.role !== 'MEMBER') {
    res.status(404).json({ error: 'NOT_FOUND' })
    return null
  }
  return viewer
}

/** Attachment download headers with a filename that cannot break the header. */
export function attachmentHeaders(res: Response, filename: string, mimeType: string, disposition: 'attachment' | 'inline' = 'attachment') {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036F]/g, '').replace(/[^\w.-]+/g, '_')
  res.setHeader('Content-Type', mimeType)
  res.setHeader('Content-Disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
  res.setHeader('Cache-Control', 'private, no-store')
}

/** Proxies whose X-Forwarded-For is believed: a reverse proxy on the same machine (Express's `trust proxy` too). */
export const TRUSTED_PROXIES = 'loopback'
const trusted = proxyAddr.compile(TRUSTED_PROXIES)

/** The caller's address and browser, as the audit trail records them (Express's req.ip, on any request). */
export function requestMetaOf(req: IncomingMessage): RequestMeta {
  const userAgent = req.headers['user-agent']
  return { ip: req.socket.remoteAddress ? proxyAddr(req, trusted) : null, userAgent: userAgent?.slice(0, 300) ?? null }
}
