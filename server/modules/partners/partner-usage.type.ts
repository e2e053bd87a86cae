import { Field, Int, ObjectType } from 'type-graphql'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'

@ObjectType({ description: 'Calls a partner token made on one day (French calendar day).' })
export class PartnerUsageDay {
  @Field(() => DateScalar, { description: 'The day.' })
  day!: string

  @Field(() => Int, { description: 'Requests admitted that day (refused ones — bad token, over the rate limit — are not counted).' })
  calls!: number
}

@ObjectType({ description: 'The calling partner token and its own traffic: nothing about members.' })
export class PartnerUsage {
  @Field(() => String, { description: 'Name the mutuelle gave the token (the partner\'s name, as members read it in « Qui a consulté mon dossier ? »).' })
  name!: string

  @Field(() => [String], { description: 'Scopes of the token, e.g. coverage:read, pec:write.' })
  scopes!: string[]

  @Field(() => DateTimeScalar, { description: 'When the token was created.' })
  createdAt!: string

  @Field(() => DateTimeScalar, { nullable: true, description: 'First instant the token is refused (TOKEN_EXPIRED); null when it does not expire.' })
  expiresAt!: string | null

  @Field(() => DateScalar, { description: 'First day counted.' })
  from!: string

  @Field(() => DateScalar, { description: 'Last day counted.' })
  to!: string

  @Field(() => Int, { description: 'Requests over the period.' })
  totalCalls!: number

  @Field(() => [PartnerUsageDay], { description: 'Days with at least one call, oldest first (at most 92 days: a bounded list, not a connection).' })
  days!: PartnerUsageDay[]
}
