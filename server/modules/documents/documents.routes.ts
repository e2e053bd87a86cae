import type { AppDeps } from '../../context.ts'
import { Router } from 'express'

/** Document downloads: GET /api/documents/:id, GET /api/insurance-card.pdf (issue 3). */
export function documentsRouter(_deps: AppDeps): Router {
  const router = Router()
  return router
}
