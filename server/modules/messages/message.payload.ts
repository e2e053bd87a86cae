import type { ThreadRow } from './message.service.ts'
import { Field, ObjectType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import { MessageThread } from './message.type.ts'

@ObjectType({ description: 'Result of a message mutation: the thread, or the errors that prevented it (nothing is saved then).' })
export class MessageThreadPayload {
  @Field(() => MessageThread, { nullable: true, description: 'The thread as it is now; null when errors is not empty.' })
  thread!: ThreadRow | null

  @Field(() => [UserError], { description: 'Validation failures, in French, each tied to its input field.' })
  errors!: UserError[]
}
