import type { AppDeps } from '../../context.ts'
import { Router } from 'express'

/** Benefits statement PDF (relevé de prestations) (issue 4). */
export function statementRouter(_deps: AppDeps): Router {
  const router = Router()
  return router
}
