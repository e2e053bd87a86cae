import { Field, ObjectType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import type { ProcedureTaskValue } from '../advisor/advisor-task.type.ts'
import type { ProcedureRow } from './procedure.service.ts'
import { ProcedureTask } from '../advisor/advisor-task.type.ts'
import { Procedure } from './procedure.type.ts'

@ObjectType({ description: 'Result of a mutation on a démarche: the démarche, or the errors that prevented the change (nothing is saved then).' })
export class ProcedurePayload {
  @Field(() => Procedure, { nullable: true, description: 'The démarche as the member sees it now; null when errors is not empty, and always null to advisors (they read `task`).' })
  procedure!: ProcedureRow | null

  @Field(() => ProcedureTask, { nullable: true, description: 'To advisors (decideProcedure): the démarche as it is now, in the advisor\'s view; null to members and when errors is not empty.' })
  task?: ProcedureTaskValue | null

  @Field(() => [UserError], { description: 'Validation failures, in French, each tied to its input field.' })
  errors!: UserError[]
}
