import { describe, expect, it } from 'vitest'
import { checkBeforeUpload, formatFileSize, uploadFile, UploadError } from './upload-file'

/** Just enough of XMLHttpRequest to play a server's answer. */
class FakeRequest {
  headers: Record<string, string> = {}
  method = ''
  url = ''
  sent: FormData | null = null
  status = 0
  responseText = ''
  upload: { onprogress: ((event: { lengthComputable: boolean, loaded: number, total: number }) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  open(method: string, url: string) { this.method = method; this.url = url }
  setRequestHeader(name: string, value: string) { this.headers[name] = value }
  send(body: FormData) { this.sent = body }
  abort() { this.onabort?.() }
  answer(status: number, body: unknown) {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.onload?.()
  }
}

function start(file = new File(['%PDF-1.4'], 'facture.pdf', { type: 'application/pdf' })) {
  const request = new FakeRequest()
  const progress: number[] = []
  const done = uploadFile(file, fraction => progress.push(fraction), { createRequest: () => request as unknown as XMLHttpRequest })
  return { request, progress, done }
}

describe('uploadFile', () => {
  it('posts the file as multipart field "file" with the custom CSRF header, and reports progress', async () => {
    const { request, progress, done } = start()
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/api/uploads')
    expect(request.headers['X-Requested-With']).toBe('espace-adherent')
    expect((request.sent?.get('file') as File).name).toBe('facture.pdf')
    request.upload.onprogress?.({ lengthComputable: true, loaded: 512, total: 1024 })
    request.answer(201, { id: 'f1', name: 'facture.pdf', sizeBytes: 8, mimeType: 'application/pdf' })
    await expect(done).resolves.toEqual({ id: 'f1', name: 'facture.pdf', sizeBytes: 8, mimeType: 'application/pdf' })
    expect(progress).toEqual([0.5, 1])
  })

  it('passes on the server\'s French message when it refuses the file', async () => {
    const { request, done } = start()
    request.answer(415, { error: 'UNSUPPORTED_TYPE', message: 'Seuls les documents PDF, JPEG et PNG sont acceptés.' })
    await expect(done).rejects.toEqual(new UploadError('Seuls les documents PDF, JPEG et PNG sont acceptés.', 415))
  })

  it('says so in French when the network fails', async () => {
    const { request, done } = start()
    request.onerror?.()
    await expect(done).rejects.toThrow('Vérifiez votre connexion')
  })
})

describe('checkBeforeUpload', () => {
  it('refuses other types, files over 10 MB and empty files before sending them', () => {
    expect(checkBeforeUpload({ name: 'facture.PDF', size: 1000 })).toBeNull()
    expect(checkBeforeUpload({ name: 'photo.jpeg', size: 10 * 1024 * 1024 })).toBeNull()
    expect(checkBeforeUpload({ name: 'page.html', size: 1000 })).toContain('PDF, un JPEG ou un PNG')
    expect(checkBeforeUpload({ name: 'scan.pdf', size: 10 * 1024 * 1024 + 1 })).toContain('10 Mo')
    expect(checkBeforeUpload({ name: 'vide.png', size: 0 })).toContain('vide')
  })
})

describe('formatFileSize', () => {
  it('writes kilobytes and megabytes the French way', () => {
    expect(formatFileSize(300)).toBe('1 ko')
    expect(formatFileSize(850 * 1024)).toBe('850 ko')
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe('2,4 Mo')
  })
})
