import { addDays } from './calendar.ts'

/**
 * One name per amount, for every page, PDF, e-mail and API description: the member reads the same
 * words about the same euros everywhere. Imported by the server and the SPA (it imports only the calendar).
 */
export const AMOUNT_WORDS = {
  expense: 'Dépense',
  base: 'Base de remboursement',
  socialSecurity: 'Remboursé par la Sécurité sociale',
  mutuelle: 'Remboursé par votre mutuelle',
  outOfPocket: 'Reste à votre charge',
  withheld: 'dont participation forfaitaire / franchise',
} as const

/** The contribution schedule's amounts: the last three always add up to the first. */
export const CONTRIBUTION_WORDS = {
  yearly: 'Votre part sur l\'année',
  paid: 'Déjà payé',
  toSettle: 'À régler',
  toCome: 'À venir',
  fees: 'Frais de rejet',
} as const

/** The mutuelle's part paid by one of several contracts. */
export function mutuelleByContract(contractLabel: string): string {
  return `${AMOUNT_WORDS.mutuelle}, contrat ${contractLabel}`
}

/** A transfer takes a few working days to reach the account; after that it is done. */
export const TRANSFER_DAYS = 3

/** "En cours de virement" for a few days after the payment date, then "Virement effectué le 25/08/2026". */
export function paymentState(paymentDate: string, today: string): string {
  if (addDays(paymentDate, TRANSFER_DAYS) > today)
    return 'En cours de virement'
  return `Virement effectué le ${paymentDate.slice(8, 10)}/${paymentDate.slice(5, 7)}/${paymentDate.slice(0, 4)}`
}
