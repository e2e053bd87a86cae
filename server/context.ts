import type { Request, Response } from 'express'
import type { Clock } from './core/clock.ts'
import type { Loaders } from './core/loaders.ts'
import type { Viewer } from './core/viewer.ts'
import type { Db } from './db/client.ts'

export interface AppConfig {
  dataDir: string
  /** Secure cookies (__Host- prefix) in production, where the portal is served over HTTPS. */
  secureCookies: boolean
  /** GraphiQL and introspection: on for developers, off in production unless asked. */
  exposeGraphiql: boolean
}

export interface Context {
  db: Db
  clock: Clock
  config: AppConfig
  viewer: Viewer | null
  loaders: Loaders
  req: Request
  res: Response
}

/** What the HTTP application is built from; REST routers receive it too. */
export interface AppDeps {
  db: Db
  clock: Clock
  config: AppConfig
}
