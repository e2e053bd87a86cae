import { Field, ObjectType } from 'type-graphql'
import { UserError } from '../../core/errors.ts'
import { BankAccountChange } from './bank-details.type.ts'

@ObjectType({ description: 'Result of startBankAccountChange or confirmBankAccountChange.' })
export class BankAccountChangePayload {
  @Field(() => BankAccountChange, { nullable: true, description: 'The change; null when errors.' })
  change!: BankAccountChange | null

  @Field(() => [UserError], { description: 'French field errors; empty on success. Nothing is saved when there are any.' })
  errors!: UserError[]
}
