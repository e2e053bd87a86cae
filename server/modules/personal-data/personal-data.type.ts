import { Field, InputType, Int, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { UserError } from '../../core/errors.ts'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { CONSENT_KINDS } from '../../db/schema/index.ts'
import { DATA_RIGHTS } from './data-rights.service.ts'

export const DataRightEnum = enumFrom(DATA_RIGHTS, 'DataRight', 'A GDPR right the member exercises through a démarche (answered within one month).', {
  RECTIFICATION: 'Have inaccurate data corrected (art. 16).',
  ERASURE: 'Have data erased (art. 17): on acceptance the member is anonymised; contracts and payments are kept for the legal periods and the audit trail, append-only, is kept.',
  LIMITATION: 'Have the processing of data limited (art. 18).',
  OBJECTION: 'Object to a processing, e.g. marketing (art. 21).',
})
export const ConsentKindEnum = enumFrom(CONSENT_KINDS, 'ConsentKind', 'A choice the member may give and withdraw at any time.', {
  PAPERLESS: '« Zéro papier »: documents online only, nothing sent by post.',
  NEWS_EMAIL: 'News and offers of the mutuelle by e-mail.',
})

@InputType({ description: 'A request to exercise a right on one\'s personal data.' })
export class DataRightsRequestInput {
  @Field(() => DataRightEnum, { description: 'Which right.' })
  right!: string

  @Field(() => String, { description: 'What the request is about (which data, what to change), 2,000 characters at most.' })
  message!: string
}

@ObjectType({ description: 'What a DATA_RIGHTS démarche asks for.' })
export class DataRightsRequestDetails {
  @Field(() => DataRightEnum, { description: 'The right exercised.' })
  right!: string

  @Field(() => String, { description: 'The member\'s request, as written.' })
  message!: string

  @Field(() => DateScalar, { description: 'Day by which the mutuelle must answer: one month after the request (GDPR art. 12(3)).' })
  answerDueDate!: string
}

@ObjectType({ description: 'The archive of a data export (DATA_EXPORT démarche): a ZIP with mes-donnees.json and a PDF summary.' })
export class DataExportArchive {
  @Field(() => String, { description: 'Where its owner downloads it (GET, session cookie); nobody else can.' })
  downloadUrl!: string

  @Field(() => String, { description: 'File name of the archive.' })
  fileName!: string

  @Field(() => Int, { description: 'Size in bytes.' })
  sizeBytes!: number
}

@ObjectType({ description: 'A consent and its latest period.' })
export class Consent {
  @Field(() => ConsentKindEnum, { description: 'Which consent.' })
  kind!: string

  @Field(() => Boolean, { description: 'Whether it is given now.' })
  granted!: boolean

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last given; null if never.' })
  grantedAt!: string | null

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was withdrawn after that; null while it runs.' })
  withdrawnAt!: string | null
}

@ObjectType({ description: 'Result of giving or withdrawing a consent.' })
export class ConsentPayload {
  @Field(() => Consent, { nullable: true, description: 'The consent as it stands now.' })
  consent!: Consent | null

  @Field(() => [UserError], { description: 'Validation failures (none today: every change is accepted).' })
  errors!: UserError[]
}
