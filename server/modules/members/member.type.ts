import { Field, ID, ObjectType } from 'type-graphql'
import { DateScalar } from '../../core/scalars.ts'

@ObjectType({ description: 'Postal address.' })
export class Address {
  @Field(() => String, { description: 'Street and number.' })
  line1!: string

  @Field(() => String, { nullable: true, description: 'Building, floor, lieu-dit…' })
  line2!: string | null

  @Field(() => String, { description: 'Postal code (5 digits in France).' })
  postalCode!: string

  @Field(() => String, { description: 'City.' })
  city!: string

  @Field(() => String, { description: 'Country name, e.g. "France".' })
  country!: string
}

@ObjectType({ description: 'The member (adhérent): the account holder of the household.' })
export class Member {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => String, { description: 'Numéro d\'adhérent, printed on the card.' })
  memberNumber!: string

  @Field(() => String, { description: 'Civility: M or MME.' })
  civility!: string

  @Field(() => String, { description: 'First name.' })
  firstName!: string

  @Field(() => String, { description: 'Last name.' })
  lastName!: string

  @Field(() => String, { description: 'Contact e-mail (also the sign-in identifier).' })
  email!: string

  @Field(() => String, { nullable: true, description: 'Contact phone in E.164 (e.g. "+33645721839"); see phoneFormatted to show it.' })
  phone!: string | null

  @Field(() => DateScalar, { description: 'Birth date.' })
  birthDate!: string

  @Field(() => Boolean, { description: 'Zéro papier: documents are only sent online.' })
  paperless!: boolean
}
