import type { Request, Response } from 'express'
import type { RequestMeta } from '../context.ts'
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

/** The caller's address and browser, as the audit trail records them. */
export function requestMetaOf(req: Request): RequestMeta {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent')?.slice(0, 300) ?? null }
}
