import type { Payee, ReimbursementOrigin, WithholdingKind } from '../../gql/graphql'

const originLabels: Record<ReimbursementOrigin, string> = {
  TELETRANSMISSION: 'Télétransmission de la Sécurité sociale',
  REQUEST: 'Votre demande de remboursement',
  TIERS_PAYANT: 'Tiers payant',
}

const withholdingLabels: Record<WithholdingKind, string> = {
  NONE: '',
  PARTICIPATION_FORFAITAIRE: 'Participation forfaitaire retenue',
  FRANCHISE_MEDICINE: 'Franchise médicale retenue',
  FRANCHISE_PARAMEDICAL: 'Franchise médicale retenue',
  FRANCHISE_TRANSPORT: 'Franchise sur les transports retenue',
}

export function originLabel(origin: ReimbursementOrigin): string {
  return originLabels[origin]
}

/** Who received the mutuelle's share, in a few words. */
export function payeeLabel(payee: Payee): string {
  return payee === 'PROVIDER' ? 'Au professionnel de santé (tiers payant)' : 'À vous, par virement'
}

export function withholdingLabel(kind: WithholdingKind): string {
  return withholdingLabels[kind]
}

/** "1 remboursement", "52 remboursements". */
export function reimbursementCountLabel(count: number): string {
  return count === 1 ? '1 remboursement' : `${count} remboursements`
}
