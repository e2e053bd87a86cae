import type { ProcedureRow } from '../procedures/procedure.service.ts'
import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql'
import { PageInfo } from '../../core/pagination.ts'
import { AdvisorProcedure } from './advisor-procedure.type.ts'

@ObjectType({ description: 'The member a task concerns, as an advisor\'s queue shows them: identity only (no NIR, contact details nor IBAN).' })
export class AdvisorMemberSummary {
  @Field(() => String, { description: 'Numéro d\'adhérent, printed on the card: what the advisor quotes when calling back.' })
  memberNumber!: string

  @Field(() => String, { description: 'First name of the account holder.' })
  firstName!: string

  @Field(() => String, { description: 'Last name of the account holder.' })
  lastName!: string
}

/** What the service hands over for a ProcedureTask; `member` is resolved from memberId by a batched loader. */
export interface ProcedureTaskValue {
  kind: 'PROCEDURE'
  id: string
  procedure: ProcedureRow
  memberId: string
  waitingDays: number
  overdue: boolean
}

@ObjectType({ description: 'A démarche for an advisor to decide (decideProcedure), with how long the member has been waiting.' })
export class ProcedureTask {
  /** Which member of the AdvisorTask union this is; not a GraphQL field. */
  kind!: 'PROCEDURE'

  @Field(() => ID, { description: 'Identifier of the task: the démarche\'s id.' })
  id!: string

  @Field(() => AdvisorProcedure, { description: 'The démarche as an advisor sees it: request fields, supporting documents (GET /api/files/{id}) and timeline; nothing else of the household.' })
  procedure!: ProcedureRow

  @Field(() => AdvisorMemberSummary, { description: 'The member who sent it.' })
  member!: AdvisorMemberSummary

  @Field(() => Int, { description: 'Calendar days (French time) since the member sent the démarche, up to its decision, or to today while it is not decided.' })
  waitingDays!: number

  @Field(() => Boolean, { description: 'True while the démarche is "En cours" (SUBMITTED) past the estimated decision date promised to the member.' })
  overdue!: boolean
}

// messaging is not built yet: message threads waiting for an answer join this union when it lands
export const AdvisorTask = createUnionType({
  name: 'AdvisorTask',
  description: 'Something waiting for an advisor. Today only démarches (ProcedureTask); message threads waiting for an answer join when messaging lands, so select members with `... on ProcedureTask`.',
  types: () => [ProcedureTask] as const,
  resolveType: value => (value.kind === 'PROCEDURE' ? ProcedureTask : undefined),
})

@ObjectType({ description: 'One AdvisorTask in a page, with its cursor.' })
export class AdvisorTaskEdge {
  @Field(() => String, { description: 'Opaque position of this item.' })
  cursor!: string

  @Field(() => AdvisorTask, { description: 'The task.' })
  node!: ProcedureTaskValue
}

@ObjectType({ description: 'A page of the advisor\'s work queue, oldest first.' })
export class AdvisorTaskConnection {
  @Field(() => [AdvisorTaskEdge], { description: 'Tasks of the page with their cursors.' })
  edges!: AdvisorTaskEdge[]

  @Field(() => [AdvisorTask], { description: 'Tasks of the page.' })
  nodes!: ProcedureTaskValue[]

  @Field(() => PageInfo, { description: 'Where the page ends.' })
  pageInfo!: PageInfo

  @Field(() => Int, { description: 'Number of tasks matching the filters, all pages together.' })
  totalCount!: number
}
