import { Field, ID, ObjectType } from 'type-graphql'

@ObjectType({ description: 'A topic of « Aide / contact » (Remboursements, Cotisations…), grouping guides and questions.' })
export class HelpCategory {
  @Field(() => ID, { description: 'Opaque identifier, for the faq filter.' })
  id!: string

  @Field(() => String, { description: 'Stable URL word, e.g. "remboursements".' })
  slug!: string

  @Field(() => String, { description: 'Label in French.' })
  label!: string
}

@ObjectType({ description: 'A page of the portal that does what a help text explains.' })
export class HelpLink {
  @Field(() => String, { description: 'Text of the link, e.g. "Voir ma carte".' })
  label!: string

  @Field(() => String, { description: 'Path in the portal, e.g. "/ma-mutuelle/carte".' })
  path!: string
}

@ObjectType({ description: 'A guide of « Nos guides »: a readable page explaining one subject.' })
export class Guide {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'Stable URL word made from the title, for /aide/guides/{slug}.' })
  slug!: string

  @Field(() => String, { description: 'Title.' })
  title!: string

  @Field(() => String, { description: 'One-sentence summary shown on the guide\'s card.' })
  summary!: string

  @Field(() => [String], { description: 'The text, one paragraph per item (plain text).' })
  paragraphs!: string[]

  @Field(() => HelpCategory, { nullable: true, description: 'Topic of the guide.' })
  category!: HelpCategory | null
}

@ObjectType({ description: 'A frequently asked question with its answer.' })
export class FaqEntry {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'The question.' })
  question!: string

  @Field(() => String, { description: 'The answer (plain text).' })
  answer!: string

  @Field(() => HelpCategory, { description: 'Topic of the question.' })
  category!: HelpCategory

  @Field(() => HelpLink, { nullable: true, description: 'The page that does what the answer explains, when there is one.' })
  link!: HelpLink | null
}
