import { reactive } from 'vue'

/**
 * Why the page asked for could not be shown, when it was not a matter of rights: the server did not
 * answer while the session was checked, or the page's code could not be downloaded. The router
 * writes it, the frame (App.vue) shows it with a way to try again.
 */
export interface NavigationProblem {
  kind: 'offline' | 'unavailable'
  /** The page the member asked for, to try again. */
  target: string
}

export const navigationStatus = reactive<{ problem: NavigationProblem | null }>({ problem: null })

/** Offline when the browser says so; anything else is the server's fault, not the member's. */
export function reportNavigationProblem(target: string): void {
  navigationStatus.problem = { kind: navigator.onLine ? 'unavailable' : 'offline', target }
}

export function clearNavigationProblem(): void {
  navigationStatus.problem = null
}
