import { Field, ID, Int, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { Connection } from '../../core/pagination.ts'
import { DateTimeScalar } from '../../core/scalars.ts'
import { MESSAGE_AUTHOR_KINDS, THREAD_STATUSES } from '../../db/schema/index.ts'

export const ThreadStatusEnum = enumFrom(THREAD_STATUSES, 'ThreadStatus', 'Where a message thread stands for the member.', {
  OPEN: 'En cours: the advisor has not answered the member\'s last message yet.',
  ANSWERED: 'Traité: the advisor has answered.',
})

export const MessageAuthorKindEnum = enumFrom(MESSAGE_AUTHOR_KINDS, 'MessageAuthorKind', 'Who wrote a message.', {
  MEMBER: 'The member.',
  ADVISOR: 'An advisor of the mutuelle.',
  SYSTEM: 'The portal itself (automatic notice).',
})

@ObjectType({ description: 'A page of the portal where the member can do the thing asked without writing (« Bon à savoir ! »).' })
export class OnlineService {
  @Field(() => String, { description: 'Name of the service, e.g. "Ajout de bénéficiaires".' })
  label!: string

  @Field(() => String, { description: 'Path of the page in the portal, e.g. "/ma-mutuelle/beneficiaires".' })
  path!: string
}

@ObjectType({ description: 'Objet de la demande: what a message is about, within a category.' })
export class MessageSubject {
  @Field(() => ID, { description: 'Opaque identifier, for sendMessage.' })
  id!: string

  @Field(() => String, { description: 'Label in French, e.g. "Ajout de bénéficiaires".' })
  label!: string

  @Field(() => String, { description: 'Stable URL word made from the label (e.g. "rejet-de-prelevement"), for links that open the form with this objet chosen.' })
  slug!: string

  @Field(() => OnlineService, { nullable: true, description: 'The online service that does this without a message, offered before writing; null when there is none.' })
  onlineService!: OnlineService | null
}

@ObjectType({ description: 'A category of the messagerie (the seed\'s sidebar), with its objets.' })
export class MessageCategory {
  @Field(() => ID, { description: 'Opaque identifier, for sendMessage and the messageThreads filter.' })
  id!: string

  @Field(() => String, { description: 'Label in French, e.g. "Modification de contrat".' })
  label!: string

  @Field(() => String, { description: 'Stable URL word made from the label (e.g. "cotisations"), for the inbox filter in the address.' })
  slug!: string

  @Field(() => [MessageSubject], { description: 'Objets of the category, in display order.' })
  subjects!: MessageSubject[]
}

@ObjectType({ description: 'A file attached to a message, downloadable at GET /api/files/{id} by the member of the thread and by advisors (each advisor download is audited).' })
export class MessageAttachment {
  @Field(() => ID, { description: 'File id.' })
  id!: string

  @Field(() => String, { description: 'File name as uploaded, sanitised.' })
  name!: string

  @Field(() => String, { description: 'Type detected from the content: application/pdf, image/jpeg or image/png.' })
  mimeType!: string

  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number
}

@ObjectType({ description: 'One message of a thread.' })
export class Message {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => MessageAuthorKindEnum, { description: 'Who wrote it.' })
  authorKind!: string

  @Field(() => String, { description: 'Name shown for the author: "Vous" for the member, the advisor\'s name for an advisor.' })
  authorName!: string

  @Field(() => String, { description: 'Text as written (plain text: line breaks are \\n, never HTML).' })
  body!: string

  @Field(() => DateTimeScalar, { description: 'When it was sent.' })
  sentAt!: string

  @Field(() => [MessageAttachment], { description: 'Attached files, in the order they were sent.' })
  attachments!: MessageAttachment[]
}

@ObjectType({ description: 'A conversation between the member and the mutuelle about one objet. Listed for 1 year after its last message, then deleted with its files.' })
export class MessageThread {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => MessageCategory, { description: 'Category chosen when writing.' })
  category!: MessageCategory

  @Field(() => MessageSubject, { description: 'Objet chosen when writing.' })
  subject!: MessageSubject

  @Field(() => ThreadStatusEnum, { description: 'En cours (OPEN) until an advisor answers, then Traité (ANSWERED); a reply of the member makes it OPEN again.' })
  status!: string

  @Field(() => Boolean, { description: 'For the member: an advisor message they have not opened yet (shown in bold).' })
  unread!: boolean

  @Field(() => DateTimeScalar, { description: 'When the thread was started.' })
  createdAt!: string

  @Field(() => DateTimeScalar, { description: 'Last activity (last message): the date of the inbox, and where the 1-year availability counts from.' })
  updatedAt!: string

  @Field(() => DateTimeScalar, { description: 'Day after which the thread is no longer available (1 year after its last activity).' })
  availableUntil!: string

  @Field(() => [Message], { description: 'Messages, oldest first.' })
  messages!: Message[]
}

@ObjectType({ description: 'A page of message threads, latest activity first.' })
export class MessageThreadConnection extends Connection(MessageThread) {}
