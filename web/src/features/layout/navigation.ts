// The member navigation, in the portal's order; Messagerie opens the right-hand group.
/** `shortcut`: a page whose home is another menu (it does not mark this one as the current section). */
export interface NavLink { kind: 'link', label: string, to: string, shortcut?: boolean }
export interface NavSignOut { kind: 'sign-out', label: string }
export interface NavMenu { kind: 'menu', id: string, label: string, items: (NavLink | NavSignOut)[] }
export interface NavMessages { kind: 'messages', label: string, to: string }
export type NavEntry = NavLink | NavMenu | NavMessages

const link = (label: string, to: string, shortcut?: boolean): NavLink => ({ kind: 'link', label, to, ...(shortcut ? { shortcut } : {}) })

export const memberNavigation: NavEntry[] = [
  link('Accueil', '/'),
  {
    kind: 'menu',
    id: 'ma-mutuelle',
    label: 'Ma mutuelle',
    items: [
      link('Mes contrats', '/ma-mutuelle/contrats'),
      link('Mes garanties', '/ma-mutuelle/garanties'),
      link('Mes bénéficiaires', '/ma-mutuelle/beneficiaires'),
      link('Ma carte de tiers payant', '/ma-mutuelle/carte'),
      link('Mes documents', '/ma-mutuelle/documents'),
      // the seed lists it in both menus; the page belongs to Mon compte
      link('Mes informations bancaires', '/mon-compte/informations-bancaires', true),
      link('Mes cotisations', '/ma-mutuelle/cotisations'),
    ],
  },
  {
    kind: 'menu',
    id: 'prestations',
    label: 'Prestations',
    items: [
      link('Mes remboursements', '/remboursements'),
      link('Demander un remboursement', '/remboursements/demande'),
      link('Mes démarches', '/demarches'),
      link('Envoyer un devis', '/devis'),
    ],
  },
  link('Offre & devis', '/offre-et-devis'),
  { kind: 'messages', label: 'Messagerie', to: '/messagerie' },
  link('Aide / contact', '/aide'),
  {
    kind: 'menu',
    id: 'mon-compte',
    label: 'Mon compte',
    items: [
      link('Mes coordonnées', '/mon-compte'),
      link('Mes informations bancaires', '/mon-compte/informations-bancaires'),
      link('Connexion et sécurité', '/mon-compte/securite'),
      link('Mes données personnelles', '/mon-compte/donnees'),
      { kind: 'sign-out', label: 'Se déconnecter' },
    ],
  },
]

/** Whether the page at `path` belongs to a menu, to mark the menu as the current section. */
export function menuContains(menu: NavMenu, path: string): boolean {
  return menu.items.some(item => item.kind === 'link' && !item.shortcut && (path === item.to || path.startsWith(`${item.to}/`)))
}
