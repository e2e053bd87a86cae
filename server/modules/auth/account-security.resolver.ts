import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { DateTimeScalar } from '../../core/scalars.ts'
import type { SessionsResult } from './active-sessions.service.ts'
import { ActiveSession, SessionsChangePayload, SignInEvent } from './account-security.type.ts'
import { listActiveSessions, listRecentSignIns, passwordChangedAt, signOutOtherSessions, signOutSession } from './active-sessions.service.ts'
import { Viewer } from './auth.types.ts'
import { changePassword } from './password.service.ts'

/** « Connexion et sécurité »: the member's password, open sessions and recent sign-ins. */
@Authorized()
@Resolver(() => Viewer)
export class AccountSecurityResolver {
  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When the account\'s password was last set; null for an advisor.' })
  passwordChangedAt(@Ctx() ctx: Context): string | null {
    return passwordChangedAt(ctx)
  }

  @Query(() => [ActiveSession], { description: 'Devices signed in to the member\'s account now, most recently used first, the current one marked (50 at most: a session lasts 8 hours at most).' })
  activeSessions(@Ctx() ctx: Context) {
    return listActiveSessions(ctx)
  }

  @Query(() => [SignInEvent], { description: 'The last ten sign-in attempts on the member\'s account, failed ones included, newest first.' })
  recentSignIns(@Ctx() ctx: Context) {
    return listRecentSignIns(ctx)
  }

  @Mutation(() => SessionsChangePayload, { description: 'Changes the member\'s password: the current one, then a new one of 12 characters at least that is hard to guess and not made of the member\'s names or e-mail. Every other session ends; the member is told by e-mail.' })
  changePassword(
    @Arg('currentPassword', () => String, { description: 'The password in use now.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password (12 to 128 characters).' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<SessionsResult> {
    return changePassword(ctx, currentPassword, newPassword)
  }

  @Mutation(() => SessionsChangePayload, { description: '« Se déconnecter de cet appareil »: ends one of the member\'s sessions (from activeSessions). Ending the current one signs this browser out.' })
  signOutSession(@Arg('sessionId', () => ID, { description: 'An id from activeSessions.' }) sessionId: string, @Ctx() ctx: Context): SessionsResult {
    return signOutSession(ctx, sessionId)
  }

  @Mutation(() => SessionsChangePayload, { description: '« Se déconnecter des autres appareils »: ends every session of the member\'s account except this one.' })
  signOutOtherSessions(@Ctx() ctx: Context): SessionsResult {
    return signOutOtherSessions(ctx)
  }
}
