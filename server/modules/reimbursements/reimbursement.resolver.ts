import type { GraphQLResolveInfo } from 'graphql'
import type { ReimbursementListRow, ReimbursementRow, ReimbursementSummaryRow } from '../../db/schema/index.ts'
import type { BeneficiaryRow, ContractRow, ShareWithContract } from '../../core/loaders.ts'
import type { ProcedureRow } from '../procedures/procedure.service.ts'
import type { GuaranteeRow } from './reimbursement-calculation.ts'
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { PageArgs } from '../../core/pagination.ts'
import { asksOnly } from '../../core/selection.ts'
import { DateScalar } from '../../core/scalars.ts'
import { maskIban } from '../bank-accounts/mask-iban.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { CareTypeEnum } from '../contracts/contract.enums.ts'
import { Contract, Guarantee } from '../contracts/contract.type.ts'
import { agreementForReimbursement } from '../coverage/coverage-agreement.service.ts'
import { ReimbursementAgreement } from '../coverage/coverage-agreement.type.ts'
import { Procedure } from '../procedures/procedure.type.ts'
import { REFERENCE_RATES, REFERENCE_RATES_DATE } from './exchange-rates.ts'
import { ContractShare, ExchangeRateTable, PaidBankAccount, Reimbursement, ReimbursementConnection } from './reimbursement.type.ts'
import { getOwnReimbursement, listReimbursements } from './reimbursement.service.ts'

@ArgsType()
class ReimbursementsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this beneficiary\'s reimbursements.' })
  beneficiaryId?: string | null

  @Field(() => CareTypeEnum, { nullable: true, description: 'Only this care type.' })
  careType?: keyof typeof CareTypeEnum | null

  @Field(() => DateScalar, { nullable: true, description: 'Paid on or after this day.' })
  from?: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Paid on or before this day.' })
  to?: string | null
}

/**
 * Whether a list asks only for fields a ReimbursementListRow answers: then it reads the list's
 * columns, otherwise whole rows (every field resolver below but these two takes a summary row).
 */
const listRowsSuffice = asksOnly(new Set(['__typename', 'id', 'careType', 'careLabel', 'careDate', 'paymentDate', 'expenseCents', 'socialSecurityCents', 'mutuelleCents', 'outOfPocketCents', 'payee', 'reimbursedCents', 'beneficiary']))

@Authorized()
@Resolver(() => Reimbursement)
export class ReimbursementResolver {
  @Query(() => ReimbursementConnection, { description: 'The household\'s reimbursements, newest payment first, filtered; with totals of the filtered set.' })
  reimbursements(@Args(() => ReimbursementsArgs) args: ReimbursementsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const { first, after, ...filter } = args
    return listReimbursements(ctx, filter, first, after, listRowsSuffice(info) ? 'list' : 'summary')
  }

  @Query(() => Reimbursement, { nullable: true, description: 'One reimbursement of the household. Another household\'s id is NOT_FOUND.' })
  reimbursement(@Arg('id', () => ID, { description: 'Reimbursement id.' }) id: string, @Ctx() ctx: Context): ReimbursementRow {
    return getOwnReimbursement(ctx, id)
  }

  @FieldResolver(() => Beneficiary)
  async beneficiary(@Root() row: ReimbursementListRow, @Ctx() ctx: Context): Promise<BeneficiaryRow> {
    return (await ctx.loaders.beneficiary.load(row.beneficiaryId))!
  }

  @FieldResolver(() => [String], { description: '"Pourquoi ce montant ?": the computation explained line by line, in French.' })
  async explanation(@Root() row: ReimbursementSummaryRow | ReimbursementRow, @Ctx() ctx: Context): Promise<string[]> {
    return 'explanation' in row ? row.explanation : ctx.loaders.reimbursementExplanation.load(row.id)
  }

  @FieldResolver(() => Int, { description: 'Reimbursed in all (Social Security + mutuelle), in euro cents.' })
  reimbursedCents(@Root() row: ReimbursementListRow): number {
    return row.socialSecurityCents + row.mutuelleCents
  }

  @FieldResolver(() => [ContractShare])
  async shares(@Root() row: ReimbursementSummaryRow, @Ctx() ctx: Context): Promise<ShareWithContract[]> {
    return ctx.loaders.reimbursementShares.load(row.id)
  }

  @FieldResolver(() => Contract, { description: 'The first contract that paid (see `shares` for each contract\'s part).' })
  async contract(@Root() row: ReimbursementSummaryRow, @Ctx() ctx: Context): Promise<ContractRow> {
    return (await ctx.loaders.contract.load(row.contractId))!
  }

  @FieldResolver(() => Guarantee, { nullable: true, description: 'The line of the guarantee table of the first contract that paid; null when no contract covers the care.' })
  async guarantee(@Root() row: ReimbursementSummaryRow, @Ctx() ctx: Context): Promise<GuaranteeRow | null> {
    return row.guaranteeId ? (await ctx.loaders.guarantee.load(row.guaranteeId)) ?? null : null
  }

  @FieldResolver(() => PaidBankAccount, { nullable: true, description: 'Account the mutuelle paid into, IBAN masked; null when it paid the professional (tiers payant).' })
  async bankAccount(@Root() row: ReimbursementSummaryRow, @Ctx() ctx: Context): Promise<PaidBankAccount | null> {
    const account = row.bankAccountId ? await ctx.loaders.bankAccount.load(row.bankAccountId) : undefined
    return account ? { holderName: account.holderName, ibanMasked: maskIban(account.iban) } : null
  }

  @FieldResolver(() => Procedure, { nullable: true, description: 'The member\'s reimbursement request this reimbursement answers (origin REQUEST).' })
  async procedure(@Root() row: ReimbursementSummaryRow, @Ctx() ctx: Context): Promise<ProcedureRow | null> {
    return row.procedureId ? (await ctx.loaders.procedure.load(row.procedureId)) ?? null : null
  }

  @FieldResolver(() => ReimbursementAgreement, { nullable: true, description: 'The prise en charge this care was paid under, when a professional asked for one before the care: committed and paid side by side. Asked by the detail page only (one query per reimbursement).' })
  coverageAgreement(@Root() row: ReimbursementSummaryRow, @Ctx() ctx: Context): ReimbursementAgreement | null {
    return agreementForReimbursement(ctx.db, row)
  }

  @Query(() => ExchangeRateTable, { description: 'Reference exchange rates for care paid abroad, with their date. Indicative.' })
  exchangeRates(): ExchangeRateTable {
    return { date: REFERENCE_RATES_DATE, rates: REFERENCE_RATES.map(r => ({ ...r })) }
  }
}
