import { Field, InputType } from 'type-graphql'

@InputType({ description: 'Postal address: in France a 5-digit postal code and the commune; abroad, the country\'s own format and the country.' })
export class AddressInput {
  @Field(() => String, { description: 'Number and street (100 characters at most).' })
  line1!: string

  @Field(() => String, { nullable: true, description: 'Building, floor, lieu-dit… (optional, 100 characters at most).' })
  line2?: string | null

  @Field(() => String, { description: 'Postal code: 5 digits of a French department in France (e.g. 75015); letters, digits, spaces or hyphens abroad.' })
  postalCode!: string

  @Field(() => String, { description: 'Commune (city), in letters.' })
  city!: string

  @Field(() => String, { description: 'Country name in French, e.g. "France" or "Belgique".' })
  country!: string
}

@InputType({ description: '« Mes coordonnées »: what to change (omitted or null fields stay as they are), confirmed with the current password.' })
export class ContactDetailsInput {
  @Field(() => String, { description: 'The account\'s current password: every change of contact details is re-authenticated.' })
  currentPassword!: string

  @Field(() => String, { nullable: true, description: 'New contact and sign-in e-mail. It takes effect only when the link sent to it is followed (24 hours, single use); the current address is told.' })
  email?: string | null

  @Field(() => String, { nullable: true, description: 'Phone number, French (06 12 34 56 78) or international (+44 20 7946 0958); stored in E.164. An empty text removes it.' })
  phone?: string | null

  @Field(() => AddressInput, { nullable: true, description: 'New postal address.' })
  address?: AddressInput | null
}
