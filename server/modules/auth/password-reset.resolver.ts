import { Arg, Ctx, Mutation, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import type { PasswordResult } from './password.service.ts'
import { RequestPasswordResetPayload, SessionsChangePayload } from './account-security.type.ts'
import { requestPasswordReset, RESET_LINK_MINUTES, resetPassword } from './password.service.ts'

// public on purpose, like signIn: « Mot de passe oublié ? » is for people who cannot sign in
@Resolver()
export class PasswordResetResolver {
  @Mutation(() => RequestPasswordResetPayload, { description: '« Mot de passe oublié ? »: when the address is a member\'s, mails a single-use link valid 30 minutes. The answer is the same whether or not an account exists; throttled per address and per IP address.' })
  requestPasswordReset(@Arg('email', () => String, { description: 'The sign-in e-mail.' }) email: string, @Ctx() ctx: Context): RequestPasswordResetPayload {
    return { ...requestPasswordReset(ctx, email), linkValidMinutes: RESET_LINK_MINUTES }
  }

  @Mutation(() => SessionsChangePayload, { description: 'Sets a new password from a reset link: the link is then void and every session of the account ends. The member signs in again with the new password.' })
  resetPassword(
    @Arg('token', () => String, { description: 'The `jeton` of the link received by e-mail.' }) token: string,
    @Arg('newPassword', () => String, { description: 'The new password (12 to 128 characters, hard to guess).' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<PasswordResult> {
    return resetPassword(ctx, token, newPassword)
  }
}
