import type { MessageFileRow } from '../../core/loaders.ts'
import type { ThreadStatus } from '../../db/schema/index.ts'
import type { MessageCategoryRow, MessageSubjectRow, ThreadResult, ThreadRow } from './message.service.ts'
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { DateTimeScalar } from '../../core/scalars.ts'
import { slugify } from '../../core/text.ts'
import { SendMessageInput } from './message.input.ts'
import { MessageThreadPayload } from './message.payload.ts'
import { availableUntil, countUnreadThreads, getThread, listMessageCategories, listThreads, markThreadRead, replyToThread, sendMessage } from './message.service.ts'
import { Message, MessageAttachment, MessageCategory, MessageSubject, MessageThread, MessageThreadConnection, OnlineService, ThreadStatusEnum } from './message.type.ts'

type MessageRow = { id: string, authorKind: string, authorAccountId: string | null }

@ArgsType()
class MessageThreadsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only threads of this category.' })
  categoryId?: string | null

  @Field(() => ThreadStatusEnum, { nullable: true, description: 'Only threads in this status.' })
  status?: ThreadStatus | null
}

@Authorized()
@Resolver(() => MessageThread)
export class MessageResolver {
  @Query(() => [MessageCategory], { description: 'The categories of the messagerie, in display order, each with its objets.' })
  messageCategories(@Ctx() ctx: Context): MessageCategoryRow[] {
    return listMessageCategories(ctx)
  }

  @Query(() => MessageThreadConnection, { description: 'Member only. The member\'s threads, latest activity first; threads whose last message is over a year old are not listed (and are deleted daily).' })
  messageThreads(@Args(() => MessageThreadsArgs) args: MessageThreadsArgs, @Ctx() ctx: Context) {
    const { first, after, ...filter } = args
    return listThreads(ctx, filter, first, after)
  }

  @Query(() => MessageThread, { nullable: true, description: 'Member only. One thread of the member; null when unknown, of another household or past its year (the same answer for all three). Reading it does not mark it read: call markThreadRead.' })
  messageThread(@Arg('id', () => ID, { description: 'The thread\'s id.' }) id: string, @Ctx() ctx: Context): ThreadRow | null {
    return getThread(ctx, id)
  }

  @Query(() => Int, { description: 'Member only. Number of the member\'s threads with an advisor message not read yet (the badge of "Messagerie").' })
  unreadMessageCount(@Ctx() ctx: Context): number {
    return countUnreadThreads(ctx)
  }

  @Mutation(() => MessageThreadPayload, { description: 'Member only. Writes to the mutuelle: a new thread « En cours » with its first message and files, or French field errors and nothing saved.' })
  sendMessage(@Arg('input', () => SendMessageInput, { description: 'Category, objet, text and files.' }) input: SendMessageInput, @Ctx() ctx: Context): ThreadResult {
    return sendMessage(ctx, input)
  }

  @Mutation(() => MessageThreadPayload, { description: 'Member only. Answers in a thread, which goes back to « En cours » (OPEN) for the advisor. An unknown, foreign or expired thread is a NOT_FOUND error on threadId.' })
  replyToThread(
    @Arg('threadId', () => ID, { description: 'The thread, of the member\'s household.' }) threadId: string,
    @Arg('body', () => String, { description: 'The message: 1 to 5,000 characters of plain text once trimmed.' }) body: string,
    @Arg('attachmentIds', () => [ID], { nullable: true, description: 'Up to 5 ids returned by POST /api/uploads (optional).' }) attachmentIds: string[] | null,
    @Ctx() ctx: Context,
  ): ThreadResult {
    return replyToThread(ctx, threadId, body, attachmentIds)
  }

  @Mutation(() => MessageThread, { nullable: true, description: 'Member only. Marks the thread read (opening it does): it leaves the unread count. Null when the thread is unknown, foreign or expired.' })
  markThreadRead(@Arg('threadId', () => ID, { description: 'The thread, of the member\'s household.' }) threadId: string, @Ctx() ctx: Context): ThreadRow | null {
    return markThreadRead(ctx, threadId)
  }

  @FieldResolver(() => MessageCategory)
  async category(@Root() row: ThreadRow, @Ctx() ctx: Context): Promise<MessageCategoryRow> {
    // category_id is NOT NULL with a foreign key
    return (await ctx.loaders.messageCategory.load(row.categoryId))!
  }

  @FieldResolver(() => MessageSubject)
  async subject(@Root() row: ThreadRow, @Ctx() ctx: Context): Promise<MessageSubjectRow> {
    return (await ctx.loaders.messageSubject.load(row.subjectId))!
  }

  @FieldResolver(() => Boolean)
  unread(@Root() row: ThreadRow): boolean {
    return row.unreadByMember
  }

  @FieldResolver(() => DateTimeScalar)
  availableUntil(@Root() row: ThreadRow): string {
    return availableUntil(row.updatedAt)
  }

  @FieldResolver(() => [Message])
  messages(@Root() row: ThreadRow, @Ctx() ctx: Context) {
    return ctx.loaders.messagesByThread.load(row.id)
  }
}

@Authorized()
@Resolver(() => MessageCategory)
export class MessageCategoryResolver {
  @FieldResolver(() => String)
  slug(@Root() row: MessageCategoryRow): string {
    return slugify(row.label)
  }

  @FieldResolver(() => [MessageSubject])
  subjects(@Root() row: MessageCategoryRow, @Ctx() ctx: Context): Promise<MessageSubjectRow[]> {
    return ctx.loaders.subjectsByCategory.load(row.id)
  }
}

@Authorized()
@Resolver(() => MessageSubject)
export class MessageSubjectResolver {
  @FieldResolver(() => String)
  slug(@Root() row: MessageSubjectRow): string {
    return slugify(row.label)
  }

  @FieldResolver(() => OnlineService, { nullable: true })
  onlineService(@Root() row: MessageSubjectRow): OnlineService | null {
    return row.onlineServiceLabel && row.onlineServicePath ? { label: row.onlineServiceLabel, path: row.onlineServicePath } : null
  }
}

@Authorized()
@Resolver(() => Message)
export class MessageFieldResolver {
  @FieldResolver(() => String)
  async authorName(@Root() row: MessageRow, @Ctx() ctx: Context): Promise<string> {
    if (row.authorKind === 'MEMBER' && ctx.viewer?.role === 'MEMBER')
      return 'Vous'
    if (row.authorKind === 'SYSTEM' || !row.authorAccountId)
      return 'Votre mutuelle'
    const name = await ctx.loaders.accountDisplayName.load(row.authorAccountId)
    return name ?? (row.authorKind === 'ADVISOR' ? 'Votre conseiller' : 'L\'adhérent')
  }

  @FieldResolver(() => [MessageAttachment])
  attachments(@Root() row: MessageRow, @Ctx() ctx: Context): Promise<MessageFileRow[]> {
    return ctx.loaders.messageAttachments.load(row.id)
  }
}
