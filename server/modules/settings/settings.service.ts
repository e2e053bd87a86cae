import { logger } from '../../core/logger.ts'
/** The public directory of health professionals (Annuaire santé of the Agence du numérique en santé). */
export const DEFAULT_HEALTH_DIRECTORY_URL = 'https://annuaire.sante.fr'

/**
 * Each mutuelle links its own directory (or a partner network's) through HEALTH_DIRECTORY_URL.
 * Only an absolute http(s) URL is accepted: the link is rendered as an href.
 */
export function healthDirectoryUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.HEALTH_DIRECTORY_URL?.trim()
  if (!configured)
    return DEFAULT_HEALTH_DIRECTORY_URL
  try {
    const url = new URL(configured)
    if (url.protocol === 'https:' || url.protocol === 'http:')
      return url.href
  }
  catch {}
  logger.warn('HEALTH_DIRECTORY_URL is not an http(s) URL; using the default directory')
  return DEFAULT_HEALTH_DIRECTORY_URL
}
