import type { BankAccountUsage } from './bank-details.type.ts'
import { Field, ID, InputType } from 'type-graphql'
import { BankAccountUsageEnum } from './bank-details.type.ts'

@InputType({ description: 'A new bank account and what it is for. Checked whole; nothing is saved until confirmBankAccountChange.' })
export class BankAccountChangeInput {
  @Field(() => String, { description: 'IBAN, with or without spaces; checked (country format and length, check digits) and of a SEPA country.' })
  iban!: string

  @Field(() => String, { description: 'Holder exactly as printed on the RIB: one line, at most 70 characters.' })
  holderName!: string

  @Field(() => [BankAccountUsageEnum], { description: 'At least one: CONTRIBUTIONS and/or REIMBURSEMENTS.' })
  usages!: BankAccountUsage[]

  @Field(() => [ID], { nullable: true, description: 'With REIMBURSEMENTS: the household\'s beneficiaries whose reimbursements go to this account (at least one).' })
  beneficiaryIds?: string[] | null

  @Field(() => String, { nullable: true, description: 'BIC (8 or 11 characters); optional.' })
  bic?: string | null

  @Field(() => Boolean, { nullable: true, description: 'The member accepts the SEPA mandate text (BankDetails.mandateText); required when contributions move to another account.' })
  acceptMandate?: boolean | null
}
