import { Field, ObjectType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import type { MemberRow } from '../../core/loaders.ts'
import { DateTimeScalar } from '../../core/scalars.ts'
import { Member } from './member.type.ts'

@ObjectType({ description: 'A new e-mail waiting for the link sent to it to be followed.' })
export class PendingEmailChange {
  @Field(() => String, { description: 'The new address.' })
  email!: string

  @Field(() => DateTimeScalar, { description: 'When the link stops working (24 hours after the request).' })
  expiresAt!: string
}

@ObjectType({ description: 'Result of updateContactDetails: the member as now recorded, or the errors (nothing is changed then).' })
export class UpdateContactDetailsPayload {
  @Field(() => Member, { nullable: true, description: 'The member with the new address and phone; null when errors is not empty.' })
  member!: MemberRow | null

  @Field(() => PendingEmailChange, { nullable: true, description: 'A new e-mail waiting for confirmation, if one was asked (now or before).' })
  pendingEmailChange!: PendingEmailChange | null

  @Field(() => [UserError], { description: 'Validation failures, in French, each tied to its input field (e.g. "address.postalCode").' })
  errors!: UserError[]
}

@ObjectType({ description: 'Result of confirmEmailChange.' })
export class ConfirmEmailChangePayload {
  @Field(() => String, { nullable: true, description: 'The member\'s e-mail now (also the sign-in identifier); null when errors is not empty.' })
  email!: string | null

  @Field(() => [UserError], { description: 'An unknown, used, replaced or expired link, in French.' })
  errors!: UserError[]
}
