import type { NextFunction, Request, Response } from 'express'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AppDeps, Context } from './context.ts'
import type { Viewer } from './core/viewer.ts'
import type { Refusal } from './core/graphql-http.ts'
import type { TokenRefusal } from './modules/partners/partner-token.service.ts'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import type { ApolloServerPlugin } from '@apollo/server'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { expressMiddleware } from '@as-integrations/express5'
import { ApolloArmor } from '@escape.tech/graphql-armor'
import { parse as parseCookies, serialize as serializeCookie } from 'cookie'
import express from 'express'
import { GraphQLError } from 'graphql'
import type { ASTVisitor, ValidationContext } from 'graphql'
import { frenchGraphqlMessage } from './core/graphql-messages.ts'
import { jsonErrors } from './core/http-errors.ts'
import { compressedAnswers } from './core/compressed-answers.ts'
import { compiledExecution } from './core/compiled-executor.ts'
import { graphqlHttp, isPlainGraphqlPost, MAX_GRAPHQL_BODY_BYTES } from './core/graphql-http.ts'
import { today } from './core/clock.ts'
import { createLoaders } from './core/loaders.ts'
import { DEMO_PARTNER_TOKEN, demoPartnerExample } from './db/demo/index.ts'
import { logger } from './core/logger.ts'
import { projectRoot } from './core/paths.ts'
import { requestMetaOf, TRUSTED_PROXIES } from './core/http.ts'
import { fixedWindowLimiter } from './core/rate-limit.ts'
import { securityHeaders } from './core/security-headers.ts'
import { staticFiles } from './core/static-files.ts'
import { webAppManifest } from './core/web-app-manifest.ts'
import { deviceCookieName, sessionCookieName } from './modules/auth/auth.service.ts'
import { TRUSTED_DEVICE_MAX_AGE_MS } from './modules/auth/sign-in-throttle.service.ts'
import { documentsRouter } from './modules/documents/documents.routes.ts'
import { FHIR_JSON, operationOutcome } from './modules/fhir/fhir.resources.ts'
import { fhirRouter } from './modules/fhir/fhir.routes.ts'
import { dataExportRouter } from './modules/personal-data/data-export.routes.ts'
import { statementRouter } from './modules/reimbursements/statement.routes.ts'
import { uploadsRouter } from './modules/uploads/uploads.routes.ts'
import { ABSOLUTE_TIMEOUT_MS, viewerFromSession } from './modules/auth/session.service.ts'
import { authenticatePartnerToken, recordPartnerCall } from './modules/partners/partner-token.service.ts'
import { createMailer } from './modules/mail/mail.service.ts'
import { getSchema } from './schema.ts'

const EXPECTED_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE'])
/** Codes whose messages come from graphql-js, Apollo or graphql-armor (English) rather than from us. */
const GRAPHQL_JS_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE'])

/** The schema has no subscriptions: say so at validation, a client error, rather than fail while executing. */
function noSubscriptions(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription')
        context.reportError(new GraphQLError('Les abonnements (subscription) ne sont pas pris en charge\u00a0: utilisez une query ou une mutation.', { nodes: [node] }))
    },
  }
}

declare module 'express-serve-static-core' {
  interface Request { viewer?: Viewer | null }
}

/** Tokens a GraphQL document may hold (graphql-armor's default is 1000; the SPA's longest needs less). */
const MAX_TOKENS = 2000

/** One line per request: method, path (never the query string), status, duration, who (role only). */
function logRequest(method: string | undefined, path: string, status: number, startedAt: number, viewer: Viewer | null | undefined) {
  logger.info({ method, path, status, ms: Math.round(performance.now() - startedAt), role: viewer?.role ?? 'ANONYMOUS' }, 'request')
}

/** logRequest for Express's routes; headers are logged at debug level, where redaction removes cookies and tokens. */
function requestLog(req: Request, res: Response, next: NextFunction) {
  const startedAt = performance.now()
  // read now: mounted routers rewrite req.path while they run
  const path = req.path
  if (logger.isLevelEnabled('debug'))
    logger.debug({ req: { method: req.method, path, headers: req.headers } }, 'request received')
  res.on('finish', () => logRequest(req.method, path, res.statusCode, startedAt, req.viewer))
  next()
}

/** Requests a partner token may make per minute. */
export const PARTNER_REQUESTS_PER_MINUTE = 120

const TOKEN_REFUSAL_MESSAGES: Record<TokenRefusal, string> = {
  TOKEN_INVALID: 'Jeton partenaire inconnu ou mal formé\u00a0: vérifiez l\'en-tête Authorization: Bearer ptk_…',
  TOKEN_REVOKED: 'Ce jeton partenaire a été révoqué\u00a0: demandez-en un nouveau à la mutuelle.',
  TOKEN_EXPIRED: 'Ce jeton partenaire a expiré\u00a0: demandez-en un nouveau à la mutuelle.',
}

/** Who calls, from the headers: a partner by its token (counted, limited), a member or advisor by the session cookie. */
function viewerResolver(deps: AppDeps) {
  const partnerLimiter = fixedWindowLimiter(PARTNER_REQUESTS_PER_MINUTE, 60_000, () => deps.clock.now().getTime())
  return (headers: IncomingHttpHeaders): { viewer: Viewer | null } | { refusal: Refusal } => {
    const auth = headers.authorization
    if (auth?.startsWith('Bearer ')) {
      // partners authenticate by header only; a cookie never grants partner rights
      const outcome = authenticatePartnerToken(deps.db, deps.clock, auth.slice(7).trim())
      if (typeof outcome === 'string') {
        // refused before any resolver runs: the reason tells the integrator what to fix
        return { refusal: { status: 401, headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${outcome}"` }, extensions: { code: 'UNAUTHENTICATED', reason: outcome }, message: TOKEN_REFUSAL_MESSAGES[outcome] } }
      }
      if (!partnerLimiter.allow(outcome.tokenId))
        return { refusal: { status: 429, headers: { 'Retry-After': '60' }, extensions: { code: 'TOO_MANY_REQUESTS' }, message: `Trop de requêtes pour ce jeton\u00a0: au plus ${PARTNER_REQUESTS_PER_MINUTE} par minute, réessayez dans une minute.` } }
      recordPartnerCall(deps.db, deps.clock, outcome.tokenId)
      return { viewer: outcome }
    }
    const token = parseCookies(headers.cookie ?? '')[sessionCookieName(deps.config.secureCookies)]
    return { viewer: token ? viewerFromSession(deps.db, deps.clock, token) : null }
  }
}

/** viewerResolver for Express's routes: a refusal in GraphQL's error shape, or FHIR's on /fhir. */
function resolveViewer(viewerOf: ReturnType<typeof viewerResolver>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const outcome = viewerOf(req.headers)
    if ('refusal' in outcome) {
      const { status, headers, message, extensions } = outcome.refusal
      for (const [name, value] of Object.entries(headers))
        res.setHeader(name, value)
      if (req.path.startsWith('/fhir/'))
        res.status(status).type(FHIR_JSON).send(JSON.stringify(operationOutcome(status === 429 ? 'throttled' : 'login', message)))
      else
        res.status(status).json({ errors: [{ message, extensions }] })
      return
    }
    req.viewer = outcome.viewer
    next()
  }
}

/** As Express's res.cookie writes it: Max-Age in seconds and Expires both, on path /. */
function setCookie(res: ServerResponse, name: string, value: string, options: { httpOnly: boolean, sameSite: 'lax', secure: boolean, maxAgeMs: number }) {
  const { maxAgeMs, ...rest } = options
  res.appendHeader('Set-Cookie', serializeCookie(name, value, { ...rest, path: '/', expires: new Date(Date.now() + maxAgeMs), maxAge: Math.floor(maxAgeMs / 1000) }))
}

/** Each GraphQL request's context, whichever HTTP path served it. */
function graphqlContext(deps: AppDeps & { mailer: NonNullable<AppDeps['mailer']> }) {
  const { db, clock, config, mailer } = deps
  const sessionName = sessionCookieName(config.secureCookies)
  const deviceName = deviceCookieName(config.secureCookies)
  return (req: IncomingMessage, res: ServerResponse, viewer: Viewer | null): Context => ({
    db,
    clock,
    config,
    mailer,
    viewer,
    loaders: createLoaders(db),
    request: requestMetaOf(req),
    sessionCookie: {
      // a fresh id at every sign-in: any id planted before sign-in is worthless (session fixation)
      set: token => setCookie(res, sessionName, token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAgeMs: ABSOLUTE_TIMEOUT_MS }),
      // as Express's res.clearCookie: expired at once
      clear: () => res.appendHeader('Set-Cookie', serializeCookie(sessionName, '', { path: '/', expires: new Date(1) })),
    },
    deviceCookie: {
      token: parseCookies(req.headers.cookie ?? '')[deviceName] ?? null,
      set: token => setCookie(res, deviceName, token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAgeMs: TRUSTED_DEVICE_MAX_AGE_MS }),
    },
  })
}

/** What createApp gives: a server listening with the whole application, and its Express part. */
export interface PortalApp {
  /** Every route but the plain GraphQL POST (tests walk its router). */
  express: ReturnType<typeof express>
  listen: (port: number, host?: string, onListening?: () => void) => Server
}

/** The whole HTTP application, without listening: what main.ts serves and what tests call. */
export async function createApp(deps: AppDeps): Promise<PortalApp> {
  const { db, clock, config } = deps
  const mailer = deps.mailer ?? createMailer({ smtpUrl: process.env.SMTP_URL, outboxDir: join(config.dataDir, 'outbox') })
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    // graphql-js counts tokens itself while parsing (parseOptions below): armor's count runs as a
    // plugin hook whose refusal Apollo answers with a 500
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    // the SPA never needs suggestions; they help only someone probing the schema
    blockFieldSuggestion: { enabled: true },
  })
  const protection = armor.protect()
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(getSchema(), config.compileQueriesOnUse ?? 2),
    introspection: config.exposeGraphiql,
    parseOptions: { maxTokens: MAX_TOKENS },
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    // armor ships CommonJS typings of Apollo's plugin type: the same shape, another declaration
    plugins: [...protection.plugins as unknown as ApolloServerPlugin<Context>[], ApolloServerPluginLandingPageDisabled(),
      // no cache hints are used: without this plugin no hook wraps every field's resolution
      ApolloServerPluginCacheControlDisabled()],
    validationRules: [...protection.validationRules, noSubscriptions],
    formatError: (formatted, error) => {
      const code = formatted.extensions?.code
      if (typeof code === 'string' && GRAPHQL_JS_CODES.has(code)) {
        // graphql-js's own words are English: the member reads French, developers keep the original
        const french = frenchGraphqlMessage(formatted.message)
        if (french)
          return { ...formatted, message: french }
      }
      if (typeof code === 'string' && EXPECTED_CODES.has(code))
        return formatted
      // anything else is a bug: log it whole, answer with a correlation id and nothing internal
      const correlationId = randomUUID()
      logger.error({ err: error, correlationId }, 'unexpected GraphQL error')
      return { message: 'Une erreur interne est survenue. Réessayez plus tard.', extensions: { code: 'INTERNAL', correlationId } }
    },
  })
  await apollo.start()

  const common = securityHeaders(config.secureCookies)
  const viewerOf = viewerResolver(deps)
  const contextFor = graphqlContext({ ...deps, mailer })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', TRUSTED_PROXIES)
  app.use(common)
  app.use(requestLog)

  app.get('/healthz', (_req, res) => {
    try {
      db.$client.prepare('select 1').get()
      res.json({ status: 'ok' })
    }
    catch {
      res.status(503).json({ status: 'unavailable' })
    }
  })

  app.use(resolveViewer(viewerOf))
  // the GraphQL requests graphqlHttp leaves to Express: unusual bodies, GET, mistakes to word
  app.use('/graphql', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  }, compressedAnswers(), express.json({ limit: MAX_GRAPHQL_BODY_BYTES }), expressMiddleware(apollo, {
    context: async ({ req, res }): Promise<Context> => contextFor(req, res, req.viewer ?? null),
  }))

  const routeDeps = { ...deps, mailer }
  app.use('/api', documentsRouter(routeDeps), statementRouter(routeDeps), uploadsRouter(routeDeps), dataExportRouter(routeDeps))
  app.use('/fhir/r4', fhirRouter(routeDeps))
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'NOT_FOUND' })
  })

  const graphiqlDir = join(projectRoot, 'dist/graphiql')
  if (config.exposeGraphiql) {
    // what GraphiQL's example tabs send; the demo token only where it is the demo's and works
    app.get('/graphiql/examples.json', (_req, res) => {
      const demo = config.graphiqlDemoExamples && typeof authenticatePartnerToken(db, clock, DEMO_PARTNER_TOKEN) !== 'string'
      res.setHeader('Cache-Control', 'no-store')
      res.json(demo ? { partnerToken: DEMO_PARTNER_TOKEN, ...demoPartnerExample(today(clock)) } : { partnerToken: null })
    })
  }
  if (config.exposeGraphiql && existsSync(graphiqlDir)) {
    app.use('/graphiql', express.static(graphiqlDir))
    app.get('/graphiql', (_req, res) => res.sendFile(join(graphiqlDir, 'index.html')))
  }

  const manifest = JSON.stringify(webAppManifest())
  app.get('/manifest.webmanifest', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600')
    res.type('application/manifest+json').send(manifest)
  })

  const webDir = join(projectRoot, 'dist/web')
  if (existsSync(webDir)) {
    const web = staticFiles(webDir)
    app.use(web.middleware)
    // history fallback: every client route serves the SPA shell; API paths stay 404
    app.get('/{*splat}', (req, res, next) => {
      if (req.path.startsWith('/api/') || req.path.startsWith('/graphql'))
        return next()
      web.send('/index.html', req, res, 'no-cache')
    })
  }
  app.use(jsonErrors())

  const plainGraphql = graphqlHttp({ apollo, common, viewerOf, contextFor, log: (req, status, startedAt, viewer) => logRequest(req.method, '/graphql', status, startedAt, viewer) })
  const handle = (req: IncomingMessage, res: ServerResponse) => isPlainGraphqlPost(req) ? plainGraphql(req, res) : app(req, res)
  return {
    express: app,
    listen: (port, host, onListening) => {
      const server = createServer(handle)
      return host === undefined ? server.listen(port, onListening) : server.listen(port, host, onListening)
    },
  }
}
