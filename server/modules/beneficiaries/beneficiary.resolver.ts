import type { BeneficiaryRow } from '../../core/loaders.ts'
import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { maskNir } from '../members/member.service.ts'
import { Beneficiary } from './beneficiary.type.ts'
import { listBeneficiaries, noemieHint } from './beneficiary.service.ts'

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

  @FieldResolver(() => String, { nullable: true, description: 'When télétransmission is not active: what to do about it, in plain French (e.g. the previous mutuelle still holds the link). Null when it works.' })
  noemieHint(@Root() b: BeneficiaryRow): string | null {
    return noemieHint(b)
  }
}
