import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { signIn, signOut } from './auth.service.ts'
import { Role, SignInPayload, Viewer } from './auth.types.ts'

// sign-in and sign-out are public by nature; everything else in the schema is @Authorized
@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'Who is signed in through the session cookie; null for anonymous visitors.' })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    const v = ctx.viewer
    if (!v || v.role === 'PARTNER')
      return null
    const member = v.role === 'MEMBER' ? await ctx.loaders.member.load(v.memberId) : null
    return { role: v.role as Role, displayName: v.displayName, member }
  }

  @Mutation(() => SignInPayload, { description: 'Opens a session (HttpOnly cookie) for a member or an advisor. A wrong e-mail or password gets one generic French error; repeated failures slow the account down.' })
  async signIn(
    @Arg('email', () => String, { description: 'Sign-in e-mail.' }) email: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<SignInPayload> {
    const result = await signIn(ctx, email, password)
    if ('errors' in result)
      return { role: null, member: null, errors: result.errors }
    // a fresh id at every sign-in: any id planted before sign-in is worthless (session fixation)
    ctx.sessionCookie.set(result.token)
    const member = result.account.memberId ? await ctx.loaders.member.load(result.account.memberId) : null
    return { role: result.account.role as Role, member, errors: [] }
  }

  @Mutation(() => Boolean, { description: 'Ends the current session on the server and clears the cookie. Always true.' })
  signOut(@Ctx() ctx: Context): boolean {
    signOut(ctx)
    ctx.sessionCookie.clear()
    return true
  }
}
