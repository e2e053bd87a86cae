import { Field, ObjectType, registerEnumType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import { Member } from '../members/member.type.ts'

export enum Role {
  MEMBER = 'MEMBER',
  ADVISOR = 'ADVISOR',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'Kind of signed-in person.',
  valuesConfig: {
    MEMBER: { description: 'A member (adhérent), who sees their own household only.' },
    ADVISOR: { description: 'An advisor (conseiller) of the mutuelle, who works through the advisor fields.' },
  },
})

@ObjectType({ description: 'Who is signed in.' })
export class Viewer {
  @Field(() => Role, { description: 'Member or advisor.' })
  role!: Role

  @Field(() => String, { description: 'Name to greet the person with.' })
  displayName!: string

  @Field(() => Member, { nullable: true, description: 'The member, for a member; null for an advisor.' })
  member!: unknown
}

@ObjectType({ description: 'Result of signIn: a role and member on success, errors otherwise (no session is opened then).' })
export class SignInPayload {
  @Field(() => Role, { nullable: true, description: 'Role of the signed-in account.' })
  role!: Role | null

  @Field(() => Member, { nullable: true, description: 'The member, when a member signed in.' })
  member!: unknown

  @Field(() => [UserError], { description: 'Why sign-in failed; empty on success.' })
  errors!: UserError[]
}
