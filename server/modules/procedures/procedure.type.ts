import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { Connection } from '../../core/pagination.ts'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { PROCEDURE_KINDS, PROCEDURE_STATUSES } from '../../db/schema/index.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { CareTypeEnum } from '../contracts/contract.enums.ts'
import { DECISIONS } from './procedure-decision.service.ts'

export const ProcedureKindEnum = enumFrom(PROCEDURE_KINDS, 'ProcedureKind', 'Kind of démarche.', {
  REIMBURSEMENT: 'Reimbursement request.',
  QUOTE: 'Quote (devis) sent for analysis.',
  BENEFICIARY_ADDITION: 'Request to add a beneficiary (see `beneficiaryRequest`).',
  BENEFICIARY_REMOVAL: 'Request to end a beneficiary\'s coverage (see `beneficiaryRequest`).',
  BANK_DETAILS_CHANGE: 'Change of bank details.',
  DATA_EXPORT: 'Copy of personal data (GDPR art. 15 and 20), built at once (see `dataExport`).',
  DATA_RIGHTS: 'Request of rectification, erasure, limitation or objection on personal data (see `dataRightsRequest`).',
  AFFILIATION: 'Affiliation: a change of option the member finalised from a démarche commerciale (Offre & devis); accepting it changes the contract on the chosen start date.',
  COVERAGE_AGREEMENT: 'Prise en charge asked by a health professional (partner) on a quote before the care; accepted by the rules or decided by an advisor.',
})
export const ProcedureStatusEnum = enumFrom(PROCEDURE_STATUSES, 'ProcedureStatus', 'Where a démarche stands.', {
  SUBMITTED: 'En cours: waiting for a decision.',
  ACCEPTED: 'Acceptée.',
  REJECTED: 'Refusée.',
  MISSING_DOCUMENTS: 'Pièces manquantes: the member must add documents.',
})

export const DecisionEnum = enumFrom(DECISIONS, 'Decision', 'An advisor\'s decision on a démarche.', {
  ACCEPT: 'Accept: a reimbursement request is paid at once, as computed from the contract\'s guarantees; a beneficiary addition covers the person from the chosen day; a removal ends the coverage on the chosen day; an erasure request anonymises the member; a prise en charge commits the amounts the engine computes, line by line.',
  REJECT: 'Refuse, with a note explaining why.',
  REQUEST_DOCUMENTS: 'Ask the member for documents, with a note saying which (status MISSING_DOCUMENTS); not for a prise en charge, which the professional asked.',
})

@ObjectType({ description: 'A document attached to a démarche, downloadable at GET /api/files/{id} by the member who sent it and by advisors (each advisor download is audited).' })
export class ProcedureAttachment {
  @Field(() => ID, { description: 'File id.' })
  id!: string

  @Field(() => String, { description: 'File name as uploaded, sanitised.' })
  name!: string

  @Field(() => String, { description: 'Type detected from the content: application/pdf, image/jpeg or image/png.' })
  mimeType!: string

  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number

  @Field(() => DateTimeScalar, { description: 'When it was attached.' })
  addedAt!: string
}

@ObjectType({ simpleResolvers: true, description: 'One step of a démarche\'s timeline.' })
export class ProcedureEvent {
  @Field(() => ProcedureStatusEnum, { description: 'Status entered.' })
  status!: string

  @Field(() => DateTimeScalar, { description: 'When.' })
  at!: string

  @Field(() => String, { nullable: true, description: 'Note for the member (reason of a refusal, documents asked…).' })
  note!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'A démarche: anything the member asked for, with its status and timeline.' })
export class Procedure {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => ProcedureKindEnum, { description: 'Kind.' })
  kind!: string

  @Field(() => ProcedureStatusEnum, { description: 'Current status.' })
  status!: string

  @Field(() => String, { description: 'Reference to quote when contacting the mutuelle, e.g. DEM-2026-000123.' })
  reference!: string

  @Field(() => DateTimeScalar, { description: 'When it was sent.' })
  submittedAt!: string

  @Field(() => DateScalar, { nullable: true, description: 'Expected decision date while it is being processed.' })
  estimatedDecisionDate!: string | null

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was decided.' })
  decidedAt!: string | null

  @Field(() => String, { nullable: true, description: 'Note of the decision, for the member.' })
  decisionNote!: string | null

  @Field(() => Beneficiary, { nullable: true, description: 'Beneficiary concerned, when there is one.' })
  beneficiary!: unknown

  @Field(() => CareTypeEnum, { nullable: true, description: 'Care type (reimbursements and quotes).' })
  careType!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Care date (reimbursements).' })
  careDate!: string | null

  @Field(() => Boolean, { description: 'Care received abroad.' })
  abroad!: boolean

  @Field(() => String, { nullable: true, description: 'Country of care, abroad.' })
  country!: string | null

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the amount.' })
  currency!: string | null

  @Field(() => Int, { nullable: true, description: 'Amount paid, in the minor unit of `currency` (euro cents in France).' })
  amountCents!: number | null

  @Field(() => Int, { nullable: true, description: 'Amount in euro cents (converted when abroad).' })
  amountEurCents!: number | null

  @Field(() => Float, { nullable: true, description: 'Units of the currency for one euro used for the conversion, abroad.' })
  exchangeRate!: number | null

  @Field(() => Int, { nullable: true, description: 'Social Security base (BRSS) from the member\'s décompte, in euro cents; null without décompte.' })
  socialSecurityBaseCents!: number | null

  @Field(() => Int, { nullable: true, description: 'Amount Social Security paid, from the member\'s décompte, in euro cents; null without décompte.' })
  socialSecurityPaidCents!: number | null
}

@ObjectType({ simpleResolvers: true, description: 'A page of démarches, most recent first.' })
export class ProcedureConnection extends Connection(Procedure) {}
