import type { ApiClient, TestApp } from '../../test/harness.ts'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { accountsTable, filesTable } from '../../db/schema/index.ts'
import { postUpload, tinyPdf, tinyPng, UPLOAD_HEADERS } from '../../test/files.ts'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { INCOMING_DIR, INCOMING_MAX_AGE_MS, MAX_PENDING_UPLOADS, MAX_STORED_BYTES, MAX_UPLOAD_BYTES, purgeAbandonedUploads, sanitiseFileName, sweepOrphanUploads, UPLOADS_DIR } from './uploads.service.ts'

const ELEVEN_MB = 11 * 1024 * 1024

// the JSON bodies of these routes are small, known shapes
const json = (res: Response): Promise<any> => res.json()

describe('POST /api/uploads and GET /api/files/:id', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
  })
  afterAll(() => app.close())

  const storedFiles = () => (existsSync(join(app.dataDir, 'uploads')) ? readdirSync(join(app.dataDir, 'uploads')) : [])
  const fileCount = () => app.db.select().from(filesTable).all().length

  it('stores a PDF under a generated name and returns its id, name, size and detected type', async () => {
    const pdf = tinyPdf()
    const res = await postUpload(benoit, pdf, 'Facture dentiste.pdf')
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Facture dentiste.pdf', sizeBytes: pdf.length, mimeType: 'application/pdf' })
    const row = app.db.select().from(filesTable).where(eq(filesTable.id, body.id)).get()!
    expect(row.storagePath).toBe(`uploads/${body.id}`)
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(existsSync(join(app.dataDir, row.storagePath))).toBe(true)
  })

  it('accepts PNG and JPEG images', async () => {
    const png = await postUpload(benoit, tinyPng(), 'ordonnance.png')
    expect(png.status).toBe(201)
    expect((await json(png)).mimeType).toBe('image/png')
    const jpeg = Buffer.concat([Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200)])
    const jpg = await postUpload(benoit, jpeg, 'photo.jpg')
    expect(jpg.status).toBe(201)
    expect((await json(jpg)).mimeType).toBe('image/jpeg')
  })

  it('ignores the path of a "../../" file name', async () => {
    const res = await postUpload(benoit, tinyPdf(), '../../../etc/passwd.pdf')
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body.name).toBe('passwd.pdf')
    expect(app.db.select().from(filesTable).where(eq(filesTable.id, body.id)).get()!.storagePath).toBe(`uploads/${body.id}`)
  })

  it('refuses an HTML page renamed .pdf, by its real type, and keeps nothing', async () => {
    const before = [fileCount(), storedFiles().length]
    const res = await postUpload(benoit, Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'facture.pdf')
    expect(res.status).toBe(415)
    expect(await json(res)).toEqual({ error: 'UNSUPPORTED_TYPE', message: expect.stringContaining('PDF, JPEG et PNG') })
    expect([fileCount(), storedFiles().length]).toEqual(before)
  })

  it('refuses a file whose content does not match its extension', async () => {
    const res = await postUpload(benoit, tinyPng(), 'releve.pdf')
    expect(res.status).toBe(415)
    expect((await json(res)).error).toBe('TYPE_MISMATCH')
  })

  it('refuses 11 MB with 413 when the size is declared, and keeps nothing', async () => {
    const before = [fileCount(), storedFiles().length]
    const content = Buffer.concat([tinyPdf(), Buffer.alloc(ELEVEN_MB)])
    const res = await postUpload(benoit, content, 'gros.pdf')
    expect(res.status).toBe(413)
    expect(await json(res)).toEqual({ error: 'FILE_TOO_LARGE', message: expect.stringContaining('10 Mo') })
    expect([fileCount(), storedFiles().length]).toEqual(before)
  })

  it('stops an undeclared (chunked) 11 MB upload at 10 MB while streaming, with 413, and deletes the partial file', async () => {
    const before = [fileCount(), storedFiles().length]
    const boundary = '----espace-test-boundary'
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gros.pdf"\r\nContent-Type: application/pdf\r\n\r\n`)
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    const parts = [head, tinyPdf(), ...Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 0x20)), tail]
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.shift()
        if (next)
          controller.enqueue(new Uint8Array(next))
        else
          controller.close()
      },
    })
    const res = await benoit.get('/api/uploads', {
      method: 'POST',
      body,
      headers: { ...UPLOAD_HEADERS, 'content-type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect((await json(res)).error).toBe('FILE_TOO_LARGE')
    expect([fileCount(), storedFiles().length]).toEqual(before)
  })

  it('refuses an upload without the custom header (CSRF)', async () => {
    const res = await postUpload(benoit, tinyPdf(), 'facture.pdf', {})
    expect(res.status).toBe(403)
    expect((await json(res)).error).toBe('CROSS_SITE_REQUEST')
  })

  it('refuses a cross-site upload even with the custom header', async () => {
    const crossSite = await postUpload(benoit, tinyPdf(), 'facture.pdf', { ...UPLOAD_HEADERS, 'Sec-Fetch-Site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    const foreignOrigin = await postUpload(benoit, tinyPdf(), 'facture.pdf', { ...UPLOAD_HEADERS, Origin: 'https://evil.example' })
    expect(foreignOrigin.status).toBe(403)
  })

  it('refuses anonymous callers with 401 and partners with 404; advisors upload files for their answers', async () => {
    const anonymous = await postUpload(app.client(), tinyPdf(), 'facture.pdf')
    expect(anonymous.status).toBe(401)
    const partner = await postUpload(app.client(DEMO_PARTNER_TOKEN), tinyPdf(), 'facture.pdf')
    expect(partner.status).toBe(404)
    const advisor = await postUpload(await app.as('advisor'), tinyPdf(), 'formulaire.pdf')
    expect(advisor.status).toBe(201)
  })

  it('lets the owner download the file as an attachment, never sniffed', async () => {
    const pdf = tinyPdf('téléchargement')
    const { id } = await json(await postUpload(benoit, pdf, 'Décompte août.pdf'))
    const res = await benoit.get(`/api/files/${id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Decompte_aout.pdf"; filename\*=UTF-8''D%C3%A9compte%20ao%C3%BBt\.pdf$/)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf)
  })

  it('answers 404 for another member\'s file, 401 to anonymous callers', async () => {
    const { id } = await json(await postUpload(benoit, tinyPdf(), 'facture.pdf'))
    expect((await camille.get(`/api/files/${id}`)).status).toBe(404)
    expect((await (await app.as('advisor')).get(`/api/files/${id}`)).status).toBe(404)
    expect((await app.client().get(`/api/files/${id}`)).status).toBe(401)
    expect((await benoit.get('/api/files/00000000-0000-0000-0000-000000000000')).status).toBe(404)
  })
})

describe('sanitiseFileName', () => {
  it('keeps the base name only, without control or reserved characters', () => {
    expect(sanitiseFileName('C:\\Users\\benoit\\facture.pdf', 'pdf')).toBe('facture.pdf')
    expect(sanitiseFileName('fac\u0000ture<1>.pdf', 'pdf')).toBe('facture1.pdf')
    expect(sanitiseFileName('...', 'png')).toBe('document.png')
    expect(sanitiseFileName('evil\u202Efdp.exe', 'pdf')).toBe('evilfdp.exe')
  })

  it('shortens a long name and keeps its extension', () => {
    const name = sanitiseFileName(`${'a'.repeat(300)}.jpeg`, 'jpg')
    expect(name).toHaveLength(120)
    expect(name.endsWith('.jpeg')).toBe(true)
  })
})

describe('upload quotas and abandoned uploads', () => {
  let app: TestApp
  let camille: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    camille = await app.as('camille')
  })
  afterAll(() => app.close())

  it(`refuses a ${MAX_PENDING_UPLOADS + 1}th document not yet sent with a request, in French`, async () => {
    for (let i = 0; i < MAX_PENDING_UPLOADS; i++)
      expect((await postUpload(camille, tinyPdf(`Facture ${i}`), `facture-${i}.pdf`)).status).toBe(201)
    const res = await postUpload(camille, tinyPdf('Une de trop'), 'facture.pdf')
    expect(res.status).toBe(429)
    expect(await json(res)).toMatchObject({ error: 'TOO_MANY_PENDING_UPLOADS', message: expect.stringContaining('en attente d\'envoi') })
  })

  it('deletes uploads never sent after a week, rows and files, and keeps recent ones', async () => {
    const uploads = join(app.dataDir, 'uploads')
    const all = app.db.select().from(filesTable).all()
    const old = all.slice(0, 5)
    for (const f of old)
      app.db.update(filesTable).set({ createdAt: '2026-11-01T00:00:00.000Z' }).where(eq(filesTable.id, f.id)).run()
    expect(purgeAbandonedUploads(app.db, app.dataDir, app.clock.now())).toBe(5)
    expect(app.db.select().from(filesTable).all().length).toBe(all.length - 5)
    for (const f of old)
      expect(existsSync(join(uploads, f.id))).toBe(false)
    // room again for a new document
    expect((await postUpload(camille, tinyPdf('Nouvelle facture'), 'facture.pdf')).status).toBe(201)
  })
})

describe('uploads under concurrency, interrupted, at the size limit', () => {
  let app: TestApp
  beforeAll(async () => { app = await startTestApp() })
  afterAll(() => app.close())

  const onDisk = () => [UPLOADS_DIR, INCOMING_DIR].flatMap(d => (existsSync(join(app.dataDir, d)) ? readdirSync(join(app.dataDir, d)).map(f => `${d}/${f}`) : []))
  const rowsOf = (accountId: string) => app.db.select().from(filesTable).where(eq(filesTable.ownerAccountId, accountId)).all()
  const accountId = (who: keyof typeof DEMO_ACCOUNTS) => app.db.select().from(accountsTable).where(eq(accountsTable.email, DEMO_ACCOUNTS[who].email)).get()!.id
  /** What is on disk is exactly what the table knows, once the server has cleaned up after a refusal. */
  const diskMatchesRows = () => vi.waitFor(() => expect(onDisk().sort()).toEqual(app.db.select().from(filesTable).all().map(f => f.storagePath).sort()))

  it(`accepts ${MAX_PENDING_UPLOADS} of 40 parallel uploads, after refused ones gave their reservation back`, async () => {
    const camille = await app.as('camille')
    const refused = await Promise.all(Array.from({ length: 10 }, () => postUpload(camille, Buffer.from('<html></html>'), 'faux.pdf')))
    expect(refused.map(r => r.status)).toEqual(Array.from({ length: 10 }, () => 415))
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => postUpload(camille, tinyPdf(`Facture ${i}`), `facture-${i}.pdf`)))
    const statuses = answers.map(r => r.status)
    expect(statuses.filter(s => s === 201)).toHaveLength(MAX_PENDING_UPLOADS)
    expect(statuses.filter(s => s === 429)).toHaveLength(40 - MAX_PENDING_UPLOADS)
    expect(rowsOf(accountId('camille'))).toHaveLength(MAX_PENDING_UPLOADS)
    await diskMatchesRows()
  })

  it('never stores more than the account\'s quota, even from parallel large uploads', async () => {
    const benoit = await app.as('benoit')
    const owner = accountId('benoit')
    // 150 Mio already stored; ten 9.9 Mio files sent at once: five fit, the others are refused
    app.db.insert(filesTable).values({ ownerAccountId: owner, name: 'archive.pdf', mimeType: 'application/pdf', sizeBytes: 150 * 1024 * 1024, sha256: '0'.repeat(64), storagePath: 'uploads/archive', createdAt: app.clock.now().toISOString() }).run()
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(Math.round(9.9 * 1024 * 1024) - tinyPdf().length, 0x20)])
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => postUpload(benoit, big, `scan-${i}.pdf`)))
    const statuses = answers.map(r => r.status)
    expect(statuses.filter(s => s === 201)).toHaveLength(5)
    for (const refused of answers.filter(r => r.status !== 201))
      expect(await json(refused)).toMatchObject({ error: 'STORAGE_QUOTA' })
    const stored = rowsOf(owner).reduce((total, f) => total + f.sizeBytes, 0)
    expect(stored).toBeLessThanOrEqual(MAX_STORED_BYTES)
    app.db.delete(filesTable).where(eq(filesTable.storagePath, 'uploads/archive')).run()
  })

  it('accepts a file of exactly 10 Mio and refuses one byte more', async () => {
    const benoit = await app.as('benoit')
    const exact = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_UPLOAD_BYTES - tinyPdf().length, 0x20)])
    const accepted = await postUpload(benoit, exact, 'limite.pdf')
    expect(accepted.status).toBe(201)
    expect((await json(accepted)).sizeBytes).toBe(MAX_UPLOAD_BYTES)
    const over = await postUpload(benoit, Buffer.concat([exact, Buffer.from(' ')]), 'trop.pdf')
    expect(over.status).toBe(413)
    expect((await json(over)).error).toBe('FILE_TOO_LARGE')
    await diskMatchesRows()
  })

  it('refuses two files in one request and keeps neither', async () => {
    const benoit = await app.as('benoit')
    const before = rowsOf(accountId('benoit')).length
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(tinyPdf('un'))]), 'un.pdf')
    form.append('file', new Blob([new Uint8Array(tinyPdf('deux'))]), 'deux.pdf')
    const res = await benoit.get('/api/uploads', { method: 'POST', body: form, headers: UPLOAD_HEADERS })
    expect(res.status).toBe(400)
    expect((await json(res)).error).toBe('ONE_FILE_ONLY')
    expect(rowsOf(accountId('benoit'))).toHaveLength(before)
    await diskMatchesRows()
  })

  it('leaves nothing behind when the connection is cut half-way, and gives the reservation back', async () => {
    const benoit = await app.as('benoit')
    const boundary = '----espace-coupure'
    const { hostname, port } = new URL(app.url)
    const req = request({ hostname, port, path: '/api/uploads', method: 'POST', headers: { ...UPLOAD_HEADERS, 'cookie': benoit.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(5 * 1024 * 1024) } })
    req.on('error', () => {})
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="coupe.pdf"\r\nContent-Type: application/pdf\r\n\r\n`)
    req.write(Buffer.concat([tinyPdf(), Buffer.alloc(1024 * 1024, 0x20)]))
    await vi.waitFor(() => expect(onDisk().some(f => f.startsWith(INCOMING_DIR))).toBe(true))
    req.destroy()
    await diskMatchesRows()
    expect((await postUpload(benoit, tinyPdf(), 'apres.pdf')).status).toBe(201)
  })

  it('sweeps files without a row, and temporary files left by a crash', () => {
    const keep = app.db.select().from(filesTable).all().map(f => f.storagePath)
    mkdirSync(join(app.dataDir, INCOMING_DIR), { recursive: true })
    writeFileSync(join(app.dataDir, UPLOADS_DIR, '11111111-1111-1111-1111-111111111111'), 'orphan')
    writeFileSync(join(app.dataDir, INCOMING_DIR, '22222222-2222-2222-2222-222222222222'), 'partial')
    // the daily sweep leaves a temporary file that may still be receiving
    expect(sweepOrphanUploads(app.db, app.dataDir, INCOMING_MAX_AGE_MS)).toBe(1)
    expect(onDisk()).toContain(`${INCOMING_DIR}/22222222-2222-2222-2222-222222222222`)
    // at start nothing is being received
    expect(sweepOrphanUploads(app.db, app.dataDir, 0)).toBe(1)
    expect(onDisk().sort()).toEqual(keep.sort())
  })
})
