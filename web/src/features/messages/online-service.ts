import type { Router } from 'vue-router'

export interface OnlineServiceLink { label: string, path: string }

/**
 * The service offered in « Bon à savoir ! », if the portal has its page: a path it does not have
 * is not worth a detour, the member writes straight away.
 */
export function availableService(router: Router, service: OnlineServiceLink | null | undefined): OnlineServiceLink | null {
  if (!service) return null
  const route = router.resolve(service.path)
  return route.matched.length && route.name !== 'not-found' ? service : null
}
