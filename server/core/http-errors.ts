import type { NextFunction, Request, Response } from 'express'
import { randomUUID } from 'node:crypto'
import { logger } from './logger.ts'

/** What body-parser (and raw-body) call each of their failures: the caller's mistake, in French. */
const CLIENT_FAILURES: Record<string, { code: string, message: string }> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', message: 'Le corps de la requête n\'est pas un JSON valide.' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'La requête dépasse la taille maximale acceptée (100 ko).' },
  'charset.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Jeu de caractères non pris en charge\u00a0: envoyez la requête en UTF-8.' },
  'encoding.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Encodage du contenu non pris en charge\u00a0: envoyez la requête sans compression, en gzip, deflate ou br.' },
  'request.aborted': { code: 'BAD_REQUEST', message: 'La requête a été interrompue avant sa fin.' },
  'request.size.invalid': { code: 'BAD_REQUEST', message: 'La taille annoncée de la requête ne correspond pas à son contenu.' },
}

interface HttpError { status?: number, statusCode?: number, type?: string }

/**
 * The JSON answer to a client mistake body-parser names by `type` (e.g. `entity.parse.failed`),
 * logged on one line, without a stack.
 */
export function clientFailureBody(status: number, type: string | undefined, request: { method?: string, path: string }) {
  const { code, message } = (type ? CLIENT_FAILURES[type] : undefined) ?? { code: 'BAD_REQUEST', message: 'Requête invalide.' }
  logger.warn({ status, code, method: request.method, path: request.path, type }, 'client error')
  return { errors: [{ message, extensions: { code } }] }
}

/** A bug's answer: logged whole under a correlation id, answered with that id and nothing internal. */
export function internalErrorBody(error: unknown) {
  const correlationId = randomUUID()
  logger.error({ err: error, correlationId }, 'unexpected HTTP error')
  return { errors: [{ message: 'Une erreur interne est survenue. Réessayez plus tard.', extensions: { code: 'INTERNAL', correlationId } }] }
}

/**
 * The last error handler: every failure Express would answer with its HTML page (and a stack with
 * the server's paths) gets GraphQL-shaped JSON instead. Client mistakes are logged on one line,
 * without a stack; anything else is a bug, logged whole under a correlation id.
 */
export function jsonErrors() {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent)
      return next(error)
    const e = (typeof error === 'object' && error ? error : {}) as HttpError
    const status = e.status ?? e.statusCode ?? 500
    if (status >= 400 && status < 500) {
      res.status(status).json(clientFailureBody(status, e.type, req))
      return
    }
    res.status(500).json(internalErrorBody(error))
  }
}
