import { enumFrom } from '../../core/enums.ts'
import { CARE_TYPES, CONTRACT_STATUSES, INSTALMENT_STATUSES } from '../../db/schema/index.ts'

export const CareTypeEnum = enumFrom(CARE_TYPES, 'CareType', 'Kind of care, as grouped in the guarantee table.', {
  CONSULTATION: 'Doctor\'s consultation or visit.',
  PHARMACY: 'Medicines and pharmacy products.',
  LABORATORY: 'Laboratory tests.',
  RADIOLOGY: 'Imaging.',
  HOSPITAL: 'Hospital stay and fees.',
  DENTAL: 'Dental care, crowns, prostheses.',
  OPTICS: 'Glasses and lenses.',
  AUDIOLOGY: 'Hearing aids.',
  PARAMEDICAL: 'Nurses, physiotherapists, speech therapists (auxiliaires médicaux).',
  ALTERNATIVE_MEDICINE: 'Osteopathy, chiropractic, acupuncture… (médecines douces), not covered by Social Security.',
})
export const ContractStatusEnum = enumFrom(CONTRACT_STATUSES, 'ContractStatus', 'Whether the contract is in force.', {
  ACTIVE: 'En cours: the contract covers its beneficiaries.',
  SUSPENDED: 'Suspendu: cover paused (e.g. unpaid contributions); no tiers payant meanwhile.',
  TERMINATED: 'Résilié: the contract has ended; its history stays readable.',
})
export const InstalmentStatusEnum = enumFrom(INSTALMENT_STATUSES, 'InstalmentStatus', 'State of a contribution instalment.', {
  PAID: 'Payée.',
  SCHEDULED: 'À venir.',
  REJECTED: 'Rejetée by the bank: presented again with a later debit (see representedOn), or to settle.',
})
export const INSTALMENT_SETTLEMENTS = ['PAID', 'TO_SETTLE', 'TO_COME'] as const
export const InstalmentSettlementEnum = enumFrom(INSTALMENT_SETTLEMENTS, 'InstalmentSettlement', 'Where an instalment\'s money stands; a rejected instalment follows the debit that presented it again.', {
  PAID: 'Déjà payé: debited, itself or with a later debit that presented it again.',
  TO_SETTLE: 'À régler: rejected and presented with no debit; the member settles it (RIB to check, or a word to the mutuelle).',
  TO_COME: 'À venir: in a debit still to be taken.',
})
export const CONTRIBUTION_METHODS = ['SEPA_DIRECT_DEBIT', 'PAYROLL', 'TRANSFER'] as const
export const ContributionMethodEnum = enumFrom(CONTRIBUTION_METHODS, 'ContributionMethod', 'How an instalment is paid.', {
  SEPA_DIRECT_DEBIT: 'Prélèvement SEPA from the contributions account, under the member\'s mandate.',
  PAYROLL: 'Précompte: withheld from the salary by the employer.',
  TRANSFER: 'Virement by the member.',
})
export const SEPA_MANDATE_STATUSES = ['ACTIVE', 'REVOKED', 'LAPSED'] as const
export const SepaMandateStatusEnum = enumFrom(SEPA_MANDATE_STATUSES, 'SepaMandateStatus', 'State of a SEPA direct-debit mandate.', {
  ACTIVE: 'In force: debits are taken under it.',
  REVOKED: 'Revoked, e.g. replaced when the contributions account changed.',
  LAPSED: 'Caduc: 36 months without a debit.',
})
