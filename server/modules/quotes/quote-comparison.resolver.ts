import type { ReimbursementSummaryRow } from '../../db/schema/index.ts'
import type { QuoteComparisonView } from './quote-reconciliation.service.ts'
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import { Reimbursement } from '../reimbursements/reimbursement.type.ts'
import { QuoteComparison } from './quote-comparison.type.ts'
import { QUOTE_MATCH_MONTHS, quoteComparison } from './quote-reconciliation.service.ts'

// kept apart from the reimbursement resolver: the quote side of a reimbursement belongs to quotes
@Authorized()
@Resolver(() => Reimbursement)
export class QuoteComparisonResolver {
  @FieldResolver(() => QuoteComparison, { nullable: true, description: `When the member sent a quote for this care (same beneficiary and care type, care within ${QUOTE_MATCH_MONTHS} months after it, the first such care): the estimate beside what was paid, with the reasons of the difference. Null otherwise.` })
  quoteComparison(@Root() row: ReimbursementSummaryRow, @Ctx() ctx: Context): QuoteComparisonView | null {
    return quoteComparison(ctx, row)
  }
}
