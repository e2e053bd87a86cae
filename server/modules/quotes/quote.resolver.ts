import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import type { ProcedureResult } from '../procedures/reimbursement-request.service.ts'
import { ProcedurePayload } from '../procedures/procedure.payload.ts'
import { QuoteInput } from './quote.input.ts'
import { analyseQuote, submitQuote } from './quote.service.ts'
import { QuoteAnalysis } from './quote.type.ts'

@Authorized()
@Resolver()
export class QuoteResolver {
  @Query(() => QuoteAnalysis, { description: 'Members only. The estimated split of a quote (devis) — Social Security, mutuelle, out of pocket — with the guarantee applied and the forfait left, computed by the reimbursement engine for a care today. Bad input: a BAD_USER_INPUT error whose extensions.errors lists French field errors.' })
  analyseQuote(@Arg('input', () => QuoteInput, { description: 'The quote.' }) input: QuoteInput, @Ctx() ctx: Context) {
    return analyseQuote(ctx, input)
  }

  @Mutation(() => ProcedurePayload, { description: 'Members only. Sends a quote with its file (attachmentIds required) for the mutuelle\'s analysis: a « Devis » démarche (QUOTE) in Mes démarches, keeping the estimate shown.' })
  submitQuote(@Arg('input', () => QuoteInput, { description: 'The quote and its file.' }) input: QuoteInput, @Ctx() ctx: Context): ProcedureResult {
    return submitQuote(ctx, input)
  }
}
