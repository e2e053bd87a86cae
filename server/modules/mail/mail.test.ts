import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { membersTable } from '../../db/schema/index.ts'
import { startTestApp } from '../../test/harness.ts'
import { createMailer, deliverPendingNotifications, readOutbox, recordNotification } from './mail.service.ts'

describe('the mail layer without SMTP_URL', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach(d => rmSync(d, { recursive: true, force: true })))
  const outbox = () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'))
    dirs.push(dir)
    return join(dir, 'outbox')
  }

  it('writes each mail as an .eml file that reads back with its French subject and text', async () => {
    const dir = outbox()
    const mailer = createMailer({ outboxDir: dir })
    await mailer.send({ to: 'benoit@example.org', subject: 'Vos coordonnées bancaires ont été modifiées', text: 'Bonjour,\n\nUn message vous attend : « Réponse à votre demande ».\n€ 12,50 — 100 %41 fin.' })
    await mailer.send({ to: 'sarah@example.org', subject: 'Second', text: 'Deux' })
    const mails = readOutbox(dir)
    expect(mails).toHaveLength(2)
    expect(mails[0]).toMatchObject({ to: 'benoit@example.org', subject: 'Vos coordonnées bancaires ont été modifiées', text: 'Bonjour,\n\nUn message vous attend : « Réponse à votre demande ».\n€ 12,50 — 100 %41 fin.' })
    expect(readdirSync(dir).every(f => f.endsWith('.eml'))).toBe(true)
  })

  it('keeps a notification recorded with a change until a mailer takes it', async () => {
    const app = await startTestApp()
    try {
      const member = app.db.select().from(membersTable).get()!.id
      app.db.transaction((tx) => {
        recordNotification(tx, app.clock, { memberId: member, to: 'benoit@example.org', subject: 'Votre mot de passe a été modifié', text: 'Bonjour' })
      })
      await deliverPendingNotifications(app.db, { send: async () => { throw new Error('SMTP down') } }, app.clock)
      expect(readOutbox(join(app.dataDir, 'outbox'))).toEqual([])
      const dir = outbox()
      await deliverPendingNotifications(app.db, createMailer({ outboxDir: dir }), app.clock)
      await deliverPendingNotifications(app.db, createMailer({ outboxDir: dir }), app.clock)
      expect(readOutbox(dir).map(m => m.subject)).toEqual(['Votre mot de passe a été modifié'])
    }
    finally {
      await app.close()
    }
  })
})
