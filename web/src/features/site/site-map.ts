import type { RouteRecordRaw } from 'vue-router'

export interface SiteMapSection { title: string, pages: { path: string, title: string }[] }

const SECTIONS: [prefix: RegExp, title: string][] = [
  [/^\/$|^\/actualites/, 'Accueil'],
  [/^\/ma-mutuelle/, 'Ma mutuelle'],
  [/^\/remboursements|^\/demarches|^\/devis/, 'Prestations'],
  [/^\/offre-et-devis/, 'Offre & devis'],
  [/^\/messagerie/, 'Messagerie'],
  [/^\/aide/, 'Aide / contact'],
  [/^\/mon-compte/, 'Mon compte'],
  [/^\/conseiller/, 'Espace conseiller'],
]

/**
 * The site map is read from the router, so no page can be missing from it: every route a person
 * can open by its address (no parameter to fill in), grouped by the menu's sections.
 */
export function siteMap(routes: readonly RouteRecordRaw[]): SiteMapSection[] {
  const sections = new Map<string, SiteMapSection>()
  for (const route of routes) {
    const title = route.meta?.title
    if (typeof title !== 'string' || route.path.includes(':') || route.meta?.access === 'guest')
      continue
    const section = SECTIONS.find(([prefix]) => prefix.test(route.path))?.[1] ?? 'Informations'
    if (!sections.has(section)) sections.set(section, { title: section, pages: [] })
    sections.get(section)!.pages.push({ path: route.path, title })
  }
  return [...sections.values()]
}
