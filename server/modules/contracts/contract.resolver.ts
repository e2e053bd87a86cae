import type { BeneficiaryRow, ContractRow } from '../../core/loaders.ts'
import type { contributionInstalmentsTable, guaranteesTable } from '../../db/schema/index.ts'
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { Beneficiary } from '../beneficiaries/beneficiary.type.ts'
import { Contract, ContributionInstalment, Guarantee } from './contract.type.ts'
import { getOwnContract, listContracts } from './contract.service.ts'

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
  option(@Root() c: ContractView): string {
    return c.optionLabel
  }

  @FieldResolver(() => [Beneficiary], { description: 'Beneficiaries the contract covers, by rank.' })
  async beneficiaries(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<BeneficiaryRow[]> {
    const links = await ctx.loaders.contractBeneficiaries.load(c.id)
    const rows = await ctx.loaders.beneficiary.loadMany(links.map(l => l.beneficiaryId))
    return rows.filter((b): b is BeneficiaryRow => !!b && !(b instanceof Error)).sort((a, b) => a.rank - b.rank)
  }

  @FieldResolver(() => [Guarantee], { description: 'The guarantee table, in display order.' })
  guarantees(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<typeof guaranteesTable.$inferSelect[]> {
    return ctx.loaders.guaranteesByContract.load(c.id)
  }

  @FieldResolver(() => [ContributionInstalment], { description: 'Contribution schedule: instalments by due date.' })
  contributionSchedule(@Root() c: ContractRow, @Ctx() ctx: Context): Promise<typeof contributionInstalmentsTable.$inferSelect[]> {
    return ctx.loaders.instalmentsByContract.load(c.id)
  }
}
