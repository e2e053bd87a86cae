import 'reflect-metadata'
import { join, resolve } from 'node:path'
import { createApp } from './app.ts'
import { clockFromEnvironment } from './core/clock.ts'
import { openDatabase } from './db/client.ts'
import { createMailer, deliverPendingNotifications } from './modules/mail/mail.service.ts'
import { purgeExpiredThreads } from './modules/messages/message.service.ts'
import { purgeAbandonedUploads } from './modules/uploads/uploads.service.ts'
import { DEMO_ACCOUNTS, DEMO_PARTNER_TOKEN, isDatabaseEmpty, loadDemoData } from './db/demo/index.ts'

const port = Number(process.env.PORT ?? 4000)
const dataDir = resolve(process.env.DATA_DIR ?? './data')
const production = process.env.NODE_ENV === 'production'
const clock = clockFromEnvironment()

const db = openDatabase(dataDir)
if (isDatabaseEmpty(db) && process.env.DEMO_DATA !== 'off') {
  await loadDemoData(db, clock)
  console.log('Demo household loaded.')
}

// uploads never sent with a request, and threads past their year with their files: purged at start and daily
const purge = () => {
  purgeAbandonedUploads(db, dataDir, clock.now())
  purgeExpiredThreads(db, dataDir, clock.now())
}
purge()
setInterval(purge, 24 * 3600_000).unref()

// notices a crash left unsent go out now
const mailer = createMailer({ smtpUrl: process.env.SMTP_URL, outboxDir: join(dataDir, 'outbox') })
await deliverPendingNotifications(db, mailer, clock)

const app = await createApp({
  db,
  clock,
  mailer,
  config: { dataDir, secureCookies: production, exposeGraphiql: !production || process.env.GRAPHIQL === 'on', publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${port}` },
})
const server = app.listen(port, () => {
  console.log(`Espace adhérent: http://localhost:${port}  (GraphiQL: http://localhost:${port}/graphiql)`)
  console.log(`Data: ${dataDir}`)
  console.log(`Demo accounts: ${Object.values(DEMO_ACCOUNTS).map(a => `${a.email} / ${a.password}`).join(', ')}`)
  console.log(`Demo partner token (scope coverage:read): ${DEMO_PARTNER_TOKEN}`)
})
server.requestTimeout = 30_000
server.headersTimeout = 10_000

function shutdown() {
  server.close(() => {
    db.$client.close()
    process.exit(0)
  })
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
