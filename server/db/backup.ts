import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import Database from 'better-sqlite3'

/*
 * Backups of DATA_DIR while the server serves: one file, itself a SQLite database.
 * - The database is copied with `VACUUM INTO` from a separate connection: one read transaction,
 *   so the copy is the state of one instant, whatever the server writes meanwhile (WAL mode lets
 *   it go on writing). Never `cp` the live file: the WAL may hold committed data.
 * - The uploaded files the copy's `files` rows point to are stored inside it (table
 *   _backup_files, with their SHA-256 checked against the row), so the backup is one file and
 *   its rows and files agree. A file written after the instant of the copy has no row in it and
 *   is left out; uploads are written to disk before their row commits, so every row's file exists.
 * Restoring checks the backup whole before touching anything, keeps what it replaces beside it
 * (`*.replaced-<time>`), and refuses to run under a live server unless forced.
 */

export const DB_FILE = 'espace-adherent.sqlite'
const BUNDLE = '_backup_files'
const PID_FILE = 'server.pid'

export interface BackupSummary { file: string, bytes: number, files: number }
export interface RestoreSummary { dataDir: string, files: number, replaced: string[] }

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex')

/** A stored path never leads outside the data directory. */
function inside(dataDir: string, storagePath: string): string {
  const root = resolve(dataDir)
  const path = resolve(root, storagePath)
  if (!path.startsWith(root + sep))
    throw new Error(`Chemin de fichier refusé\u00a0: ${storagePath}`)
  return path
}

/** Copies DATA_DIR (database and uploaded files) into `target`, online. */
export function backupDataDir(dataDir: string, target: string): BackupSummary {
  const source = join(dataDir, DB_FILE)
  if (!existsSync(source))
    throw new Error(`Aucune base à sauvegarder\u00a0: ${source} n'existe pas.`)
  if (existsSync(target))
    throw new Error(`${target} existe déjà\u00a0: choisissez un autre nom de fichier.`)
  mkdirSync(dirname(resolve(target)), { recursive: true })
  const partial = `${target}.partial`
  rmSync(partial, { force: true })

  const live = new Database(source, { fileMustExist: true })
  try {
    live.pragma('busy_timeout = 5000')
    live.prepare('VACUUM INTO ?').run(partial)
  }
  finally {
    live.close()
  }

  const copy = new Database(partial)
  let files = 0
  try {
    copy.exec(`CREATE TABLE ${BUNDLE} (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, content BLOB NOT NULL)`)
    const rows = copy.prepare('SELECT storage_path AS path, sha256 FROM files').all() as { path: string, sha256: string }[]
    const insert = copy.prepare(`INSERT INTO ${BUNDLE} (path, sha256, content) VALUES (?, ?, ?)`)
    copy.transaction(() => {
      for (const row of rows) {
        const path = inside(dataDir, row.path)
        // removed since the instant of the copy (an abandoned upload purged): its row goes too
        if (!existsSync(path)) {
          copy.prepare('DELETE FROM files WHERE storage_path = ?').run(row.path)
          continue
        }
        const content = readFileSync(path)
        if (sha256(content) !== row.sha256)
          throw new Error(`Le fichier ${row.path} ne correspond pas à son empreinte\u00a0: sauvegarde interrompue.`)
        insert.run(row.path, row.sha256, content)
        files++
      }
    })()
    copy.pragma('journal_mode = DELETE')
  }
  catch (error) {
    copy.close()
    rmSync(partial, { force: true })
    throw error
  }
  copy.close()
  renameSync(partial, target)
  return { file: target, bytes: readFileSync(target).length, files }
}

/** Checks a backup whole: SQLite integrity, foreign keys, every file present with its hash. */
export function verifyBackup(file: string): { files: number } {
  if (!existsSync(file))
    throw new Error(`${file} n'existe pas.`)
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok')
      throw new Error(`Sauvegarde endommagée\u00a0: ${String(integrity)}`)
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(BUNDLE))
      throw new Error(`${file} n'est pas une sauvegarde de l'Espace adhérent (npm run backup).`)
    if ((db.pragma('foreign_key_check') as unknown[]).length)
      throw new Error('Sauvegarde incohérente\u00a0: des lignes pointent vers des lignes absentes.')
    const missing = db.prepare(`SELECT f.storage_path AS path FROM files f LEFT JOIN ${BUNDLE} b ON b.path = f.storage_path AND b.sha256 = f.sha256 WHERE b.path IS NULL`).all() as { path: string }[]
    if (missing.length)
      throw new Error(`Sauvegarde incomplète\u00a0: ${missing.length} fichier(s) manquant(s), dont ${missing[0]!.path}.`)
    for (const row of db.prepare(`SELECT path, sha256, content FROM ${BUNDLE}`).iterate() as Iterable<{ path: string, sha256: string, content: Buffer }>) {
      if (sha256(row.content) !== row.sha256)
        throw new Error(`Sauvegarde endommagée\u00a0: ${row.path} ne correspond pas à son empreinte.`)
    }
    return { files: (db.prepare(`SELECT count(*) AS n FROM ${BUNDLE}`).get() as { n: number }).n }
  }
  finally {
    db.close()
  }
}

/** The server writes its pid in DATA_DIR while it runs; `stop()` removes it. */
export function markServerRunning(dataDir: string) {
  const file = join(dataDir, PID_FILE)
  writeFileSync(file, String(process.pid))
  return { stop: () => rmSync(file, { force: true }) }
}

/** Whether a live process holds DATA_DIR (a pid file left by a killed server does not count). */
export function serverRunning(dataDir: string): boolean {
  const file = join(dataDir, PID_FILE)
  if (!existsSync(file))
    return false
  const pid = Number(readFileSync(file, 'utf8'))
  if (!Number.isInteger(pid) || pid <= 0)
    return false
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Puts a backup back into DATA_DIR; what was there is kept beside it, renamed. */
export function restoreDataDir(file: string, dataDir: string, options: { force?: boolean, now?: Date } = {}): RestoreSummary {
  verifyBackup(file)
  if (serverRunning(dataDir) && !options.force)
    throw new Error(`Un serveur utilise ${dataDir}\u00a0: arrêtez-le avant de restaurer (ou --force, puis redémarrez-le aussitôt).`)
  mkdirSync(dataDir, { recursive: true })
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const staging = join(dataDir, `${DB_FILE}.restoring`)
  const stagedUploads = join(dataDir, 'uploads.restoring')
  rmSync(staging, { force: true })
  rmSync(stagedUploads, { recursive: true, force: true })

  // staged first: nothing in place changes until the whole backup is out
  writeFileSync(staging, readFileSync(file))
  const db = new Database(staging)
  let files = 0
  try {
    for (const row of db.prepare(`SELECT path, content FROM ${BUNDLE}`).iterate() as Iterable<{ path: string, content: Buffer }>) {
      const target = inside(stagedUploads, row.path.replace(/^uploads\//, ''))
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, row.content)
      files++
    }
    db.exec(`DROP TABLE ${BUNDLE}`)
    db.exec('VACUUM')
  }
  finally {
    db.close()
  }

  const replaced: string[] = []
  for (const suffix of ['', '-wal', '-shm']) {
    const current = join(dataDir, DB_FILE + suffix)
    if (existsSync(current)) {
      // the old WAL must go with its database: left beside the restored file, SQLite would replay it
      renameSync(current, `${current}.replaced-${stamp}`)
      replaced.push(`${current}.replaced-${stamp}`)
    }
  }
  const uploads = join(dataDir, 'uploads')
  if (existsSync(uploads)) {
    renameSync(uploads, `${uploads}.replaced-${stamp}`)
    replaced.push(`${uploads}.replaced-${stamp}`)
  }
  mkdirSync(stagedUploads, { recursive: true })
  renameSync(stagedUploads, uploads)
  renameSync(staging, join(dataDir, DB_FILE))
  return { dataDir, files, replaced }
}
