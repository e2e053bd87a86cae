import { Field, ObjectType } from 'type-graphql'

@ObjectType({ description: 'Who runs the portal: the mutuelle\'s identity, as configured by it (MUTUELLE_* variables).' })
export class Mutuelle {
  @Field(() => String, { description: 'Name, as shown in the header, the footer and the PDFs.' })
  name!: string

  @Field(() => String, { description: 'Legal form (e.g. "Mutuelle soumise aux dispositions du livre II du Code de la mutualité").' })
  legalForm!: string

  @Field(() => String, { description: 'Registration (SIREN / RNM) as it must appear in the legal notice.' })
  registration!: string

  @Field(() => String, { description: 'Registered office address.' })
  address!: string

  @Field(() => String, { description: 'Director of publication of the portal.' })
  publicationDirector!: string

  @Field(() => String, { description: 'Who hosts the portal and where.' })
  host!: string

  @Field(() => String, { description: 'How to reach the data protection officer (DPO).' })
  dataProtectionContact!: string

  @Field(() => String, { description: 'Supervisory authority of the mutuelle.' })
  supervisor!: string
}

@ObjectType({ description: 'How long the portal keeps one kind of data, as the code enforces it.' })
export class RetentionPeriod {
  @Field(() => String, { description: 'Stable key, e.g. SESSION_IDLE, UNSENT_UPLOADS, MESSAGES, AUDIT_TRAIL.' })
  key!: string

  @Field(() => String, { description: 'What is kept, in French.' })
  label!: string

  @Field(() => String, { description: 'For how long, in French words (e.g. "15 minutes", "1 an").' })
  duration!: string

  @Field(() => String, { description: 'What happens at the end, in French.' })
  detail!: string
}

@ObjectType({ description: 'A cookie the portal sets.' })
export class CookieInfo {
  @Field(() => String, { description: 'Cookie name.' })
  name!: string

  @Field(() => String, { description: 'What it is for, in French.' })
  purpose!: string

  @Field(() => String, { description: 'How long it lasts, in French.' })
  duration!: string

  @Field(() => Boolean, { description: 'Strictly necessary to the service (no consent needed).' })
  strictlyNecessary!: boolean
}

@ObjectType({ description: 'What the site\'s own pages (legal notice, privacy policy, cookies) state, read from the configuration and the code.' })
export class SiteInformation {
  @Field(() => Mutuelle, { description: 'The mutuelle running the portal.' })
  mutuelle!: Mutuelle

  @Field(() => [RetentionPeriod], { description: 'Retention periods the code applies.' })
  retention!: RetentionPeriod[]

  @Field(() => [CookieInfo], { description: 'Every cookie the portal sets.' })
  cookies!: CookieInfo[]
}
