import { Field, ID, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { Connection } from '../../core/pagination.ts'
import { DateTimeScalar } from '../../core/scalars.ts'

export const ACCESS_ACTOR_KINDS = ['ADVISOR', 'PARTNER'] as const
export type AccessActorKind = typeof ACCESS_ACTOR_KINDS[number]

export const AccessActorKindEnum = enumFrom(ACCESS_ACTOR_KINDS, 'AccessActorKind', 'Who, outside the household, accessed the member\'s file.', {
  ADVISOR: 'An advisor (conseiller) of the mutuelle, signed in to the advisor area.',
  PARTNER: 'A partner health professional (pharmacy, optician…) calling the API with its token.',
})

@ObjectType({ description: 'One access to the member\'s file by someone else than the member, as recorded in the audit trail (GDPR art. 9: every advisor access is visible to the member). Holds no health detail beyond what the member already knows.' })
export class AccessLogEntry {
  @Field(() => ID, { description: 'Opaque identifier of the recorded event.' })
  id!: string

  @Field(() => DateTimeScalar, { description: 'When the access happened.' })
  at!: string

  @Field(() => AccessActorKindEnum, { description: 'Kind of actor: an advisor or a partner.' })
  actorKind!: AccessActorKind

  @Field(() => String, { description: 'Who, in French, ready to show: the advisor\'s name and role (e.g. "Claire Moreau, conseillère") or the partner\'s name (e.g. "Pharmacie du Centre").' })
  actorLabel!: string

  @Field(() => String, { description: 'Stable code of what was done: ADVISOR_VIEW_PROCEDURE (a démarche opened), ADVISOR_LIST_QUEUE (démarches seen in a page of the advisor queue), ADVISOR_VIEW_FILE (a supporting document downloaded), PROCEDURE_DECISION (a démarche decided), PARTNER_COVERAGE_CHECK (tiers-payant rights checked), PARTNER_COVERAGE_AGREEMENT (a prise en charge asked by a professional), PARTNER_COVERAGE_AGREEMENT_VIEW (its answer read again). Other codes may be added; show `description` for them.' })
  action!: string

  @Field(() => String, { description: 'What was done, in plain French, to read after `actorLabel`, e.g. "a consulté votre démarche DEM-2026-000123".' })
  description!: string
}

@ObjectType({ description: 'A page of accesses to the member\'s file by advisors and partners, newest first.' })
export class AccessLogEntryConnection extends Connection(AccessLogEntry) {}
