import { Field, ID, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { Connection } from '../../core/pagination.ts'
import { DateTimeScalar } from '../../core/scalars.ts'

export const NewsKindEnum = enumFrom(['NEWS', 'OFFER'] as const, 'NewsKind', 'News article or offer ("Vos offres et services").', {
  NEWS: 'Actualité: news from the mutuelle.',
  OFFER: 'Offre: a service or product offered to members (e.g. travel insurance).',
})

@ObjectType({ simpleResolvers: true, description: 'An article of the actualités, or an offer.' })
export class NewsItem {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => NewsKindEnum, { description: 'News or offer.' })
  kind!: string

  @Field(() => String, { description: 'Title.' })
  title!: string

  @Field(() => String, { description: 'One-paragraph summary.' })
  summary!: string

  @Field(() => String, { description: 'Full text; paragraphs separated by blank lines (plain text, no HTML).' })
  body!: string

  @Field(() => String, { nullable: true, description: 'Illustration: a path served by the portal (e.g. /actualites/voyage.svg); null without one.' })
  imagePath!: string | null

  @Field(() => String, { nullable: true, description: 'Text alternative of the illustration, for screen readers; null without an image.' })
  imageAlt!: string | null

  @Field(() => DateTimeScalar, { description: 'Publication time.' })
  publishedAt!: string
}

@ObjectType({ simpleResolvers: true, description: 'A page of news, newest first.' })
export class NewsItemConnection extends Connection(NewsItem) {}
