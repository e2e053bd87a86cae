import type { BankAccountChangeResult } from './bank-account-change.service.ts'
import type { BankDetailsView } from './bank-details.service.ts'
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql'
import type { Context } from '../../context.ts'
import { BankAccountChangeInput } from './bank-account-change.input.ts'
import { BankAccountChangePayload } from './bank-account-change.payload.ts'
import { confirmBankAccountChange, startBankAccountChange } from './bank-account-change.service.ts'
import { getBankDetails } from './bank-details.service.ts'
import { BankDetails } from './bank-details.type.ts'

@Authorized()
@Resolver(() => BankDetails)
export class BankDetailsResolver {
  @Query(() => BankDetails, { description: 'The household\'s bank details (Mes informations bancaires): accounts with masked IBANs, the account of each beneficiary, the SEPA mandate in force, the next debits and the rules on changes. Members only.' })
  bankDetails(@Ctx() ctx: Context): Promise<BankDetailsView> {
    return getBankDetails(ctx)
  }

  @Mutation(() => BankAccountChangePayload, { description: 'Steps 1–2 of a change of bank details: checks the IBAN (format, length, check digits, SEPA country), BIC, holder and usages, and records a PENDING change that expires after 15 minutes. Nothing of the accounts changes yet. At most 3 changes a day; refused within an hour of a password or e-mail change.' })
  startBankAccountChange(@Arg('input', () => BankAccountChangeInput, { description: 'The new account and its usages.' }) input: BankAccountChangeInput, @Ctx() ctx: Context): BankAccountChangeResult {
    return startBankAccountChange(ctx, input)
  }

  @Mutation(() => BankAccountChangePayload, { description: 'Step 3: confirms a PENDING change with the member\'s current password. Applies it at once (new SEPA mandate when contributions move, « Modification de RIB » démarche, audit event, e-mail to the address on file), or, for a second change within 30 days, sends it to an advisor (IN_REVIEW). Three wrong passwords cancel the change.' })
  confirmBankAccountChange(
    @Arg('changeId', () => ID, { description: 'The change returned by startBankAccountChange.' }) changeId: string,
    @Arg('password', () => String, { description: 'The member\'s current password (re-authentication).' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<BankAccountChangeResult> {
    return confirmBankAccountChange(ctx, changeId, password)
  }
}
