import { DefaultApolloClient } from '@vue/apollo-composable'
import { createApp } from 'vue'
import App from './App.vue'
import { createApolloClient } from './apollo/client'
import { clearSession } from './features/auth/session'
import { refreshSavedCard } from './features/insurance-card/refresh-saved-card'
import { registerServiceWorker } from './pwa/app-update'
import { createAppRouter } from './router'
import './styles/main.css'

const client = createApolloClient({ onUnauthenticated: sessionExpired })
const router = createAppRouter(client)

// the server forgot the session (expiry, sign-out elsewhere): forget it here too and ask to sign in
function sessionExpired(): void {
  const current = router.currentRoute.value
  if (current.meta.access === 'guest' || current.meta.access === 'public') return
  void clearSession(client, { keepSavedCard: true }).then(() => router.push({ name: 'sign-in', query: { redirect: current.fullPath, motif: 'session-expiree' } }))
}

const app = createApp(App)
app.provide(DefaultApolloClient, client)
app.use(router)
// the frame paints at once; the page comes when the guard has checked the session
app.mount('#app')
void router.isReady().then(() => refreshSavedCard(client))
// production builds only: in development Vite serves modules the worker must not keep
if (import.meta.env.PROD) registerServiceWorker()
