import type { ContractDetailQuery, ContractGuaranteesQuery } from '../../gql/graphql'

// Benoit's main contract as the API answers it, trimmed to what the pages show
export const tabs: ContractDetailQuery['contracts'] = [
  { __typename: 'Contract', id: 'c-main', label: 'Garanties sociale interministériel', option: 'Option A', number: 'GSI-2022-0412873', main: true },
  { __typename: 'Contract', id: 'c-renfort', label: 'Horizon Renfort', option: 'Confort', number: 'HRF-2024-0098214', main: false },
]

const person = (id: string, firstName: string, rank: number, relationship: 'SELF' | 'SPOUSE' | 'CHILD') =>
  ({ __typename: 'Beneficiary' as const, id, firstName, lastName: 'Garnier', relationship, rank })

const instalment = (dueDate: string, status: 'PAID' | 'SCHEDULED' | 'REJECTED') => ({
  __typename: 'ContributionInstalment' as const,
  id: `i-${dueDate}`,
  dueDate,
  amountCents: 13740,
  employerShareCents: 4500,
  status,
  method: 'SEPA_DIRECT_DEBIT' as const,
  paidAt: status === 'PAID' ? `${dueDate}T06:00:00.000Z` : null,
  settlement: ({ PAID: 'PAID', SCHEDULED: 'TO_COME', REJECTED: 'TO_COME' } as const)[status],
  representedOn: null as string | null,
  rejectionFeeCents: 0,
  debitCents: 13740,
  note: null as string | null,
})

export const contractDetail: ContractDetailQuery = {
  __typename: 'Query',
  contracts: tabs,
  contract: {
    ...tabs[0]!,
    status: 'ACTIVE',
    startDate: '2022-01-01',
    endDate: null,
    collective: true,
    responsible: true,
    monthlyContributionCents: 18240,
    employerParticipationCents: 4500,
    memberMonthlyContributionCents: 13740,
    upcomingChange: null,
    coverages: [
      { __typename: 'ContractCoverage', startDate: '2022-01-01', endDate: null, beneficiary: person('b1', 'Benoit', 1, 'SELF') },
      { __typename: 'ContractCoverage', startDate: '2023-01-01', endDate: null, beneficiary: person('b5', 'Léa', 5, 'CHILD') },
    ],
    guarantees: [
      { __typename: 'Guarantee', id: 'g1', careType: 'CONSULTATION', label: 'Consultations et visites', summary: '150 % BRSS (Sécurité sociale incluse)', hundredPercentSante: false },
      { __typename: 'Guarantee', id: 'g7', careType: 'OPTICS', label: 'Optique', summary: '100 % BRSS (Sécurité sociale incluse) + forfait de 450,00 € par an et par bénéficiaire', hundredPercentSante: true },
    ],
    rejectionFeeCents: 800,
    // November's debit was rejected: December's presents it again, with the contract's 8 € fee
    contributionSchedule: [
      instalment('2026-10-05', 'PAID'),
      { ...instalment('2026-11-05', 'REJECTED'), representedOn: '2026-12-05', rejectionFeeCents: 800, note: 'Sera représentée avec le prélèvement du 05/12/2026. Frais de rejet : 8,00 €.' },
      { ...instalment('2026-12-05', 'SCHEDULED'), debitCents: 28280, note: 'Prélèvement de 282,80 € : il inclura l\'échéance du 05/11/2026 représentée (137,40 €) et 8,00 € de frais de rejet.' },
    ],
    contributionSummary: {
      __typename: 'ContributionSummary',
      periodStart: '2026-10-01',
      periodEnd: '2027-09-30',
      instalmentCount: 3,
      memberTotalCents: 41220,
      employerTotalCents: 13500,
      totalCents: 54720,
      rejectionFeesCents: 800,
      yearlyTotalCents: 42020,
      paidCents: 13740,
      toSettleCents: 0,
      upcomingCents: 28280,
      rejectedCents: 13740,
      mandate: { __typename: 'SepaMandate', id: 'm1', reference: 'HZN-RUM-202897774-0002', creditorIdentifier: 'FR29ZZZ548217', signedAt: '2025-10-22T19:05:00.000Z', accountIbanMasked: 'FR76 **** * 4859 9384' },
    },
  },
}

export const guarantees: ContractGuaranteesQuery = {
  __typename: 'Query',
  contracts: tabs,
  contract: {
    ...tabs[0]!,
    responsible: true,
    forfaitCounters: [
      { __typename: 'ForfaitCounter', careType: 'OPTICS', year: 2026, yearlyCents: 45000, usedCents: 40914, remainingCents: 4086, resetDate: '2027-01-01', beneficiary: { __typename: 'Beneficiary', id: 'b1', firstName: 'Benoit' }, guarantee: { __typename: 'Guarantee', id: 'g7', label: 'Optique' } },
      { __typename: 'ForfaitCounter', careType: 'OPTICS', year: 2026, yearlyCents: 45000, usedCents: 45000, remainingCents: 0, resetDate: '2027-01-01', beneficiary: { __typename: 'Beneficiary', id: 'b5', firstName: 'Léa' }, guarantee: { __typename: 'Guarantee', id: 'g7', label: 'Optique' } },
    ],
    guarantees: [
      {
        __typename: 'Guarantee',
        id: 'g1',
        careType: 'CONSULTATION',
        label: 'Consultations et visites',
        summary: '150 % BRSS (Sécurité sociale incluse)',
        brssPercent: 150,
        yearlyForfaitCents: null,
        perActCeilingCents: null,
        hundredPercentSante: false,
        example: {
          __typename: 'GuaranteeExample',
          description: 'Pour une consultation chez un spécialiste à 50,00 € (base de remboursement 30,00 €)',
          expenseCents: 5000,
          socialSecurityBaseCents: 3000,
          socialSecurityCents: 1900,
          mutuelleCents: 2400,
          outOfPocketCents: 700,
          explanation: ['Dépense : 50,00 €', 'Versé par votre mutuelle : 24,00 €', 'Reste à votre charge : 7,00 €, dont 2,00 € retenus par la Sécurité sociale'],
        },
        hundredPercentSanteExample: null,
      },
      {
        __typename: 'Guarantee',
        id: 'g7',
        careType: 'OPTICS',
        label: 'Optique',
        summary: '100 % BRSS (Sécurité sociale incluse) + forfait de 450,00 € par an et par bénéficiaire',
        brssPercent: 100,
        yearlyForfaitCents: 45000,
        perActCeilingCents: null,
        hundredPercentSante: true,
        example: {
          __typename: 'GuaranteeExample',
          description: 'Pour des lunettes (monture et verres) hors 100 % Santé à 500,00 €',
          expenseCents: 50000,
          socialSecurityBaseCents: 9,
          socialSecurityCents: 5,
          mutuelleCents: 45004,
          outOfPocketCents: 4991,
          explanation: ['Dépense : 500,00 €'],
        },
        hundredPercentSanteExample: { __typename: 'GuaranteeExample', description: 'Pour des lunettes 100 % Santé (classe A) à 99,00 €', expenseCents: 9900, socialSecurityCents: 1920, mutuelleCents: 7980, outOfPocketCents: 0 },
      },
    ],
  },
}
