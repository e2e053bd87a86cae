import type { AppDeps } from '../../context.ts'
import { Router } from 'express'
import { today } from '../../core/clock.ts'
import { attachmentHeaders, memberOf } from '../../core/http.ts'
import { lastOfMonth } from '../../core/calendar.ts'
import { renderBenefitsStatement } from './benefits-statement.ts'
import { logger } from '../../core/logger.ts'

/** The inclusive dates of a month (1–12) or, without a month, of a year. */
export function statementPeriod(year: number, month: number | null): { from: string, to: string } {
  if (month === null)
    return { from: `${year}-01-01`, to: `${year}-12-31` }
  const from = `${year}-${String(month).padStart(2, '0')}-01`
  return { from, to: lastOfMonth(from) }
}

/** Benefits statement PDF (relevé de prestations): GET /api/benefits-statement.pdf?year=2026&month=8. */
export function statementRouter(deps: AppDeps): Router {
  const router = Router()

  router.get('/benefits-statement.pdf', async (req, res) => {
    const viewer = memberOf(req, res)
    if (!viewer)
      return
    const year = typeof req.query.year === 'string' && /^\d{4}$/.test(req.query.year) ? Number(req.query.year) : null
    const monthText = typeof req.query.month === 'string' && req.query.month !== '' ? req.query.month : null
    const month = monthText !== null && /^\d{1,2}$/.test(monthText) ? Number(monthText) : null
    const thisYear = Number(today(deps.clock).slice(0, 4))
    if (year === null || year < 2000 || year > thisYear || (monthText !== null && (month === null || month < 1 || month > 12))) {
      res.status(400).json({ error: 'BAD_PERIOD', message: 'Choisissez une année (jusqu\'à l\'année en cours) et, si vous le souhaitez, un mois de 1 à 12.' })
      return
    }
    const { from, to } = statementPeriod(year, month)
    try {
      const pdf = await renderBenefitsStatement(deps.db, viewer.memberId, from, to)
      const suffix = month === null ? `${year}` : `${year}-${String(month).padStart(2, '0')}`
      attachmentHeaders(res, `releve-prestations-${suffix}.pdf`, 'application/pdf')
      res.setHeader('Content-Length', String(pdf.length))
      res.end(pdf)
    }
    catch (error) {
      logger.error({ err: error }, 'benefits statement failed')
      res.status(500).json({ error: 'INTERNAL', message: 'Le relevé n\'a pas pu être créé. Réessayez plus tard.' })
    }
  })

  return router
}
