import type { AppDeps } from '../../context.ts'
import { Router } from 'express'

/** Uploads: POST /api/uploads, GET /api/files/:id (issue 4). */
export function uploadsRouter(_deps: AppDeps): Router {
  const router = Router()
  return router
}
