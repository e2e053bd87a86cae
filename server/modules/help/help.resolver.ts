import type { FaqRow, GuideRow, HelpCategoryRow } from './help.service.ts'
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { slugify } from '../../core/text.ts'
import { findGuide, listFaq, listGuides, listHelpCategories } from './help.service.ts'
import { FaqEntry, Guide, HelpCategory, HelpLink } from './help.type.ts'

@Authorized()
@Resolver(() => HelpCategory)
export class HelpResolver {
  @Query(() => [HelpCategory], { description: 'The topics of « Aide / contact », in display order (the first six are the ones shown first).' })
  helpCategories(@Ctx() ctx: Context): HelpCategoryRow[] {
    return listHelpCategories(ctx)
  }

  @Query(() => [Guide], { description: 'The guides of « Nos guides », in display order.' })
  guides(@Ctx() ctx: Context): GuideRow[] {
    return listGuides(ctx)
  }

  @Query(() => Guide, { nullable: true, description: 'One guide by its slug; null when none has it.' })
  guide(@Arg('slug', () => String, { description: 'The guide\'s slug (see Guide.slug).' }) slug: string, @Ctx() ctx: Context): GuideRow | null {
    return findGuide(ctx, slug)
  }

  @Query(() => [FaqEntry], { description: 'Frequently asked questions, optionally of one topic. With `search` (200 characters at most, else BAD_USER_INPUT on field "search"), the entries matching any of its words whatever the case, accents and word endings, most relevant first.' })
  faq(
    @Arg('search', () => String, { nullable: true, description: 'Words to look for in questions and answers.' }) search: string | null,
    @Arg('categoryId', () => ID, { nullable: true, description: 'Only questions of this topic.' }) categoryId: string | null,
    @Ctx() ctx: Context,
  ): FaqRow[] {
    return listFaq(ctx, search, categoryId)
  }
}

@Authorized()
@Resolver(() => Guide)
export class GuideResolver {
  @FieldResolver(() => String)
  slug(@Root() row: GuideRow): string {
    return slugify(row.title)
  }

  @FieldResolver(() => [String])
  paragraphs(@Root() row: GuideRow): string[] {
    return row.body.split(/\n{2,}/).map(p => p.trim()).filter(Boolean)
  }

  @FieldResolver(() => HelpCategory, { nullable: true })
  category(@Root() row: GuideRow, @Ctx() ctx: Context): Promise<HelpCategoryRow | null> {
    return row.categoryId ? ctx.loaders.helpCategory.load(row.categoryId).then(c => c ?? null) : Promise.resolve(null)
  }
}

@Authorized()
@Resolver(() => FaqEntry)
export class FaqEntryResolver {
  @FieldResolver(() => HelpCategory)
  async category(@Root() row: FaqRow, @Ctx() ctx: Context): Promise<HelpCategoryRow> {
    return (await ctx.loaders.helpCategory.load(row.categoryId))!
  }

  @FieldResolver(() => HelpLink, { nullable: true })
  link(@Root() row: FaqRow): HelpLink | null {
    return row.linkLabel && row.linkPath ? { label: row.linkLabel, path: row.linkPath } : null
  }
}
