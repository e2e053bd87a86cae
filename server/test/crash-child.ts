// The server process crash.test.ts kills: it loads the server's modules first (the slow part, done
// while the previous process still runs), waits for "go" on stdin, then starts exactly as
// `npm start` does, by running server/main.ts.
import 'reflect-metadata'
import { getSchema } from '../schema.ts'
import '../app.ts'
import '../db/client.ts'

getSchema()
await new Promise(resolve => process.stdin.once('data', resolve))
await import('../main.ts')
