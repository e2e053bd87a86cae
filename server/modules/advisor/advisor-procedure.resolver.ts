import type { AdvisorBeneficiaryRow, AttachedFileRow } from '../../core/loaders.ts'
import type { ReimbursementRow } from '../../db/schema/index.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { ProcedureAttachment, ProcedureEvent } from '../procedures/procedure.type.ts'
import { nowIso } from '../../core/clock.ts'
import { changeOfProcedure } from '../bank-accounts/bank-account-change.service.ts'
import { advisorBeneficiaryRequest } from '../beneficiaries/beneficiary-request.service.ts'
import { advisorAgreementView } from '../coverage/coverage-agreement.service.ts'
import { dataRightsRequestDetails } from '../personal-data/data-rights.service.ts'
import { DataRightsRequestDetails } from '../personal-data/personal-data.type.ts'
import { AdvisorBankAccountChange, AdvisorBeneficiary, AdvisorBeneficiaryRequest, AdvisorCoverageAgreement, AdvisorOptionChange, AdvisorProcedure, AdvisorReimbursement } from './advisor-procedure.type.ts'
import { optionChangeDetails } from '../offers/commercial-journey.service.ts'

// reached only through advisorQueue, advisorProcedure and decideProcedure, which audit the read
@Authorized('ADVISOR')
@Resolver(() => AdvisorProcedure)
export class AdvisorProcedureResolver {
  @FieldResolver(() => AdvisorBeneficiary, { nullable: true, description: 'Who the care was for, when there is one.' })
  async beneficiary(@Root() row: ProcedureRow, @Ctx() ctx: Context): Promise<AdvisorBeneficiaryRow | null> {
    return row.beneficiaryId ? (await ctx.loaders.advisorBeneficiary.load(row.beneficiaryId)) ?? null : null
  }

  @FieldResolver(() => String, { nullable: true, description: 'Health professional or establishment named by the member, when given.' })
  providerName(@Root() row: ProcedureRow): string | null {
    const name = (row.details as { providerName?: unknown } | null)?.providerName
    return typeof name === 'string' ? name : null
  }

  @FieldResolver(() => [ProcedureEvent], { description: 'Status timeline, oldest first.' })
  history(@Root() row: ProcedureRow, @Ctx() ctx: Context) {
    return ctx.loaders.procedureEvents.load(row.id)
  }

  @FieldResolver(() => [ProcedureAttachment], { description: 'Supporting documents, downloadable at GET /api/files/{id} (each download is audited).' })
  attachments(@Root() row: ProcedureRow, @Ctx() ctx: Context): Promise<AttachedFileRow[]> {
    return ctx.loaders.procedureAttachments.load(row.id)
  }

  @FieldResolver(() => AdvisorReimbursement, { nullable: true, description: 'What an accepted reimbursement request paid; null otherwise.' })
  async reimbursement(@Root() row: ProcedureRow, @Ctx() ctx: Context): Promise<ReimbursementRow | null> {
    if (row.kind !== 'REIMBURSEMENT' || row.status !== 'ACCEPTED')
      return null
    return (await ctx.loaders.reimbursementsByProcedure.load(row.id))[0] ?? null
  }

  @FieldResolver(() => AdvisorBankAccountChange, { nullable: true, description: 'For a « Modification de RIB » démarche: the change under review, IBAN masked; null otherwise.' })
  bankAccountChange(@Root() row: ProcedureRow, @Ctx() ctx: Context): AdvisorBankAccountChange | null {
    if (row.kind !== 'BANK_DETAILS_CHANGE')
      return null
    const change = changeOfProcedure(ctx.db, row.id, nowIso(ctx.clock))
    if (!change)
      return null
    const { status, ibanMasked, holderName, bic, usages, newMandate } = change
    return { status, ibanMasked, holderName, bic, usages, newMandate, beneficiaries: change.beneficiaries.map(b => ({ id: b.id, firstName: b.firstName, lastName: b.lastName, relationship: b.relationship })) as AdvisorBeneficiary[] }
  }

  @FieldResolver(() => AdvisorBeneficiaryRequest, { nullable: true, description: 'For an « Ajout » or « Retrait de bénéficiaire » démarche: what the decision needs, without the Social Security number; null otherwise.' })
  beneficiaryRequest(@Root() row: ProcedureRow): AdvisorBeneficiaryRequest | null {
    return advisorBeneficiaryRequest(row)
  }

  @FieldResolver(() => DataRightsRequestDetails, { nullable: true, description: 'For a DATA_RIGHTS démarche: the right, the member\'s request and the day the answer is due; null otherwise.' })
  dataRightsRequest(@Root() row: ProcedureRow): DataRightsRequestDetails | null {
    return dataRightsRequestDetails(row)
  }

  @FieldResolver(() => AdvisorCoverageAgreement, { nullable: true, description: 'For a « Prise en charge » démarche: the professional\'s request and its lines; null otherwise.' })
  async coverageAgreement(@Root() row: ProcedureRow, @Ctx() ctx: Context): Promise<AdvisorCoverageAgreement | null> {
    if (row.kind !== 'COVERAGE_AGREEMENT')
      return null
    const agreement = await ctx.loaders.coverageAgreementByProcedure.load(row.id)
    return agreement ? advisorAgreementView(agreement, row) : null
  }

  @FieldResolver(() => AdvisorOptionChange, { nullable: true, description: 'For an « Affiliation » démarche: the change of option to decide; null otherwise.' })
  optionChange(@Root() row: ProcedureRow): AdvisorOptionChange | null {
    const d = optionChangeDetails(row)
    return d ? { productLabel: d.productLabel, fromOption: d.fromOption, toOption: d.toOption, startDate: d.startDate, monthlyBeforeCents: d.monthlyBeforeCents, monthlyAfterCents: d.monthlyAfterCents, coveredCount: d.coveredCount } : null
  }
}
