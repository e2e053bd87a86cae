import type { Clock } from './core/clock.ts'
import type { Loaders } from './core/loaders.ts'
import type { Viewer } from './core/viewer.ts'
import type { Db } from './db/client.ts'
import type { Mailer } from './modules/mail/mail.service.ts'

export interface AppConfig {
  dataDir: string
  /** Secure cookies (__Host- prefix) in production, where the portal is served over HTTPS. */
  secureCookies: boolean
  /** GraphiQL and introspection: on for developers, off in production unless asked. */
  exposeGraphiql: boolean
  /**
   * GraphiQL's example tabs carry the demo partner token and the demo household's card: in
   * development with the demo data only, never in production.
   */
  graphiqlDemoExamples?: boolean
  /**
   * The use of a query text at which it gets compiled (graphql-jit) rather than interpreted; 2 by
   * default, so a one-off query costs no compilation. API tests say 1: they run what pages run.
   */
  compileQueriesOnUse?: number
  /** Where members reach the portal, for the links sent by e-mail (PUBLIC_URL; http://localhost:PORT by default). */
  publicUrl?: string
}

export interface Context {
  db: Db
  clock: Clock
  config: AppConfig
  viewer: Viewer | null
  loaders: Loaders
  mailer: Mailer
  /** Who is on the other end, for the audit trail: services never see HTTP itself. */
  request: RequestMeta
  /** Sets or clears the session cookie; the HTTP layer decides how. */
  sessionCookie: { set: (token: string) => void, clear: () => void }
  /** The trusted-browser cookie sign-in throttling relies on: what the browser sent, and how to replace it. */
  deviceCookie: { token: string | null, set: (token: string) => void }
}

export interface RequestMeta {
  ip: string | null
  userAgent: string | null
}

/** What the HTTP application is built from; REST routers receive it too. */
export interface AppDeps {
  db: Db
  clock: Clock
  config: AppConfig
  /** Defaults to `.eml` files in `DATA_DIR/outbox` (or SMTP_URL's server, see mail.service.ts). */
  mailer?: Mailer
}
