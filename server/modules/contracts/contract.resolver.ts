import type { BeneficiaryRow, ContractRow } from '../../core/loaders.ts'
import type { ContributionSummaryView, Coverage, ForfaitCounterView, GuaranteeRow, UpcomingChangeView } from './contract.service.ts'
import type { ScheduleLine } from './contribution-schedule.ts'
import type { GuaranteeExampleResult } from './guarantee-example.ts'
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { Contract, ContractChange, ContractCoverage, ContributionInstalment, ContributionSummary, ForfaitCounter, Guarantee, GuaranteeExample } from './contract.type.ts'
import { contractCoverages, contributionLines, contributionSummary, forfaitCounters, getOwnContract, guaranteesToday, listContracts, termsToday, upcomingChange } from './contract.service.ts'
import { guaranteeExample, guaranteeSummary, hundredPercentSanteExample } from './guarantee-example.ts'

type ContractView = ContractRow & { label?: string, option?: string }

@Authorized()
@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => [Contract], { description: 'The signed-in member\'s contracts, main one first.' })
  contracts(@Ctx() ctx: Context): ContractRow[] {
    return listContracts(ctx)
  }

  @Query(() => Contract, { nullable: true, description: 'One of the member\'s contracts; without id, the main contract. Another household\'s id is NOT_FOUND.' })
  contract(@Arg('id', () => ID, { nullable: true, description: 'Contract id.' }) id: string | null, @Ctx() ctx: Context): ContractRow {
    return getOwnContract(ctx, id)
  }

  @FieldResolver(() => String)
  label(@Root() c: ContractView): string {
    return c.productLabel
  }

  @FieldResolver(() => String)
  async option(@Root() c: ContractView, @Ctx() ctx: Context): Promise<string> {
    return (await termsToday(ctx, c)).optionLabel
  }

  @FieldResolver(() => Int)
  async monthlyContributionCents(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<number> {
    return (await termsToday(ctx, c)).monthlyContributionCents
  }

  @FieldResolver(() => Int)
  async memberMonthlyContributionCents(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<number> {
    return (await termsToday(ctx, c)).monthlyContributionCents - c.employerParticipationCents
  }

  @FieldResolver(() => ContractChange, { nullable: true, description: 'A change of option accepted but not yet in force (from a démarche commerciale): the option, the price and the guarantee table from its effective date. Null when none is coming.' })
  upcomingChange(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<UpcomingChangeView | null> {
    return upcomingChange(ctx, c)
  }

  @FieldResolver(() => [Beneficiary], { description: 'Beneficiaries the contract covers, by rank.' })
  async beneficiaries(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<BeneficiaryRow[]> {
    return (await contractCoverages(ctx, c)).map(coverage => coverage.beneficiary)
  }

  @FieldResolver(() => [ContractCoverage], { description: 'Beneficiaries the contract covers with the dates of their coverage under it, by rank.' })
  coverages(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<Coverage[]> {
    return contractCoverages(ctx, c)
  }

  @FieldResolver(() => [Guarantee], { description: 'The guarantee table in force today, in display order (see upcomingChange for a table decided for later).' })
  guarantees(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<GuaranteeRow[]> {
    return guaranteesToday(ctx, c)
  }

  @FieldResolver(() => [ForfaitCounter], { description: 'Yearly forfaits of the current calendar year, per covered beneficiary (by rank) and guarantee (in table order): yearly, used and remaining amounts and the reset date.' })
  forfaitCounters(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<ForfaitCounterView[]> {
    return forfaitCounters(ctx, c)
  }

  @FieldResolver(() => [ContributionInstalment], { description: 'Contribution schedule: instalments by due date, each with what its debit presented again and where it stands.' })
  contributionSchedule(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<ScheduleLine[]> {
    return contributionLines(ctx, c)
  }

  @FieldResolver(() => ContributionSummary, { description: 'Totals of the contribution schedule and the SEPA mandate it is debited under.' })
  contributionSummary(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<ContributionSummaryView> {
    return contributionSummary(ctx, c)
  }
}

/** The worked examples of a guarantee line, wherever the line appears. */
@Authorized()
@Resolver(() => Guarantee)
export class GuaranteeResolver {
  @FieldResolver(() => String)
  summary(@Root() g: GuaranteeRow): string {
    return guaranteeSummary(g)
  }

  @FieldResolver(() => GuaranteeExample)
  example(@Root() g: GuaranteeRow): GuaranteeExampleResult {
    return guaranteeExample(g)
  }

  @FieldResolver(() => GuaranteeExample, { nullable: true })
  hundredPercentSanteExample(@Root() g: GuaranteeRow): GuaranteeExampleResult | null {
    return hundredPercentSanteExample(g)
  }
}
