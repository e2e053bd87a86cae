import { Field, ID, Int, ObjectType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import { DateTimeScalar } from '../../core/scalars.ts'

@ObjectType({ description: 'A device signed in to the member\'s account now (an open session).' })
export class ActiveSession {
  @Field(() => ID, { description: 'Opaque identifier, for signOutSession.' })
  id!: string

  @Field(() => String, { description: 'Browser and system read from the user agent, in French, e.g. "Firefox sur Windows"; "Appareil inconnu" when unrecognised.' })
  device!: string

  @Field(() => String, { nullable: true, description: 'Where the session was opened from: the start of the IP address only (e.g. "203.0.113.x"); null when unknown.' })
  place!: string | null

  @Field(() => DateTimeScalar, { description: 'When this device signed in.' })
  signedInAt!: string

  @Field(() => DateTimeScalar, { description: 'Last use, to the minute.' })
  lastSeenAt!: string

  @Field(() => Boolean, { description: 'True for the session making this request ("cet appareil").' })
  current!: boolean
}

@ObjectType({ description: 'One sign-in attempt on the member\'s account, from the audit trail.' })
export class SignInEvent {
  @Field(() => DateTimeScalar, { description: 'When.' })
  at!: string

  @Field(() => Boolean, { description: 'False for a failed attempt (wrong password, account slowed down).' })
  success!: boolean

  @Field(() => String, { description: 'Browser and system read from the user agent, in French.' })
  device!: string

  @Field(() => String, { nullable: true, description: 'Start of the IP address (e.g. "203.0.113.x"); null when unknown.' })
  place!: string | null
}

@ObjectType({ description: 'Result of changePassword, resetPassword, signOutSession or signOutOtherSessions.' })
export class SessionsChangePayload {
  @Field(() => Int, { description: 'How many sessions (devices) were signed out by this change.' })
  signedOutCount!: number

  @Field(() => [UserError], { description: 'Why nothing changed, in French, each tied to its field; empty on success.' })
  errors!: UserError[]
}

@ObjectType({ description: 'Result of requestPasswordReset: the same whether or not the address has an account.' })
export class RequestPasswordResetPayload {
  @Field(() => Int, { description: 'Minutes a link sent now stays valid (30).' })
  linkValidMinutes!: number

  @Field(() => [UserError], { description: 'A malformed address or too many requests; empty otherwise, account or not.' })
  errors!: UserError[]
}
