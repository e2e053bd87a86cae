import { GraphQLError } from 'graphql'
import { Field, ObjectType } from 'type-graphql'

/** The closed set of top-level error codes; business failures are UserErrors in payloads instead. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INTERNAL'

export function apiError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } })
}

export const unauthenticated = () => apiError('UNAUTHENTICATED', 'Vous devez être connecté.')
export const forbidden = () => apiError('FORBIDDEN', 'Accès refusé.')
/** Missing and not-yours read the same, so ids of other households leak nothing. */
export const notFound = () => apiError('NOT_FOUND', 'Élément introuvable.')

@ObjectType({ description: 'A validation failure the user can fix, shown next to the field it concerns.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'Input field concerned (dotted path, e.g. "address.postalCode"), or null for the whole form.' })
  field!: string | null

  @Field(() => String, { description: 'Stable machine code, e.g. INVALID_CREDENTIALS, REQUIRED, TOO_LONG.' })
  code!: string

  @Field(() => String, { description: 'Message in French, ready to show to the member.' })
  message!: string
}

export function userError(field: string | null, code: string, message: string): UserError {
  return Object.assign(new UserError(), { field, code, message })
}
