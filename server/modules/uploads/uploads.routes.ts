import type { Request, Response } from 'express'
import type { AppDeps } from '../../context.ts'
import type { AdvisorViewer, MemberViewer } from '../../core/viewer.ts'
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import busboy from 'busboy'
import { Router } from 'express'
import { fileTypeFromBuffer } from 'file-type'
import { nowIso } from '../../core/clock.ts'
import { attachmentHeaders, memberOf } from '../../core/http.ts'
import { filesTable } from '../../db/schema/index.ts'
import { requestMetaOf } from '../../core/http.ts'
import { ACCEPTED_TYPES, extensionOf, findDownload, MAX_UPLOAD_BYTES, quotaRefusal, sanitiseFileName, SNIFF_BYTES } from './uploads.service.ts'

/** The header the SPA's upload helper sends: a cross-site form cannot set it without a CORS preflight. */
export const UPLOAD_HEADER = { name: 'X-Requested-With', value: 'espace-adherent' } as const

// multipart boundaries and headers around the file: a few kilobytes at most
const ENVELOPE_BYTES = 64 * 1024

function refuse(res: Response, status: number, error: string, message: string): void {
  if (!res.headersSent)
    res.status(status).json({ error, message })
}

/**
 * Multipart posts are "simple" requests a foreign page can send with the member's cookie: only
 * same-origin calls carrying the custom header get through (security checklist, item 27).
 */
function isSameOriginCall(req: Request): boolean {
  if (req.get(UPLOAD_HEADER.name) !== UPLOAD_HEADER.value)
    return false
  const site = req.get('sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none')
    return false
  const origin = req.get('origin')
  if (origin) {
    try {
      if (new URL(origin).host !== req.get('host'))
        return false
    }
    catch {
      return false
    }
  }
  return true
}

/** Reads what is left of a refused body so the browser gets the answer, up to a bound. */
function drain(req: Request): void {
  let left = 2 * MAX_UPLOAD_BYTES
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length
    if (left < 0)
      req.destroy()
  })
  req.resume()
}

function receive(deps: AppDeps, req: Request, res: Response, viewer: MemberViewer | AdvisorViewer): void {
  const dir = join(deps.config.dataDir, 'uploads')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const id = randomUUID()
  const path = join(dir, id)

  let parser: busboy.Busboy
  try {
    // browsers send UTF-8 file names; busboy reads them as latin1 unless told
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 5, parts: 6 } })
  }
  catch {
    refuse(res, 400, 'BAD_REQUEST', 'Envoi de fichier illisible.')
    drain(req)
    return
  }

  let settled = false
  let received = false
  let out: ReturnType<typeof createWriteStream> | null = null
  let incoming: NodeJS.ReadableStream | null = null
  let written: Promise<void> = Promise.resolve()
  let clientName = ''
  let size = 0
  const hash = createHash('sha256')
  const head: Buffer[] = []
  let headLength = 0

  const fail = (status: number, error: string, message: string) => {
    if (settled)
      return
    settled = true
    // the partial file goes at once; the rest of the body is read and dropped, so the browser
    // gets this answer instead of a reset connection
    incoming?.unpipe()
    incoming?.resume()
    out?.destroy()
    rmSync(path, { force: true })
    refuse(res, status, error, message)
  }

  parser.on('file', (field, stream, info) => {
    if (field !== 'file' || received) {
      stream.resume()
      return
    }
    received = true
    clientName = info.filename ?? ''
    out = createWriteStream(path, { flags: 'wx', mode: 0o600 })
    const target = out
    written = new Promise((done, failed) => {
      target.on('finish', done)
      target.on('error', failed)
    })
    // a refusal destroys the target on purpose: that error must not surface as unhandled
    written.catch(() => {})
    incoming = stream
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      hash.update(chunk)
      if (headLength < SNIFF_BYTES) {
        head.push(chunk)
        headLength += chunk.length
      }
    })
    // busboy stops the file at the limit: the size is checked while streaming, never after buffering
    stream.on('limit', () => fail(413, 'FILE_TOO_LARGE', 'Le fichier dépasse la taille maximale de 10 Mo.'))
    stream.pipe(target)
  })
  parser.on('filesLimit', () => fail(400, 'ONE_FILE_ONLY', 'Envoyez un seul fichier à la fois.'))
  parser.on('error', () => fail(400, 'BAD_REQUEST', 'Envoi de fichier interrompu ou illisible.'))
  parser.on('close', () => {
    void (async () => {
      if (settled)
        return
      if (!received)
        return fail(400, 'NO_FILE', 'Aucun fichier reçu : choisissez un document.')
      try {
        await written
      }
      catch {
        return fail(500, 'STORAGE_FAILED', 'Le fichier n\'a pas pu être enregistré. Réessayez plus tard.')
      }
      if (settled)
        return
      if (size === 0)
        return fail(400, 'EMPTY_FILE', 'Ce fichier est vide.')
      // the real type, from the content: a renamed HTML or executable file is refused
      const detected = await fileTypeFromBuffer(Buffer.concat(head).subarray(0, SNIFF_BYTES))
      const extensions = detected ? ACCEPTED_TYPES[detected.mime] : undefined
      if (!detected || !extensions)
        return fail(415, 'UNSUPPORTED_TYPE', 'Seuls les documents PDF, JPEG et PNG sont acceptés.')
      let name = sanitiseFileName(clientName, extensions[0]!)
      const extension = extensionOf(name)
      if (!extension)
        name = `${name}.${extensions[0]}`
      else if (!extensions.includes(extension))
        return fail(415, 'TYPE_MISMATCH', 'Le contenu du fichier ne correspond pas à son extension : seuls les documents PDF, JPEG et PNG sont acceptés.')
      settled = true
      const row = deps.db.insert(filesTable).values({
        id,
        ownerAccountId: viewer.accountId,
        name,
        mimeType: detected.mime,
        sizeBytes: size,
        sha256: hash.digest('hex'),
        storagePath: `uploads/${id}`,
        createdAt: nowIso(deps.clock),
      }).returning().get()
      res.status(201).json({ id: row.id, name: row.name, sizeBytes: row.sizeBytes, mimeType: row.mimeType })
    })().catch((error: unknown) => {
      console.error('[uploads]', error)
      fail(500, 'STORAGE_FAILED', 'Le fichier n\'a pas pu être enregistré. Réessayez plus tard.')
    })
  })
  req.pipe(parser)
}

/** Who may upload: members (requests, messages) and advisors (files sent with an answer). */
function writerOf(req: Request, res: Response): MemberViewer | AdvisorViewer | null {
  if (req.viewer?.role === 'ADVISOR')
    return req.viewer
  return memberOf(req, res)
}

/** Uploads: POST /api/uploads (one file, field `file`, members), GET /api/files/:id (the owner, or an advisor for a démarche's documents). */
export function uploadsRouter(deps: AppDeps): Router {
  const router = Router()
  const root = resolve(deps.config.dataDir)

  router.post('/uploads', (req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    const viewer = writerOf(req, res)
    if (!viewer)
      return drain(req)
    if (!isSameOriginCall(req)) {
      refuse(res, 403, 'CROSS_SITE_REQUEST', 'Envoi refusé : utilisez le formulaire de votre espace adhérent.')
      return drain(req)
    }
    if (!req.is('multipart/form-data')) {
      refuse(res, 415, 'MULTIPART_REQUIRED', 'Le fichier doit être envoyé en multipart/form-data.')
      return drain(req)
    }
    const quota = quotaRefusal(deps.db, viewer.accountId)
    if (quota) {
      refuse(res, quota.status, quota.error, quota.message)
      return drain(req)
    }
    const declared = Number(req.get('content-length'))
    if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) {
      refuse(res, 413, 'FILE_TOO_LARGE', 'Le fichier dépasse la taille maximale de 10 Mo.')
      return drain(req)
    }
    receive(deps, req, res, viewer)
  })

  router.get('/files/:id', (req, res) => {
    const viewer = req.viewer
    if (!viewer) {
      res.status(401).json({ error: 'UNAUTHENTICATED' })
      return
    }
    const found = findDownload(deps.db, viewer, req.params.id, () => ({ at: nowIso(deps.clock), ...requestMetaOf(req) }))
    const path = found ? resolve(root, found.file.storagePath) : null
    // a stored path can only point inside DATA_DIR
    if (!found || !path || !path.startsWith(root + sep)) {
      res.status(404).json({ error: 'NOT_FOUND' })
      return
    }
    const { file } = found
    let bytes: number
    try {
      bytes = statSync(path).size
    }
    catch {
      res.status(404).json({ error: 'NOT_FOUND' })
      return
    }
    found.sending()
    attachmentHeaders(res, file.name, file.mimeType)
    res.setHeader('Content-Length', String(bytes))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    createReadStream(path).on('error', () => res.destroy()).pipe(res)
  })

  return router
}
