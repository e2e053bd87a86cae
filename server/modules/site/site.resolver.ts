import { Ctx, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { siteInformation } from './site.service.ts'
import { SiteInformation } from './site.type.ts'

// public on purpose, like viewer and signIn: the legal pages are readable signed out, and they
// hold nothing about any member
@Resolver()
export class SiteResolver {
  @Query(() => SiteInformation, { description: 'Public. The mutuelle\'s identity, the retention periods and the cookies, for the site\'s legal pages, footer and header.' })
  siteInformation(@Ctx() ctx: Context): SiteInformation {
    return siteInformation(ctx.config.secureCookies)
  }
}
