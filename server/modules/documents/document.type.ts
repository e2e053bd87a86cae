import { Field, ID, Int, ObjectType } from 'type-graphql'
import { enumFrom } from '../../core/enums.ts'
import { Connection } from '../../core/pagination.ts'
import { DateScalar, DateTimeScalar } from '../../core/scalars.ts'
import { DOCUMENT_KINDS } from '../../db/schema/index.ts'
import { Contract } from '../contracts/contract.type.ts'

export const DocumentKindEnum = enumFrom(DOCUMENT_KINDS, 'DocumentKind', 'Kind of document of the member\'s space.', {
  NOTICE: 'Notice d\'information of a contract.',
  GUARANTEE_TABLE: 'Tableau de garanties.',
  GUARANTEE_GUIDE: 'Guide des garanties, with worked examples.',
  BENEFITS_STATEMENT: 'Relevé de prestations for a period.',
  CONTRIBUTION_SCHEDULE: 'Échéancier de cotisations.',
  CERTIFICATE: 'Attestation de droits.',
  INSURANCE_CARD: 'Carte de tiers payant.',
  LETTER: 'Letter from the mutuelle.',
})

@ObjectType({ description: 'A document of the member\'s space. Generated kinds are built from today\'s data on download (GET downloadPath), so they are never stale.' })
export class Document {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id!: string

  @Field(() => DocumentKindEnum, { description: 'Kind of document.' })
  kind!: string

  @Field(() => String, { description: 'Title in French, e.g. "Attestation de droits 2026".' })
  title!: string

  @Field(() => Int, { description: 'Year the document belongs to.' })
  year!: number

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period covered (statements, schedules).' })
  periodStart!: string | null

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period covered.' })
  periodEnd!: string | null

  @Field(() => DateTimeScalar, { description: 'When it was issued.' })
  issuedAt!: string

  @Field(() => Contract, { nullable: true, description: 'The contract it concerns, if any.' })
  contract!: unknown

  @Field(() => String, { description: 'Where to download the PDF (signed-in member only): /api/documents/<id>.' })
  downloadPath!: string
}

@ObjectType({ description: 'A page of documents, most recently issued first.' })
export class DocumentConnection extends Connection(Document) {}
