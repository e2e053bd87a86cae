import type { Request, Response } from 'express'
import type { AppDeps } from '../../context.ts'
import type { AdvisorViewer, MemberViewer } from '../../core/viewer.ts'
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import busboy from 'busboy'
import { Router } from 'express'
import { fileTypeFromBuffer } from 'file-type'
import type { Reservation } from './uploads.service.ts'
import { nowIso } from '../../core/clock.ts'
import { attachmentHeaders, memberOf, requestMetaOf } from '../../core/http.ts'
import { ACCEPTED_TYPES, createUploadReservations, extensionOf, findDownload, INCOMING_DIR, MAX_UPLOAD_BYTES, reserveUpload, sanitiseFileName, SNIFF_BYTES, storeUpload } from './uploads.service.ts'
import { logger } from '../../core/logger.ts'

/** The header the SPA's upload helper sends: a cross-site form cannot set it without a CORS preflight. */
export const UPLOAD_HEADER = { name: 'X-Requested-With', value: 'espace-adherent' } as const

// multipart boundaries and headers around the file: a few kilobytes at most
const ENVELOPE_BYTES = 64 * 1024

/**
 * Answers once the body has been read: a server that answers and closes while the browser is still
 * sending makes the connection reset, and the browser shows that instead of the message.
 */
function refuse(req: Request, res: Response, status: number, error: string, message: string): void {
  const send = () => {
    if (!res.headersSent)
      res.status(status).json({ error, message })
  }
  if (req.complete)
    send()
  else
    req.once('end', send)
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

const QUOTA_STATUS = { TOO_MANY_PENDING_UPLOADS: 429, STORAGE_QUOTA: 413 } as const

/**
 * Streams one file to a temporary name, checks it, then hands it to the service that moves it to
 * its final name and records it. Every way out releases the quota reservation, and a refused or
 * interrupted upload leaves no file behind.
 */
function receive(deps: AppDeps, req: Request, res: Response, viewer: MemberViewer | AdvisorViewer, reservation: Reservation): void {
  const dir = join(deps.config.dataDir, INCOMING_DIR)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const id = randomUUID()
  const tempPath = join(dir, id)

  let parser: busboy.Busboy
  try {
    // browsers send UTF-8 file names; busboy reads them as latin1 unless told. busboy stops a file
    // when it reaches its limit, so the limit is one byte more than a file may weigh.
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 5, parts: 6 } })
  }
  catch {
    reservation.release()
    refuse(req, res, 400, 'BAD_REQUEST', 'Envoi de fichier illisible.')
    drain(req)
    return
  }

  let settled = false
  let received = false
  let out: ReturnType<typeof createWriteStream> | null = null
  let closed: Promise<void> = Promise.resolve()
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
    reservation.release()
    // the rest of the body is read and dropped, so the browser gets this answer instead of a
    // reset connection; the temporary file goes once its stream has closed (it may not even
    // exist yet: removing it before would let the stream create it afterwards)
    incoming?.unpipe()
    incoming?.resume()
    out?.destroy()
    void closed.then(() => rmSync(tempPath, { force: true }))
    refuse(req, res, status, error, message)
  }

  // a connection cut half-way: busboy would wait for the rest for ever
  req.on('close', () => {
    if (!req.complete)
      fail(400, 'ABORTED', 'Envoi de fichier interrompu.')
  })

  parser.on('file', (field, stream, info) => {
    if (field !== 'file' || received) {
      stream.resume()
      return
    }
    received = true
    clientName = info.filename ?? ''
    out = createWriteStream(tempPath, { flags: 'wx', mode: 0o600 })
    const target = out
    closed = new Promise(done => target.once('close', () => done()))
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
    // the size is checked while streaming, never after buffering
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
        return fail(400, 'NO_FILE', 'Aucun fichier reçu\u00a0: choisissez un document.')
      try {
        await written
        await closed
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
        return fail(415, 'TYPE_MISMATCH', 'Le contenu du fichier ne correspond pas à son extension\u00a0: seuls les documents PDF, JPEG et PNG sont acceptés.')
      if (settled)
        return
      settled = true
      try {
        const row = storeUpload(deps.db, deps.clock, deps.config.dataDir, { id, ownerAccountId: viewer.accountId, name, mimeType: detected.mime, sizeBytes: size, sha256: hash.digest('hex') })
        res.status(201).json({ id: row.id, name: row.name, sizeBytes: row.sizeBytes, mimeType: row.mimeType })
      }
      finally {
        reservation.release()
      }
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'upload failed')
      settled = false
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
  const reservations = createUploadReservations()

  router.post('/uploads', (req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    const viewer = writerOf(req, res)
    if (!viewer)
      return drain(req)
    if (!isSameOriginCall(req)) {
      refuse(req, res, 403, 'CROSS_SITE_REQUEST', 'Envoi refusé\u00a0: utilisez le formulaire de votre espace adhérent.')
      return drain(req)
    }
    if (!req.is('multipart/form-data')) {
      refuse(req, res, 415, 'MULTIPART_REQUIRED', 'Le fichier doit être envoyé en multipart/form-data.')
      return drain(req)
    }
    const declared = Number(req.get('content-length'))
    if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) {
      refuse(req, res, 413, 'FILE_TOO_LARGE', 'Le fichier dépasse la taille maximale de 10 Mo.')
      return drain(req)
    }
    // room is reserved before the first byte is read: parallel uploads share one quota
    const reservation = reserveUpload(deps.db, reservations, viewer.accountId, Number.isFinite(declared) && declared > 0 ? Math.min(declared, MAX_UPLOAD_BYTES) : MAX_UPLOAD_BYTES)
    if ('refused' in reservation) {
      refuse(req, res, QUOTA_STATUS[reservation.refused], reservation.refused, reservation.message)
      return drain(req)
    }
    receive(deps, req, res, viewer, reservation)
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
