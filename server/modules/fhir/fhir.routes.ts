import type { NextFunction, Request, Response } from 'express'
import type { AppDeps } from '../../context.ts'
import express, { Router } from 'express'
import { today } from '../../core/clock.ts'
import { requestMetaOf } from '../../core/http.ts'
import { logger } from '../../core/logger.ts'
import { mutuelleIdentity } from '../../core/mutuelle.ts'
import { checkCoverage } from '../coverage/coverage.service.ts'
import { capabilityStatement, eligibilityResponse, FHIR_JSON, operationOutcome, readEligibilityRequest } from './fhir.resources.ts'

function send(res: Response, status: number, resource: Record<string, unknown>): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify(resource))
}

/**
 * FHIR R4 for partners whose software speaks it: `GET /fhir/r4/metadata` and the tiers-payant check
 * `POST /fhir/r4/CoverageEligibilityRequest/$check`, answered by the same service, token scopes,
 * rate limit and audit trail as GraphQL's `coverageCheck`. Every error is an OperationOutcome.
 */
export function fhirRouter(deps: AppDeps): Router {
  const router = Router()
  const publisher = mutuelleIdentity().name

  router.get('/metadata', (_req, res) => send(res, 200, capabilityStatement(today(deps.clock), publisher)))

  router.post('/CoverageEligibilityRequest/\\$check', express.json({ type: ['application/fhir+json', 'application/json'], limit: '100kb' }), (req, res) => {
    const viewer = req.viewer
    if (!viewer) {
      res.setHeader('WWW-Authenticate', 'Bearer')
      return send(res, 401, operationOutcome('login', 'Jeton partenaire manquant\u00a0: en-tête «\u00a0Authorization: Bearer ptk_…\u00a0».'))
    }
    if (viewer.role !== 'PARTNER' || !viewer.scopes.includes('coverage:read'))
      return send(res, 403, operationOutcome('forbidden', 'Ce contrôle demande un jeton partenaire de portée coverage:read.'))
    const read = readEligibilityRequest(req.body)
    if ('error' in read)
      return send(res, 400, read.error)
    const { question } = read
    const check = checkCoverage({ db: deps.db, clock: deps.clock, viewer, request: requestMetaOf(req) }, question)
    send(res, 200, eligibilityResponse(question, check, deps.clock.now().toISOString(), publisher))
  })

  router.use((_req, res) => send(res, 404, operationOutcome('not-supported', 'Ressource ou opération non proposée\u00a0: voir /fhir/r4/metadata.')))

  // a body that is not JSON, or too large: the integrator's mistake, said as FHIR says it
  router.use((error: { status?: number, type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent)
      return next(error)
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500
    if (status === 500)
      logger.error({ err: error }, 'FHIR request failed')
    send(res, status, status === 413
      ? operationOutcome('invalid', 'Requête trop volumineuse (100 ko au plus).')
      : status === 500 ? operationOutcome('exception', 'Erreur interne\u00a0: réessayez plus tard.') : operationOutcome('invalid', 'Corps illisible\u00a0: envoyez du JSON FHIR (application/fhir+json).'))
  })

  return router
}
