import { Field, ID, InputType } from 'type-graphql'

@InputType({ description: 'A new message to the mutuelle, starting a thread (« Envoyer un message »).' })
export class SendMessageInput {
  @Field(() => ID, { description: 'Category (see messageCategories).' })
  categoryId!: string

  @Field(() => ID, { description: 'Objet, one of the category\'s subjects.' })
  subjectId!: string

  @Field(() => String, { description: 'The message: 1 to 5,000 characters of plain text once trimmed.' })
  body!: string

  @Field(() => [ID], { nullable: true, description: 'Up to 5 ids returned by POST /api/uploads, attached nowhere yet (optional).' })
  attachmentIds?: string[] | null
}
