/**
 * What the accessibility statement may claim, and no more: `e2e/site.spec.ts` runs axe-core on
 * each of these pages at each width below, and the statement lists exactly this table.
 * A page joins the statement by joining this list (and so the audit).
 * A page shown for one item (a message, a reimbursement) has its id as a `:placeholder` in `path`:
 * the tests open it for an item of the demo household, the statement links to `via`, where a
 * member picks the item.
 */
export interface AuditedPage { path: string, name: string, as: 'visitor' | 'member' | 'advisor', via?: string }

export const AUDITED_PAGES: AuditedPage[] = [
  { path: '/connexion', name: 'Connexion', as: 'visitor' },
  { path: '/mot-de-passe-oublie', name: 'Mot de passe oublié', as: 'visitor' },
  { path: '/', name: 'Accueil', as: 'member' },
  { path: '/ma-mutuelle/contrats', name: 'Mes contrats', as: 'member' },
  { path: '/ma-mutuelle/contrats/:contract', name: 'Un contrat complémentaire', as: 'member', via: '/ma-mutuelle/contrats' },
  { path: '/ma-mutuelle/garanties', name: 'Mes garanties', as: 'member' },
  { path: '/ma-mutuelle/beneficiaires', name: 'Mes bénéficiaires', as: 'member' },
  { path: '/ma-mutuelle/beneficiaires/ajout', name: 'Ajouter un bénéficiaire', as: 'member' },
  { path: '/ma-mutuelle/beneficiaires/:beneficiary/retrait', name: 'Retirer un bénéficiaire', as: 'member', via: '/ma-mutuelle/beneficiaires' },
  { path: '/ma-mutuelle/carte', name: 'Ma carte de tiers payant', as: 'member' },
  { path: '/ma-mutuelle/documents', name: 'Mes documents', as: 'member' },
  { path: '/ma-mutuelle/cotisations', name: 'Mes cotisations', as: 'member' },
  { path: '/remboursements', name: 'Mes remboursements', as: 'member' },
  { path: '/remboursements/:reimbursement', name: 'Détail d\'un remboursement', as: 'member', via: '/remboursements' },
  { path: '/remboursements/demande', name: 'Demander un remboursement', as: 'member' },
  { path: '/demarches', name: 'Mes démarches', as: 'member' },
  { path: '/devis', name: 'Analyse de devis', as: 'member' },
  { path: '/offre-et-devis', name: 'Offre & devis', as: 'member' },
  { path: '/messagerie', name: 'Messagerie', as: 'member' },
  { path: '/messagerie/:thread', name: 'Un échange de la messagerie', as: 'member', via: '/messagerie' },
  { path: '/messagerie/nouveau', name: 'Envoyer un message', as: 'member' },
  { path: '/aide', name: 'Aide / contact', as: 'member' },
  { path: '/aide/guides/:guide', name: 'Un guide de l\'aide', as: 'member', via: '/aide' },
  { path: '/actualites', name: 'Actualités', as: 'member' },
  { path: '/actualites/:news', name: 'Une actualité', as: 'member', via: '/actualites' },
  { path: '/mon-compte', name: 'Mes coordonnées', as: 'member' },
  { path: '/mon-compte/securite', name: 'Connexion et sécurité', as: 'member' },
  { path: '/mon-compte/informations-bancaires', name: 'Mes informations bancaires', as: 'member' },
  { path: '/mon-compte/informations-bancaires/modifier', name: 'Modifier mes coordonnées bancaires', as: 'member' },
  { path: '/mon-compte/donnees', name: 'Mes données personnelles', as: 'member' },
  { path: '/conseiller', name: 'File de traitement (conseillers)', as: 'advisor' },
  { path: '/plan-du-site', name: 'Plan du site', as: 'visitor' },
  { path: '/accessibilite', name: 'Accessibilité', as: 'visitor' },
  { path: '/mentions-legales', name: 'Mentions légales', as: 'visitor' },
  { path: '/confidentialite', name: 'Politique de confidentialité', as: 'visitor' },
  { path: '/cookies', name: 'Gestion des cookies', as: 'visitor' },
  { path: '/conditions-generales', name: 'Conditions générales d\'utilisation', as: 'visitor' },
]

/** The widths every audited page is checked at, in CSS pixels. */
export const AUDITED_WIDTHS = [320, 390, 1280] as const

/** Journeys the browser tests make with the keyboard alone. */
export const KEYBOARD_JOURNEYS = [
  'Se connecter puis atteindre une page par les menus',
  'Consulter Ma mutuelle et télécharger sa carte',
]

/** When this statement was last established (updated with the list above). */
export const STATEMENT_DATE = '2026-12-03'
