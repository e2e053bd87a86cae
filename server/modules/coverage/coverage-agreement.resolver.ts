import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { CoverageAgreementInput } from './coverage-agreement.input.ts'
import { coverageAgreementOf, requestCoverageAgreement } from './coverage-agreement.service.ts'
import { CoverageAgreement, CoverageAgreementPayload } from './coverage-agreement.type.ts'

@Resolver()
export class CoverageAgreementResolver {
  // partners only, with the scope: members and advisors never ask for a prise en charge here
  @Authorized('pec:write')
  @Mutation(() => CoverageAgreementPayload, { description: 'Prise en charge on a quote before the care (partner token with scope pec:write). The reimbursement engine computes what the mutuelle commits to pay, line by line, with a validity date; hospitalisations, quotes above 1 500 € and care the contract does not list are studied by an advisor (status UNDER_REVIEW: ask again with coverageAgreement). Every call is audited and shown to the member.' })
  requestCoverageAgreement(
    @Arg('input', () => CoverageAgreementInput, { description: 'The patient\'s card and birth date, the provider, the care and the quote\'s lines.' }) input: CoverageAgreementInput,
    @Ctx() ctx: Context,
  ): CoverageAgreementPayload {
    return requestCoverageAgreement(ctx, input)
  }

  @Authorized('pec:write')
  @Query(() => CoverageAgreement, { description: 'State of a prise en charge asked with this token (partner token with scope pec:write). Another token\'s id answers NOT_FOUND, as an unknown one.' })
  coverageAgreement(
    @Arg('id', () => ID, { description: 'Id returned by requestCoverageAgreement.' }) id: string,
    @Ctx() ctx: Context,
  ): CoverageAgreement {
    return coverageAgreementOf(ctx, id)
  }
}
