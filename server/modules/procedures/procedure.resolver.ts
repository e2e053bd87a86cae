import type { AttachedFileRow, BeneficiaryRow } from '../../core/loaders.ts'
import type { GraphQLResolveInfo } from 'graphql'
import type { ProcedureListRow, ProcedureRow } from './procedure.service.ts'
import type { Decision } from './procedure-decision.service.ts'
import type { ProcedureResult } from './reimbursement-request.service.ts'
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { asksOnly } from '../../core/selection.ts'
import type { ProcedureKind, ProcedureStatus, ReimbursementRow } from '../../db/schema/index.ts'
import type { BankAccountChangeView } from '../bank-accounts/bank-account-change.service.ts'
import { nowIso } from '../../core/clock.ts'
import { changeOfProcedure } from '../bank-accounts/bank-account-change.service.ts'
import { BankAccountChange } from '../bank-accounts/bank-details.type.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { BeneficiaryRequestDetails } from '../beneficiaries/beneficiary-request.type.ts'
import { beneficiaryRequestDetails } from '../beneficiaries/beneficiary-request.service.ts'
import { DataExportArchive, DataRightsRequestDetails } from '../personal-data/personal-data.type.ts'
import { dataExportArchive } from '../personal-data/data-export.service.ts'
import { dataRightsRequestDetails } from '../personal-data/data-rights.service.ts'
import { Reimbursement } from '../reimbursements/reimbursement.type.ts'
import { ReimbursementEstimateInput, ReimbursementRequestInput } from './procedure.input.ts'
import { ProcedurePayload } from './procedure.payload.ts'
import { DecisionEnum, Procedure, ProcedureAttachment, ProcedureConnection, ProcedureEvent, ProcedureKindEnum, ProcedureStatusEnum } from './procedure.type.ts'
import { listProcedures } from './procedure.service.ts'
import { decideProcedure } from './procedure-decision.service.ts'
import { addProcedureDocuments, estimateReimbursementRequest, submitReimbursementRequest } from './reimbursement-request.service.ts'
import { ReimbursementEstimatePayload } from './reimbursement-request.type.ts'

@ArgsType()
class ProceduresArgs extends PageArgs {
  @Field(() => ProcedureStatusEnum, { nullable: true, description: 'Only this status.' })
  status?: ProcedureStatus | null

  @Field(() => ProcedureStatusEnum, { nullable: true, description: 'Every status but this one: Mes démarches lists the démarches waiting for a document apart, first.' })
  exceptStatus?: ProcedureStatus | null

  @Field(() => ProcedureKindEnum, { nullable: true, description: 'Only this kind.' })
  kind?: ProcedureKind | null

  @Field(() => ID, { nullable: true, description: 'Only this beneficiary.' })
  beneficiaryId?: string | null
}

/**
 * Whether a list asks only for fields a ProcedureListRow answers (the home page): then it reads the
 * list's columns, otherwise whole rows (every field resolver below but `beneficiary` takes one).
 */
const listRowsSuffice = asksOnly(new Set(['__typename', 'id', 'kind', 'status', 'reference', 'submittedAt', 'careType', 'careDate', 'beneficiary']))

@Authorized()
@Resolver(() => Procedure)
export class ProcedureResolver {
  @Query(() => ProcedureConnection, { description: 'The household\'s démarches, most recently sent first.' })
  procedures(@Args(() => ProceduresArgs) args: ProceduresArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after, ...filter } = args
    return listProcedures(ctx, filter, first, after, listRowsSuffice(info) ? 'list' : 'whole')
  }

  @FieldResolver(() => Beneficiary, { nullable: true })
  async beneficiary(@Root() row: ProcedureListRow, @Ctx() ctx: Context): Promise<BeneficiaryRow | null> {
    return row.beneficiaryId ? (await ctx.loaders.beneficiary.load(row.beneficiaryId)) ?? null : null
  }

  @FieldResolver(() => [ProcedureEvent], { description: 'Status timeline, oldest first.' })
  history(@Root() row: ProcedureRow, @Ctx() ctx: Context) {
    return ctx.loaders.procedureEvents.load(row.id)
  }

  @FieldResolver(() => [ProcedureAttachment], { description: 'Supporting documents, in the order they were attached.' })
  attachments(@Root() row: ProcedureRow, @Ctx() ctx: Context): Promise<AttachedFileRow[]> {
    return ctx.loaders.procedureAttachments.load(row.id)
  }

  @FieldResolver(() => String, { nullable: true, description: 'Health professional or establishment named by the member, when given.' })
  providerName(@Root() row: ProcedureRow): string | null {
    const name = (row.details as { providerName?: unknown } | null)?.providerName
    return typeof name === 'string' ? name : null
  }

  @FieldResolver(() => BeneficiaryRequestDetails, { nullable: true, description: 'What a beneficiary addition or removal asks for; null for other kinds.' })
  beneficiaryRequest(@Root() row: ProcedureRow): BeneficiaryRequestDetails | null {
    return beneficiaryRequestDetails(row)
  }

  @FieldResolver(() => DataRightsRequestDetails, { nullable: true, description: 'What a DATA_RIGHTS démarche asks for, and the day the answer is due; null for other kinds.' })
  dataRightsRequest(@Root() row: ProcedureRow): DataRightsRequestDetails | null {
    return dataRightsRequestDetails(row)
  }

  @FieldResolver(() => DataExportArchive, { nullable: true, description: 'The archive of a data export built by the portal; null for other kinds and for older exports sent otherwise.' })
  dataExport(@Root() row: ProcedureRow): DataExportArchive | null {
    return dataExportArchive(row)
  }

  @FieldResolver(() => Reimbursement, { nullable: true, description: 'The reimbursement paid for an accepted reimbursement request.' })
  async reimbursement(@Root() row: ProcedureRow, @Ctx() ctx: Context): Promise<ReimbursementRow | null> {
    if (row.kind !== 'REIMBURSEMENT' || row.status !== 'ACCEPTED')
      return null
    return (await ctx.loaders.reimbursementsByProcedure.load(row.id))[0] ?? null
  }

  @FieldResolver(() => BankAccountChange, { nullable: true, description: 'For a « Modification de RIB » démarche made online: the change, IBAN masked.' })
  bankAccountChange(@Root() row: ProcedureRow, @Ctx() ctx: Context): BankAccountChangeView | null {
    return row.kind === 'BANK_DETAILS_CHANGE' ? changeOfProcedure(ctx.db, row.id, nowIso(ctx.clock)) : null
  }

  @Query(() => ReimbursementEstimatePayload, { description: 'What the mutuelle would pay for a care, computed from the contract\'s guarantees with the same checks as submitReimbursementRequest. Indicative.' })
  reimbursementRequestEstimate(@Arg('input', () => ReimbursementEstimateInput, { description: 'The care as entered so far.' }) input: ReimbursementEstimateInput, @Ctx() ctx: Context): ReimbursementEstimatePayload {
    return estimateReimbursementRequest(ctx, input)
  }

  @Mutation(() => ProcedurePayload, { description: 'Sends a reimbursement request with its documents (ids from POST /api/uploads). Returns the new démarche "En cours" with its estimated decision date, or French field errors and nothing saved.' })
  submitReimbursementRequest(@Arg('input', () => ReimbursementRequestInput, { description: 'The request.' }) input: ReimbursementRequestInput, @Ctx() ctx: Context): ProcedureResult {
    return submitReimbursementRequest(ctx, input)
  }

  @Mutation(() => ProcedurePayload, { description: 'Adds documents to a démarche in "Pièces manquantes" (MISSING_DOCUMENTS); it goes back to "En cours".' })
  addProcedureDocuments(
    @Arg('procedureId', () => ID, { description: 'The démarche, of the member\'s household.' }) procedureId: string,
    @Arg('attachmentIds', () => [ID], { description: 'Ids from POST /api/uploads: 1 to 5 documents not attached elsewhere.' }) attachmentIds: string[],
    @Ctx() ctx: Context,
  ): ProcedureResult {
    return addProcedureDocuments(ctx, procedureId, attachmentIds)
  }

  @Authorized('ADVISOR')
  @Mutation(() => ProcedurePayload, { description: 'Advisor only. Decides a démarche once: ACCEPT pays a reimbursement request as computed from the contract (the first payment into an account is held 72 hours), or applies a RIB change held for review (REJECT drops it); REJECT and REQUEST_DOCUMENTS need a note the member reads. Recorded in the audit log.' })
  decideProcedure(
    @Arg('procedureId', () => ID, { description: 'The démarche.' }) procedureId: string,
    @Arg('decision', () => DecisionEnum, { description: 'The decision.' }) decision: Decision,
    @Arg('note', () => String, { nullable: true, description: 'Message to the member (required to refuse or to ask for documents; 2,000 characters at most).' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProcedureResult> {
    return decideProcedure(ctx, procedureId, decision, note)
  }
}
