import type { ApiClient } from './harness.ts'
import { deflateSync } from 'node:zlib'

/** A small but real PDF: what file-type and a PDF reader both accept. */
export function tinyPdf(text = 'Facture'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`)
}

function crc32(bytes: Buffer): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A valid 1×1 PNG. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0)
  header.writeUInt32BE(1, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export const UPLOAD_HEADERS = { 'X-Requested-With': 'espace-adherent' }

/** POST /api/uploads as the SPA does: multipart, field `file`, with the custom header. */
export function postUpload(client: ApiClient, content: Buffer, name: string, headers: Record<string, string> = UPLOAD_HEADERS) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(content)]), name)
  return client.get('/api/uploads', { method: 'POST', body: form, headers })
}

/** Uploads a document and returns its id, failing the test when the upload is refused. */
export async function uploadId(client: ApiClient, content: Buffer = tinyPdf(), name = 'facture.pdf'): Promise<string> {
  const res = await postUpload(client, content, name)
  const body = await res.json() as { id?: string, message?: string }
  if (res.status !== 201 || !body.id)
    throw new Error(`upload refused (${res.status}): ${body.message}`)
  return body.id
}
