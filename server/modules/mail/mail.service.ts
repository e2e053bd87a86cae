import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../../core/clock.ts'
import type { Db, Queryable } from '../../db/client.ts'
import { and, asc, eq, isNull } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import { notificationsTable } from '../../db/schema/index.ts'
import { logger } from '../../core/logger.ts'

/**
 * The portal's one way to send e-mail. With `SMTP_URL` (e.g. smtp://user:pass@mail.example:587)
 * mails go to that server; without it each mail is written as an `.eml` file in
 * `DATA_DIR/outbox`, so the portal runs with no mail server and tests read what was sent.
 */
export interface Mailer {
  send: (mail: OutgoingMail) => Promise<void>
}

export interface OutgoingMail {
  to: string
  subject: string
  /** Plain text only: no member data beyond what the text needs, never health details. */
  text: string
}

/** Who the portal's mails come from; a mutuelle sets its own address. */
const FROM = process.env.MAIL_FROM ?? 'Espace adhérent <ne-pas-repondre@espace-adherent.example>'

export function createMailer(opts: { smtpUrl?: string, outboxDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl)
    return { send: async (mail) => { await transport.sendMail({ from: FROM, ...mail }) } }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  mkdirSync(opts.outboxDir, { recursive: true })
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ from: FROM, ...mail, textEncoding: 'quoted-printable' })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`
      // written under a temporary name first: a reader never sees half a mail
      const tmp = join(opts.outboxDir, `.${name}.tmp`)
      writeFileSync(tmp, info.message as Buffer)
      renameSync(tmp, join(opts.outboxDir, name))
    },
  }
}

export interface OutboxMail extends OutgoingMail {
  file: string
}

/** The mails of an outbox, oldest first, decoded: for tests and for a developer reading `.eml` files. */
export function readOutbox(outboxDir: string): OutboxMail[] {
  let files: string[]
  try {
    files = readdirSync(outboxDir).filter(f => f.endsWith('.eml')).sort()
  }
  catch {
    return []
  }
  return files.map((file) => {
    const raw = readFileSync(join(outboxDir, file), 'utf8')
    const split = raw.indexOf('\n\n')
    const head = raw.slice(0, split).replace(/\n[ \t]+/g, ' ')
    const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? ''
    return { file, to: header('To'), subject: decodeWords(header('Subject')), text: decodeQuotedPrintable(raw.slice(split + 2)).trimEnd() }
  })
}

function decodeQuotedPrintable(body: string): string {
  // a literal % is escaped first, then =XX bytes become %XX: decodeURIComponent reads UTF-8
  return decodeURIComponent(body.replace(/%/g, '%25').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, '%$1'))
}

// RFC 2047 encoded words, as nodemailer writes a non-ASCII subject (=?UTF-8?Q?…?= or =?UTF-8?B?…?=)
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  ).trim()
}

/** An absolute link into the SPA for a mail (`path` starts with /). */
export function portalLink(config: { publicUrl?: string }, path: string): string {
  return `${(config.publicUrl ?? 'http://localhost:4000').replace(/\/+$/, '')}${path}`
}

/**
 * Records a mail to a member in the same transaction as the change it announces (the
 * `notifications` outbox), so a crash between commit and sending loses no notice.
 * Deliver with `deliverPendingNotifications` once the transaction has committed.
 */
export function recordNotification(db: Queryable, clock: Clock, mail: OutgoingMail & { memberId: string }): void {
  db.insert(notificationsTable).values({ memberId: mail.memberId, channel: 'EMAIL', recipient: mail.to, subject: mail.subject, body: mail.text, createdAt: clock.now().toISOString() }).run()
}

// one delivery at a time per database: two overlapping runs would both read a row as unsent and mail it twice
const deliveries = new WeakMap<Db, Promise<void>>()

/** Sends every notification not sent yet (after a commit, and at start for what a crash left). */
export function deliverPendingNotifications(db: Db, mailer: Mailer, clock: Clock): Promise<void> {
  const run = (deliveries.get(db) ?? Promise.resolve()).then(() => deliverNow(db, mailer, clock))
  deliveries.set(db, run.catch(() => {}))
  return run
}

async function deliverNow(db: Db, mailer: Mailer, clock: Clock): Promise<void> {
  const pending = db.select().from(notificationsTable).where(and(isNull(notificationsTable.sentAt), eq(notificationsTable.channel, 'EMAIL'))).orderBy(asc(notificationsTable.createdAt)).all()
  for (const row of pending) {
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: row.body })
      db.update(notificationsTable).set({ sentAt: clock.now().toISOString() }).where(eq(notificationsTable.id, row.id)).run()
    }
    catch (error) {
      // left unsent: the next delivery (next change, or the next start) tries again
      logger.error({ notificationId: row.id, reason: error instanceof Error ? error.message : String(error) }, 'mail not sent')
    }
  }
}
