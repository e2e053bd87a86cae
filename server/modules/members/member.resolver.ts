import type { MemberRow } from '../../core/loaders.ts'
import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { Address, Member } from './member.type.ts'
import { addressOf, maskNir } from './member.service.ts'

@Resolver(() => Member)
export class MemberResolver {
  // public on purpose: answers null to anonymous visitors so the SPA can tell it must sign in
  @Query(() => Member, { nullable: true, description: 'The signed-in member; null when not signed in or signed in as an advisor.' })
  async me(@Ctx() ctx: Context): Promise<MemberRow | null> {
    if (ctx.viewer?.role !== 'MEMBER')
      return null
    return (await ctx.loaders.member.load(ctx.viewer.memberId)) ?? null
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'Social Security number (NIR), masked: only the first digit and the last five show.' })
  nirMasked(@Root() member: MemberRow): string {
    return maskNir(member.nir)
  }

  @Authorized()
  @FieldResolver(() => Address, { description: 'Postal address.' })
  address(@Root() member: MemberRow): Address {
    return addressOf(member)
  }
}
