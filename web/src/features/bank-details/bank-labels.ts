import type { BankAccountUsage } from '../../gql/graphql'

const USAGES: Record<BankAccountUsage, string> = {
  CONTRIBUTIONS: 'Prélèvement des cotisations',
  REIMBURSEMENTS: 'Versement des remboursements',
}

export function usagesLabel(usages: readonly BankAccountUsage[]): string {
  return usages.map((u, i) => (i ? USAGES[u].charAt(0).toLowerCase() + USAGES[u].slice(1) : USAGES[u])).join(' et ')
}

/** "Benoit (moi)", as the portal names the member among the beneficiaries. */
export function beneficiaryName(b: { firstName: string, relationship?: string | null }): string {
  return b.relationship === 'SELF' ? `${b.firstName} (moi)` : b.firstName
}
