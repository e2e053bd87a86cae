import type { MemberRow } from '../../core/loaders.ts'
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql'
import type { Context } from '../../context.ts'
import type { ContactDetailsResult, PendingEmailChange as PendingRow } from './contact-details.service.ts'
import { ContactDetailsInput } from './contact-details.input.ts'
import { formatPhone } from './contact-details.rules.ts'
import { confirmEmailChange, pendingEmailChange, updateContactDetails } from './contact-details.service.ts'
import { ConfirmEmailChangePayload, PendingEmailChange, UpdateContactDetailsPayload } from './contact-details.type.ts'
import { Member } from './member.type.ts'

/** « Mes coordonnées ». */
@Authorized()
@Resolver(() => Member)
export class ContactDetailsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The phone as people write it: "06 45 72 18 39" in France, "+44 20 7946 0958" elsewhere.' })
  phoneFormatted(@Root() member: MemberRow): string | null {
    return formatPhone(member.phone)
  }

  @FieldResolver(() => PendingEmailChange, { nullable: true, description: 'A new e-mail asked for and not confirmed yet (its link not followed), if any.' })
  pendingEmailChange(@Root() member: MemberRow, @Ctx() ctx: Context): PendingRow | null {
    return pendingEmailChange(ctx, member.id)
  }

  @Mutation(() => UpdateContactDetailsPayload, { description: 'Changes the member\'s postal address, phone and e-mail, confirmed with the current password. Address and phone change at once; a new e-mail only when the link mailed to it is followed (confirmEmailChange). Each change is audited and announced by e-mail.' })
  updateContactDetails(@Arg('input', () => ContactDetailsInput, { description: 'What to change.' }) input: ContactDetailsInput, @Ctx() ctx: Context): Promise<ContactDetailsResult> {
    return updateContactDetails(ctx, input)
  }
}

// public on purpose: the link may be followed on a device where the member is not signed in
@Resolver()
export class EmailConfirmationResolver {
  @Mutation(() => ConfirmEmailChangePayload, { description: 'Follows the link mailed to a new address: it becomes the member\'s e-mail and sign-in identifier; the previous address is told. Single use, 24 hours.' })
  confirmEmailChange(@Arg('token', () => String, { description: 'The `jeton` of the link received by e-mail.' }) token: string, @Ctx() ctx: Context) {
    return confirmEmailChange(ctx, token)
  }
}
