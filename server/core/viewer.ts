import type { AuthChecker } from 'type-graphql'
import type { Context } from '../context.ts'
import { forbidden, unauthenticated } from './errors.ts'

/** Who is calling: a signed-in member or advisor (session cookie) or a partner (bearer token). */
export type Viewer =
  | { role: 'MEMBER', accountId: string, memberId: string, sessionId: string, displayName: string }
  | { role: 'ADVISOR', accountId: string, sessionId: string, displayName: string }
  | { role: 'PARTNER', tokenId: string, scopes: string[], displayName: string }

export type MemberViewer = Extract<Viewer, { role: 'MEMBER' }>
export type AdvisorViewer = Extract<Viewer, { role: 'ADVISOR' }>

/**
 * `@Authorized()` admits members and advisors; `@Authorized('ADVISOR')` a role;
 * `@Authorized('coverage:read')` a partner holding that scope. Partners get nothing else.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  assertAuthorized(context.viewer, roles)
  return true
}

/** What `authChecker` checks, synchronous: throws UNAUTHENTICATED or FORBIDDEN. */
export function assertAuthorized(viewer: Viewer | null, roles: readonly string[]): void {
  if (!viewer)
    throw unauthenticated()
  const allowed = roles.length === 0
    ? viewer.role !== 'PARTNER'
    : roles.some(r => r === viewer.role || (viewer.role === 'PARTNER' && viewer.scopes.includes(r)))
  if (!allowed)
    throw forbidden()
}

export function requireMember(viewer: Viewer | null): MemberViewer {
  if (!viewer)
    throw unauthenticated()
  if (viewer.role !== 'MEMBER')
    throw forbidden()
  return viewer
}

export function requireAdvisor(viewer: Viewer | null): AdvisorViewer {
  if (!viewer)
    throw unauthenticated()
  if (viewer.role !== 'ADVISOR')
    throw forbidden()
  return viewer
}
