/// <reference types="vite/client" />
import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title, also the start of document.title ("Accueil — Espace adhérent"). */
    title: string
    /**
     * Who may open the route: `guest` only signed-out visitors (sign-in), `public` anyone,
     * `member` signed-in members (the default), `advisor` signed-in advisors.
     */
    access?: 'guest' | 'public' | 'member' | 'advisor'
  }
}
