import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Role } from '../gql/graphql'

type Target = Pick<RouteLocationNormalized, 'fullPath' | 'meta'>

/** Where a signed-in person lands by default. */
export function homeFor(role: Role): string {
  return role === 'ADVISOR' ? '/conseiller' : '/'
}

/** The route guard's decision: `true` to go on, or where to go instead. */
export function accessDecision(to: Target, role: Role | null): true | RouteLocationRaw {
  const access = to.meta.access ?? 'member'
  if (access === 'public') return true
  if (access === 'guest') return role ? homeFor(role) : true
  if (!role) return to.fullPath === '/' ? { name: 'sign-in' } : { name: 'sign-in', query: { redirect: to.fullPath } }
  if (access === 'advisor') return role === 'ADVISOR' ? true : homeFor(role)
  return role === 'MEMBER' ? true : homeFor(role)
}

/** The ?redirect= of the sign-in page, if it is a path of this site (never another origin). */
export function redirectAfterSignIn(redirect: unknown, role: Role): string {
  if (typeof redirect === 'string' && /^\/(?![/\\])/.test(redirect)) return redirect
  return homeFor(role)
}
