import { mutuelleIdentity } from './mutuelle.ts'

/**
 * The web app manifest that makes the portal installable on a phone's home screen. Served by the
 * server rather than as a static file: its name is the mutuelle's, set through `MUTUELLE_NAME`.
 */
export function webAppManifest(name = mutuelleIdentity().name) {
  return {
    name: `Espace adhérent — ${name}`,
    short_name: 'Mon espace',
    description: `L'espace adhérent de ${name}\u00a0: carte de tiers payant, remboursements, démarches et messagerie.`,
    lang: 'fr',
    dir: 'ltr',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#00594f',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    // a long press on the icon opens the card straight away, for the pharmacy counter
    shortcuts: [
      { name: 'Ma carte de tiers payant', short_name: 'Ma carte', url: '/ma-mutuelle/carte', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
      { name: 'Mes remboursements', short_name: 'Remboursements', url: '/remboursements', icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
    ],
  }
}
