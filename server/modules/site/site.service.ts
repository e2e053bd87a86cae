import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../auth/auth.service.ts'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../auth/session.service.ts'
import { RETENTION_YEARS as MESSAGE_RETENTION_YEARS } from '../messages/message-retention.ts'
import { ABANDONED_UPLOAD_DAYS } from '../uploads/uploads.service.ts'
import { mutuelleIdentity } from '../../core/mutuelle.ts'

/**
 * How long the portal keeps each kind of data: read from the constants the code applies, so the
 * privacy policy can never promise another period than the one enforced.
 */
export function retentionPeriods() {
  return [
    { key: 'SESSION_IDLE', label: 'Session inactive', duration: `${IDLE_TIMEOUT_MS / 60_000} minutes`, detail: 'Sans activité, vous êtes déconnecté et votre session est effacée côté serveur.' },
    { key: 'SESSION_ABSOLUTE', label: 'Durée maximale d\'une session', duration: `${ABSOLUTE_TIMEOUT_MS / 3_600_000} heures`, detail: 'Au-delà, une nouvelle connexion est demandée, même en cas d\'activité.' },
    // the purge job deletes a thread this long after its last message (purgeExpiredThreads)
    { key: 'MESSAGES', label: 'Messages échangés avec votre mutuelle', duration: MESSAGE_RETENTION_YEARS === 1 ? '1 an' : `${MESSAGE_RETENTION_YEARS} ans`, detail: 'Une conversation de la messagerie, avec ses pièces jointes, est supprimée quand ce délai est écoulé depuis son dernier message.' },
    { key: 'UNSENT_UPLOADS', label: 'Documents importés jamais envoyés', duration: `${ABANDONED_UPLOAD_DAYS} jours`, detail: 'Un justificatif importé mais jamais joint à une demande ou à un message est supprimé.' },
    { key: 'AUDIT_TRAIL', label: 'Journal des accès et des opérations sensibles', duration: 'sans suppression automatique', detail: 'Ce journal est en ajout seul\u00a0: il ne peut être ni modifié ni effacé, et prouve qui a consulté ou modifié votre dossier. Aucune purge automatique n\'est programmée à ce jour.' },
  ]
}

/** The cookies the portal sets: only what signing in strictly needs, so no consent banner is required. */
export function cookiesUsed(secureCookies: boolean) {
  return [{
    name: secureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    purpose: 'Garder votre session ouverte après la connexion (identifiant aléatoire, sans donnée personnelle).',
    duration: `jusqu'à la déconnexion, ${IDLE_TIMEOUT_MS / 60_000} minutes sans activité ou ${ABSOLUTE_TIMEOUT_MS / 3_600_000} heures au plus`,
    strictlyNecessary: true,
  }]
}

export function siteInformation(secureCookies: boolean) {
  return { mutuelle: mutuelleIdentity(), retention: retentionPeriods(), cookies: cookiesUsed(secureCookies) }
}
