import type { ProcedureResult } from '../procedures/reimbursement-request.service.ts'
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { ProcedurePayload } from '../procedures/procedure.payload.ts'
import { BeneficiaryAdditionInput, BeneficiaryRemovalInput } from './beneficiary-request.input.ts'
import { listFreeRanks, requestBeneficiaryAddition, requestBeneficiaryRemoval } from './beneficiary-request.service.ts'

@Authorized()
@Resolver()
export class BeneficiaryRequestResolver {
  @Query(() => [Int], { description: 'Beneficiary ranks (2–19) a new beneficiary may take: held by nobody in the household, nor asked for by a pending addition.' })
  freeBeneficiaryRanks(@Ctx() ctx: Context): number[] {
    return listFreeRanks(ctx)
  }

  @Mutation(() => ProcedurePayload, { description: 'Asks to cover one more person (« Ajout de bénéficiaire »), with a supporting document. Returns the démarche "En cours"; an advisor decides it, and on acceptance the person is covered from `coverageStart`. French field errors and nothing saved on bad input (future birth date, rank taken, invalid NIR, person already covered, missing document…).' })
  requestBeneficiaryAddition(@Arg('input', () => BeneficiaryAdditionInput, { description: 'The person and the proof.' }) input: BeneficiaryAdditionInput, @Ctx() ctx: Context): ProcedureResult {
    return requestBeneficiaryAddition(ctx, input)
  }

  @Mutation(() => ProcedurePayload, { description: 'Asks to end a beneficiary\'s coverage on a date (« Retrait de bénéficiaire »). Returns the démarche "En cours"; on acceptance the coverage ends that day.' })
  requestBeneficiaryRemoval(@Arg('input', () => BeneficiaryRemovalInput, { description: 'Who, and the last day of coverage.' }) input: BeneficiaryRemovalInput, @Ctx() ctx: Context): ProcedureResult {
    return requestBeneficiaryRemoval(ctx, input)
  }
}
