import type { BeneficiaryRow } from '../../core/loaders.ts'
import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { maskNir } from '../members/member.service.ts'
import { Beneficiary } from './beneficiary.type.ts'
import { listBeneficiaries } from './beneficiary.service.ts'

@Authorized()
@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  @Query(() => [Beneficiary], { description: 'Everyone covered in the signed-in member\'s household, by rank.' })
  beneficiaries(@Ctx() ctx: Context): BeneficiaryRow[] {
    return listBeneficiaries(ctx)
  }

  @FieldResolver(() => String, { nullable: true, description: 'Social Security number, masked; null when the beneficiary is attached to a parent\'s number.' })
  nirMasked(@Root() b: BeneficiaryRow): string | null {
    return b.nir ? maskNir(b.nir) : null
  }
}
