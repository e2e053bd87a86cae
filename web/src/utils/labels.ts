import type { CareType, ConsentKind, ContractStatus, ContributionMethod, DataRight, DocumentKind, InstalmentStatus, NoemieStatus, ProcedureKind, ProcedureStatus, Relationship, SupportingDocumentKind } from '../gql/graphql'


const careTypeLabels: Record<CareType, string> = {
  CONSULTATION: 'Consultation',
  PHARMACY: 'Pharmacie',
  LABORATORY: 'Analyses de laboratoire',
  RADIOLOGY: 'Radiologie',
  HOSPITAL: 'Hospitalisation',
  DENTAL: 'Soins dentaires',
  OPTICS: 'Soins optiques',
  AUDIOLOGY: 'Audiologie',
  PARAMEDICAL: 'Auxiliaires médicaux',
  ALTERNATIVE_MEDICINE: 'Médecines douces',
}

// lists (Prestations) use the shorter words of the portal: "Optique", not "Soins optiques"
const careTypeShortLabels: Partial<Record<CareType, string>> = {
  OPTICS: 'Optique',
}

const procedureStatusLabels: Record<ProcedureStatus, string> = {
  SUBMITTED: 'En cours',
  ACCEPTED: 'Acceptée',
  REJECTED: 'Refusée',
  MISSING_DOCUMENTS: 'Pièces manquantes',
}

const procedureKindLabels: Record<ProcedureKind, string> = {
  REIMBURSEMENT: 'Demande de remboursement',
  QUOTE: 'Analyse de devis',
  BENEFICIARY_ADDITION: 'Ajout de bénéficiaire',
  BENEFICIARY_REMOVAL: 'Retrait de bénéficiaire',
  BANK_DETAILS_CHANGE: 'Modification des coordonnées bancaires',
  DATA_EXPORT: 'Copie de mes données',
  DATA_RIGHTS: 'Demande sur mes données personnelles',
  AFFILIATION: 'Affiliation (changement d\'option)',
  COVERAGE_AGREEMENT: 'Prise en charge',
}

const relationshipLabels: Record<Relationship, string> = {
  SELF: 'Adhérent principal',
  SPOUSE: 'Conjoint(e)',
  CHILD: 'Enfant',
  OTHER: 'Autre ayant droit',
}

export function careTypeLabel(careType: CareType): string {
  return careTypeLabels[careType]
}

export function careTypeShortLabel(careType: CareType): string {
  return careTypeShortLabels[careType] ?? careTypeLabels[careType]
}

export function procedureStatusLabel(status: ProcedureStatus): string {
  return procedureStatusLabels[status]
}

export function procedureKindLabel(kind: ProcedureKind): string {
  return procedureKindLabels[kind]
}

export function relationshipLabel(relationship: Relationship): string {
  return relationshipLabels[relationship]
}

/** "2 messages non lus", "1 message non lu"; empty when there is none. */
export function unreadMessagesLabel(count: number): string {
  if (count <= 0) return ''
  return count === 1 ? '1 message non lu' : `${count} messages non lus`
}

const contractStatusLabels: Record<ContractStatus, string> = {
  ACTIVE: 'En vigueur',
  SUSPENDED: 'Suspendu',
  TERMINATED: 'Résilié',
}

const instalmentStatusLabels: Record<InstalmentStatus, string> = {
  PAID: 'Payée',
  SCHEDULED: 'À venir',
  REJECTED: 'Rejetée',
}

const contributionMethodLabels: Record<ContributionMethod, string> = {
  SEPA_DIRECT_DEBIT: 'Prélèvement SEPA',
  PAYROLL: 'Précompte sur salaire',
  TRANSFER: 'Virement',
}

const noemieStatusLabels: Record<NoemieStatus, string> = {
  ACTIVE: 'Active',
  PENDING: 'En cours d\'activation',
  INACTIVE: 'Inactive',
  HELD_BY_PREVIOUS_INSURER: 'Détenue par votre ancienne mutuelle',
}

const documentKindLabels: Record<DocumentKind, string> = {
  NOTICE: 'Notice d\'information',
  GUARANTEE_TABLE: 'Tableau de garanties',
  GUARANTEE_GUIDE: 'Guide des garanties',
  BENEFITS_STATEMENT: 'Relevé de prestations',
  CONTRIBUTION_SCHEDULE: 'Échéancier de cotisations',
  CERTIFICATE: 'Attestation de droits',
  INSURANCE_CARD: 'Carte de tiers payant',
  LETTER: 'Courrier',
}

export function contractStatusLabel(status: ContractStatus): string {
  return contractStatusLabels[status]
}

export function instalmentStatusLabel(status: InstalmentStatus): string {
  return instalmentStatusLabels[status]
}

export function contributionMethodLabel(method: ContributionMethod): string {
  return contributionMethodLabels[method]
}

export function noemieStatusLabel(status: NoemieStatus): string {
  return noemieStatusLabels[status]
}

export function documentKindLabel(kind: DocumentKind): string {
  return documentKindLabels[kind]
}

const supportingDocumentLabels: Record<SupportingDocumentKind, string> = {
  FAMILY_RECORD_BOOK: 'Livret de famille',
  BIRTH_CERTIFICATE: 'Acte de naissance',
  PACS_CERTIFICATE: 'Attestation de PACS',
}

export function supportingDocumentLabel(kind: SupportingDocumentKind): string {
  return supportingDocumentLabels[kind]
}

const dataRightLabels: Record<DataRight, string> = {
  RECTIFICATION: 'Rectification',
  ERASURE: 'Effacement',
  LIMITATION: 'Limitation',
  OBJECTION: 'Opposition',
}

export function dataRightLabel(right: DataRight): string {
  return dataRightLabels[right]
}

const consentLabels: Record<ConsentKind, string> = {
  PAPERLESS: 'Zéro papier',
  NEWS_EMAIL: 'Actualités par e-mail',
}

export function consentLabel(kind: ConsentKind): string {
  return consentLabels[kind]
}
