import type { CareType } from '../schema/index.ts'
import type { BeneficiaryRef, CareAct, HouseholdContext, Origin } from './household.ts'
import type { Random } from './random.ts'
import type { DemoRows } from './rows.ts'
import { addDays, addMonths } from '../../core/clock.ts'
import { daysBefore, firstOfMonth, instant, yearOf } from './calendar.ts'
import { addBenefitsStatements, addContributionSchedule, addGuarantees, addInsuranceCard, addReimbursements, addThread, CREDITOR_IDENTIFIER, lastDebitAt } from './household.ts'
import { frenchIban, nirWithKey } from './identifiers.ts'
import { demoId } from './random.ts'

/**
 * A second household, Camille Lefèvre and her son Noé in Lyon, with an individual contract:
 * it lets tests and reviewers check that one member never sees another's data.
 */

export const CAMILLE_MEMBER_NUMBER = '310452286'

export function buildCamilleHousehold(input: { rows: DemoRows, today: string, random: Random, advisorAccountId: string, passwordHash: string, email: string }): void {
  const { rows, today } = input
  const y = yearOf(today)
  const ctx: HouseholdContext = {
    rows,
    today,
    random: input.random,
    key: 'camille',
    memberId: demoId('camille', 'member'),
    memberAccountId: demoId('camille', 'account'),
    advisorAccountId: input.advisorAccountId,
  }
  const coverageStart = `${y - 3}-04-01`
  const joinedOn = `${y - 3}-03-08`
  const camilleBirth = `${y - 35}-02-14`
  const noeBirth = `${y - 9}-10-03`
  const camilleNir = nirWithKey(`2${camilleBirth.slice(2, 4)}${camilleBirth.slice(5, 7)}69123318`)

  rows.members.push({
    id: ctx.memberId,
    memberNumber: CAMILLE_MEMBER_NUMBER,
    civility: 'MME',
    firstName: 'Camille',
    lastName: 'Lefèvre',
    birthDate: camilleBirth,
    email: input.email,
    phone: '+33781245690',
    addressLine1: '8 place Carnot',
    postalCode: '69002',
    city: 'Lyon',
    country: 'France',
    nir: camilleNir,
    paperless: false,
    createdAt: instant(joinedOn, '14:40'),
  })
  rows.accounts.push({
    id: ctx.memberAccountId,
    email: input.email,
    passwordHash: input.passwordHash,
    role: 'MEMBER',
    memberId: ctx.memberId,
    displayName: 'Camille Lefèvre',
    passwordChangedAt: instant(joinedOn, '14:40'),
    createdAt: instant(joinedOn, '14:40'),
  })

  const accountId = demoId('camille', 'bank-account', 'main')
  rows.bankAccounts.push({ id: accountId, memberId: ctx.memberId, holderName: 'Camille Lefèvre', iban: frenchIban('30003', '01980', '00050291447'), bic: 'SOGEFRPPXXX', bankName: 'Société Générale', forContributions: true, forReimbursements: true, status: 'ACTIVE', createdAt: instant(joinedOn, '14:45') })

  const camille: BeneficiaryRef = { id: demoId('camille', 'beneficiary', 'camille'), firstName: 'Camille', birthDate: camilleBirth, reimbursementAccountId: accountId }
  const noe: BeneficiaryRef = { id: demoId('camille', 'beneficiary', 'noe'), firstName: 'Noé', birthDate: noeBirth, reimbursementAccountId: accountId }
  const fund = 'CPAM du Rhône'
  rows.beneficiaries.push(
    { id: camille.id, memberId: ctx.memberId, firstName: 'Camille', lastName: 'Lefèvre', birthDate: camilleBirth, relationship: 'SELF', rank: 1, nir: camilleNir, coverageStart, socialSecurityFund: fund, noemieStatus: 'ACTIVE' },
    { id: noe.id, memberId: ctx.memberId, firstName: 'Noé', lastName: 'Lefèvre', birthDate: noeBirth, relationship: 'CHILD', rank: 2, nir: null, coverageStart, socialSecurityFund: fund, noemieStatus: 'ACTIVE' },
  )
  for (const b of [camille, noe])
    rows.beneficiaryBankAccounts.push({ beneficiaryId: b.id, bankAccountId: accountId })

  const contract = { key: 'main', id: demoId('camille', 'contract', 'main'), monthlyCents: 8760, employerCents: 0 }
  rows.contracts.push({ id: contract.id, memberId: ctx.memberId, number: `HSE-${y - 3}-0231907`, productLabel: 'Horizon Santé Essentielle', optionLabel: 'Niveau 2', collective: false, responsible: true, status: 'ACTIVE', startDate: coverageStart, main: true, monthlyContributionCents: contract.monthlyCents, employerParticipationCents: 0, amcNumber: '88612004', conventionType: 'TP', routingCriterion: 'SP' })
  for (const b of [camille, noe])
    rows.contractBeneficiaries.push({ contractId: contract.id, beneficiaryId: b.id, startDate: coverageStart })
  const main = addGuarantees(ctx, 'main', contract.id, [
    { careType: 'CONSULTATION', label: 'Consultations et visites de médecins', brssPercent: 125 },
    { careType: 'PHARMACY', label: 'Médicaments remboursés par la Sécurité sociale', brssPercent: 100 },
    { careType: 'LABORATORY', label: 'Analyses et examens de biologie médicale', brssPercent: 100 },
    { careType: 'RADIOLOGY', label: 'Radiologie et imagerie médicale', brssPercent: 100 },
    { careType: 'HOSPITAL', label: 'Hospitalisation\u00a0: frais de séjour et honoraires', brssPercent: 150 },
    { careType: 'DENTAL', label: 'Soins et prothèses dentaires (panier 100 % Santé inclus)', brssPercent: 200, hundredPercentSante: true },
    { careType: 'OPTICS', label: 'Optique\u00a0: 100 % Santé classe A, ou forfait annuel de 200 € (classe B)', brssPercent: 100, yearlyForfaitCents: 20000, hundredPercentSante: true },
    { careType: 'AUDIOLOGY', label: 'Aides auditives\u00a0: 100 % Santé classe I', brssPercent: 100, hundredPercentSante: true },
    { careType: 'PARAMEDICAL', label: 'Auxiliaires médicaux', brssPercent: 100 },
    { careType: 'ALTERNATIVE_MEDICINE', label: 'Médecines douces\u00a0: 3 séances de 20 € par an', brssPercent: null, yearlyForfaitCents: 6000, perActCeilingCents: 2000 },
  ])

  const mandateId = demoId('camille', 'mandate', 'current')
  addContributionSchedule(ctx, contract, mandateId, null)
  rows.sepaMandates.push({ id: mandateId, memberId: ctx.memberId, bankAccountId: accountId, reference: `HZN-RUM-${CAMILLE_MEMBER_NUMBER}-0001`, creditorIdentifier: CREDITOR_IDENTIFIER, signedAt: instant(joinedOn, '14:45'), status: 'ACTIVE', lastDebitAt: lastDebitAt(rows, mandateId) })
  addInsuranceCard(ctx, contract, CAMILLE_MEMBER_NUMBER, [camille, noe].map(b => ({ beneficiaryId: b.id, domains: ['PHAR', 'LABO', 'RADL', 'HOSP', 'OPTI', 'DENT', 'AUDI', 'AUXM'] })))

  const act = (careDaysAgo: number, delay: number, who: BeneficiaryRef, careType: CareType, careLabel: string, providerName: string, expenseCents: number, origin: Origin, more: Partial<CareAct> = {}): CareAct =>
    ({ careDate: daysBefore(today, careDaysAgo), paymentDate: daysBefore(today, careDaysAgo - delay), beneficiary: who, careType, careLabel, providerName, expenseCents, origin, ...more })
  const decompte = (base: number, rate: number) => ({ socialSecurityBaseCents: base, socialSecurityRatePercent: rate })
  const gp = 'Dr Karim Benali, médecin généraliste'
  const pharmacy = 'Pharmacie de la Presqu\'île'
  addReimbursements(ctx, [main], [
    act(320, 4, camille, 'CONSULTATION', 'Consultation généraliste', gp, 3000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(319, 2, camille, 'PHARMACY', 'Médicaments', pharmacy, 2210, 'TIERS_PAYANT', { quantity: 2 }),
    act(260, 4, noe, 'CONSULTATION', 'Consultation pédiatrique', 'Dr Agnès Morel, pédiatre', 3500, 'TELETRANSMISSION', decompte(3000, 70)),
    act(259, 2, noe, 'PHARMACY', 'Médicaments', pharmacy, 860, 'TIERS_PAYANT'),
    act(200, 5, camille, 'DENTAL', 'Soins conservateurs', 'Cabinet dentaire Bellecour', 4680, 'TELETRANSMISSION', decompte(4680, 70)),
    act(150, 5, camille, 'LABORATORY', 'Analyses de biologie médicale', 'Laboratoire Lyon Confluence', 3310, 'TELETRANSMISSION', decompte(3310, 60)),
    act(120, 4, noe, 'OPTICS', 'Lunettes 100 % Santé (classe A)', 'Optique Croix-Rousse', 8500, 'TIERS_PAYANT', { ...decompte(3000, 60), hundredPercentSanteBasket: true }),
    act(95, 10, camille, 'ALTERNATIVE_MEDICINE', 'Séance d\'acupuncture', 'Li Wen, acupunctrice', 5500, 'REQUEST'),
    act(60, 4, camille, 'PARAMEDICAL', 'Séance de kinésithérapie', 'Cabinet de kinésithérapie Ainay', 1710, 'TELETRANSMISSION', decompte(1710, 60)),
    act(40, 4, noe, 'RADIOLOGY', 'Radiographie de la cheville', 'Imagerie médicale Perrache', 2660, 'TELETRANSMISSION', decompte(2660, 70)),
    act(18, 2, camille, 'PHARMACY', 'Médicaments', pharmacy, 1540, 'TIERS_PAYANT', { quantity: 2 }),
  ])

  const yearly = instant(`${y - 1}-12-20`, '05:30')
  const doc = (key: string, kind: DemoRows['documents'][number]['kind'], title: string, more: Partial<DemoRows['documents'][number]> = {}) =>
    rows.documents.push({ id: demoId('camille', 'document', key), memberId: ctx.memberId, contractId: contract.id, kind, title, year: y, issuedAt: yearly, fileId: null, ...more })
  doc('notice', 'NOTICE', 'Notice d\'information — Horizon Santé Essentielle')
  doc('table', 'GUARANTEE_TABLE', `Tableau de garanties ${y} — Niveau 2`)
  doc('certificate', 'CERTIFICATE', `Attestation de droits ${y}`)
  doc('card', 'INSURANCE_CARD', `Carte de tiers payant ${y} — Horizon Santé Essentielle`, { issuedAt: instant(`${y - 1}-12-15`, '07:00') })
  const periodStart = firstOfMonth(rows.instalments.filter(i => i.contractId === contract.id).map(i => i.dueDate).sort()[0]!)
  doc('schedule', 'CONTRIBUTION_SCHEDULE', 'Échéancier de cotisations — Horizon Santé Essentielle', { periodStart, periodEnd: addDays(addMonths(periodStart, 12), -1), year: yearOf(periodStart), issuedAt: instant(daysBefore(periodStart, 10), '05:30') })
  addBenefitsStatements(ctx, contract.id)

  const signature = '\n\nCamille Lefèvre'
  const advisor = '\n\nBien cordialement,\nClaire Moreau, votre conseillère'
  addThread(ctx, {
    key: 'certificate',
    category: 'Attestation',
    subject: 'Attestation de droits',
    messages: [
      { from: 'MEMBER', daysAgo: 90, time: '12:15', body: `Bonjour,\n\nLe centre de loisirs de Noé me demande une attestation de mutuelle à son nom. Est-ce possible\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 89, time: '10:05', body: `Bonjour Madame Lefèvre,\n\nL'attestation de droits disponible dans «\u00a0Mes documents\u00a0» mentionne Noé comme bénéficiaire\u00a0: elle convient pour le centre de loisirs.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'schedule',
    category: 'Cotisations',
    subject: 'Échéancier de cotisations',
    messages: [
      { from: 'MEMBER', daysAgo: 9, time: '19:32', body: `Bonjour,\n\nPuis-je décaler la date de prélèvement de mes cotisations au 10 du mois\u00a0?${signature}` },
    ],
  })
}
