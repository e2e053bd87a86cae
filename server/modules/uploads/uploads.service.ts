import type { Db } from '../../db/client.ts'
import type { FileRow } from '../../core/loaders.ts'
import { and, eq } from 'drizzle-orm'
import { filesTable } from '../../db/schema/index.ts'

/** 10 MB per file: a scanned invoice or a photo of a décompte fits many times over. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** What members may send, by detected type, and the extensions each may carry. */
export const ACCEPTED_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
}

/** file-type needs at most this many leading bytes to recognise PDF, JPEG and PNG. */
export const SNIFF_BYTES = 4100

const MAX_NAME_LENGTH = 120

/**
 * The name shown for an upload: the client's base name without any path, control or reserved
 * characters, at most 120 characters with its extension kept. Never used to build a path.
 */
export function sanitiseFileName(raw: string | undefined, fallbackExtension: string): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? ''
  let name = base.normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F<>:"|?*\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  if (!name)
    name = `document.${fallbackExtension}`
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : ''
    name = name.slice(0, MAX_NAME_LENGTH - ext.length) + ext
  }
  return name
}

/** The extension of a name, lower-case, or null when it has none. */
export function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name)
  return match ? match[1]!.toLowerCase() : null
}

/** A file uploaded by this account, or undefined: other people's files do not exist for the caller. */
export function getOwnFile(db: Db, accountId: string, id: string): FileRow | undefined {
  return db.select().from(filesTable).where(and(eq(filesTable.id, id), eq(filesTable.ownerAccountId, accountId))).get()
}
