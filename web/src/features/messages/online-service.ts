import type { Router } from 'vue-router'

export interface OnlineServiceLink { label: string, path: string }

/**
 * The service offered in « Bon à savoir ! », if its page is built: a section still « coming soon »
 * (or a path the portal does not have) is not worth a detour, the member writes straight away.
 */
export function availableService(router: Router, service: OnlineServiceLink | null | undefined): OnlineServiceLink | null {
  if (!service) return null
  const route = router.resolve(service.path)
  return route.matched.length && route.name !== 'not-found' && !route.meta.comingSoon ? service : null
}
