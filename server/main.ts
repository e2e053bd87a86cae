import 'reflect-metadata'
import { join, resolve } from 'node:path'
import { createApp } from './app.ts'
import { logger } from './core/logger.ts'
import { clockFromEnvironment } from './core/clock.ts'
import { markServerRunning } from './db/backup.ts'
import { openDatabase } from './db/client.ts'
import { createMailer, deliverPendingNotifications } from './modules/mail/mail.service.ts'
import { purgeExpiredThreads } from './modules/messages/message.service.ts'
import { INCOMING_MAX_AGE_MS, purgeAbandonedUploads, sweepOrphanUploads } from './modules/uploads/uploads.service.ts'
import { DEMO_ACCOUNTS, isDatabaseEmpty, loadDemoData } from './db/demo/index.ts'

const port = Number(process.env.PORT ?? 4000)
// HOST=127.0.0.1 keeps a server off the network (tests); all interfaces by default
const host = process.env.HOST
const dataDir = resolve(process.env.DATA_DIR ?? './data')
const production = process.env.NODE_ENV === 'production'
const clock = clockFromEnvironment()

const db = openDatabase(dataDir)
// the demo's passwords and partner token are public: never in production unless asked for
const demoWanted = production ? process.env.DEMO_DATA === 'on' : process.env.DEMO_DATA !== 'off'
if (isDatabaseEmpty(db) && demoWanted) {
  await loadDemoData(db, clock)
  logger.info(`Demo household loaded: ${Object.values(DEMO_ACCOUNTS).map(a => a.email).join(', ')} (passwords and partner token in README.md).`)
}
else if (isDatabaseEmpty(db)) {
  logger.info('Empty database. Create the first advisor: npm run admin -- create-advisor --email <e-mail> --name "<nom>"')
}

// uploads never sent with a request, and threads past their year with their files, are purged at
// start and daily, with whatever an interrupted upload left on disk (at start nothing is being
// received, so every temporary file goes)
purgeAbandonedUploads(db, dataDir, clock.now())
purgeExpiredThreads(db, dataDir, clock.now())
sweepOrphanUploads(db, dataDir, 0)
setInterval(() => {
  purgeAbandonedUploads(db, dataDir, clock.now())
  purgeExpiredThreads(db, dataDir, clock.now())
  sweepOrphanUploads(db, dataDir, INCOMING_MAX_AGE_MS)
}, 24 * 3600_000).unref()

// notices a crash left unsent go out now
const mailer = createMailer({ smtpUrl: process.env.SMTP_URL, outboxDir: join(dataDir, 'outbox') })
await deliverPendingNotifications(db, mailer, clock)

const app = await createApp({
  db,
  clock,
  mailer,
  config: { dataDir, secureCookies: production, exposeGraphiql: !production || process.env.GRAPHIQL === 'on', graphiqlDemoExamples: !production && demoWanted, publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${port}` },
})
const onListening = () => {
  logger.info({ url: `http://localhost:${port}`, graphiql: `http://localhost:${port}/graphiql`, dataDir }, 'Espace adhérent listening')
}
const server = app.listen(port, host, onListening)
// `npm run restore` refuses to replace the data of a running server
const running = markServerRunning(dataDir)
server.requestTimeout = 30_000
server.headersTimeout = 10_000

function shutdown() {
  server.close(() => {
    running.stop()
    db.$client.close()
    process.exit(0)
  })
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
