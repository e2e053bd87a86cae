import { Field, ObjectType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import type { ProcedureRow } from './procedure.service.ts'
import { Procedure } from './procedure.type.ts'

@ObjectType({ description: 'Result of a mutation on a démarche: the démarche, or the errors that prevented the change (nothing is saved then).' })
export class ProcedurePayload {
  @Field(() => Procedure, { nullable: true, description: 'The démarche as it is now; null when errors is not empty.' })
  procedure!: ProcedureRow | null

  @Field(() => [UserError], { description: 'Validation failures, in French, each tied to its input field.' })
  errors!: UserError[]
}
