import type { Request, Response } from 'express'
import type { AppDeps } from '../../context.ts'
import type { MemberViewer } from '../../core/viewer.ts'
import type { DocumentContext, DocumentRow } from './documents.service.ts'
import { Router } from 'express'
import { GraphQLError } from 'graphql'
import { attachmentHeaders, memberOf } from '../../core/http.ts'
import { getOwnInsuranceCard } from '../insurance-card/insurance-card.service.ts'
import { renderInsuranceCardPdf } from '../insurance-card/insurance-card.pdf.ts'
import { renderBenefitsStatement } from '../reimbursements/benefits-statement.ts'
import { renderAttestationPdf, renderGuaranteeTablePdf, renderNoticePdf, renderSchedulePdf } from './documents.pdf.ts'
import { attestationData, getOwnDocument, guaranteeTableData, holderName, memberOfContract, scheduleData, storedFileOf } from './documents.service.ts'
import { logger } from '../../core/logger.ts'

/**
 * Document downloads, for the signed-in member only: 401 for anonymous callers whatever the id,
 * and the same 404 body for a missing id and another household's (no existence leak).
 * Generated documents are built from today's data on each download, so they are never stale.
 */

interface Pdf { filename: string, body: Buffer }

class MissingError extends Error {}

function notFound(res: Response): void {
  res.status(404).json({ error: 'NOT_FOUND' })
}

/** A contract id from the query string: absent means the main contract; anything but one string is nobody's. */
function contractIdParam(req: Request): string | null {
  const value = req.query.contractId
  if (value === undefined || value === '')
    return null
  if (typeof value !== 'string')
    throw new MissingError()
  return value
}

const slug = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036F]/g, '').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase()

async function cardPdf(ctx: DocumentContext, contractId: string | null): Promise<Pdf> {
  const card = getOwnInsuranceCard(ctx, contractId)
  const body = await renderInsuranceCardPdf(card, holderName(memberOfContract(ctx.db, card.contract)))
  return { filename: `carte-tiers-payant-${card.validFrom.slice(0, 4)}-${slug(card.contract.productLabel)}.pdf`, body }
}

async function attestationPdf(ctx: DocumentContext, contractId: string | null): Promise<Pdf> {
  const data = attestationData(ctx, contractId)
  return { filename: `attestation-de-droits-${data.validFrom.slice(0, 4)}-${slug(data.contract.productLabel)}.pdf`, body: await renderAttestationPdf(data) }
}

async function documentPdf(ctx: DocumentContext, doc: DocumentRow): Promise<Pdf> {
  const filename = `${slug(doc.title)}.pdf`
  switch (doc.kind) {
    case 'INSURANCE_CARD':
      return { ...await cardPdf(ctx, doc.contractId), filename }
    case 'CERTIFICATE':
      return { ...await attestationPdf(ctx, doc.contractId), filename }
    case 'CONTRIBUTION_SCHEDULE':
      return { filename, body: await renderSchedulePdf(scheduleData(ctx, doc.contractId)) }
    case 'GUARANTEE_TABLE':
      return { filename, body: await renderGuaranteeTablePdf(guaranteeTableData(ctx, doc.contractId), false) }
    case 'GUARANTEE_GUIDE':
      return { filename, body: await renderGuaranteeTablePdf(guaranteeTableData(ctx, doc.contractId), true) }
    case 'NOTICE':
      return { filename, body: await renderNoticePdf(guaranteeTableData(ctx, doc.contractId)) }
    case 'BENEFITS_STATEMENT': {
      if (!doc.periodStart || !doc.periodEnd)
        throw new MissingError()
      return { filename, body: await renderBenefitsStatement(ctx.db, ctx.viewer.memberId, doc.periodStart, doc.periodEnd) }
    }
    default:
      // letters exist only as stored files (handled before): nothing to build
      throw new MissingError()
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof MissingError || (error instanceof GraphQLError && error.extensions?.code === 'NOT_FOUND')
}

export function documentsRouter(deps: AppDeps): Router {
  const router = Router()

  const send = (build: (ctx: DocumentContext, req: Request) => Promise<Pdf>) => async (req: Request, res: Response) => {
    const viewer: MemberViewer | null = memberOf(req, res)
    if (!viewer)
      return
    try {
      const pdf = await build({ db: deps.db, clock: deps.clock, viewer }, req)
      attachmentHeaders(res, pdf.filename, 'application/pdf')
      res.setHeader('Content-Length', String(pdf.body.length))
      res.end(pdf.body)
    }
    catch (error) {
      if (isNotFound(error))
        return notFound(res)
      logger.error({ err: error }, 'document download failed')
      res.status(500).json({ error: 'INTERNAL' })
    }
  }

  router.get('/insurance-card.pdf', send((ctx, req) => cardPdf(ctx, contractIdParam(req))))
  router.get('/attestation-de-droits.pdf', send((ctx, req) => attestationPdf(ctx, contractIdParam(req))))
  router.get('/echeancier-de-cotisations.pdf', send(async (ctx, req) => {
    const data = scheduleData(ctx, contractIdParam(req))
    return { filename: `echeancier-de-cotisations-${slug(data.contract.productLabel)}.pdf`, body: await renderSchedulePdf(data) }
  }))

  router.get('/documents/:id', async (req, res, next) => {
    const viewer = memberOf(req, res)
    if (!viewer)
      return
    const doc = getOwnDocument({ db: deps.db, clock: deps.clock, viewer }, req.params.id)
    if (!doc)
      return notFound(res)
    if (doc.fileId) {
      const file = storedFileOf(deps.db, deps.config.dataDir, doc.fileId)
      if (!file)
        return notFound(res)
      attachmentHeaders(res, file.name, file.mimeType)
      return res.sendFile(file.path, (error) => {
        if (error)
          next(error)
      })
    }
    return send(ctx => documentPdf(ctx, doc))(req, res)
  })

  return router
}
