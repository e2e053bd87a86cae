import type { CareType } from '../schema/index.ts'
import type { BeneficiaryRef, CareAct, HouseholdContext, Origin } from './household.ts'
import type { Random } from './random.ts'
import type { DemoRows } from './rows.ts'
import { addDays, addMonths } from '../../core/clock.ts'
import { frenchDate } from '../../core/format.ts'
import { daysBefore, firstOfMonth, instant, sameDayWithin, yearOf } from './calendar.ts'
import { findOption } from '../../modules/offers/offer-catalogue.ts'
import { computeReimbursement } from '../../modules/reimbursements/engine.ts'
import { addBenefitsStatements, addContributionSchedule, addGuarantees, addInsuranceCard, addProcedure, addReimbursements, addThread, CREDITOR_IDENTIFIER, lastDebitAt } from './household.ts'
import { frenchIban, nirWithKey } from './identifiers.ts'
import { demoId } from './random.ts'

/**
 * Benoit Garnier's household, the seed's: Benoit, Sarah, Louise, Hélia and Léa, covered by the
 * collective "Garanties sociale interministériel / Option A" and an individual "Horizon Renfort".
 * Every date hangs on today, so the portal always shows a recent past.
 */

export const BENOIT_MEMBER_NUMBER = '202897774'

const ALL_DOMAINS = ['PHAR', 'LABO', 'RADL', 'HOSP', 'OPTI', 'DENT', 'AUDI', 'AUXM', 'SAGE']

/** People: ages stay those of the seed whatever the year. */
export function benoitHouseholdBirthDates(year: number) {
  return {
    benoit: `${year - 42}-03-21`,
    sarah: `${year - 40}-06-09`,
    louise: `${year - 20}-09-15`,
    helia: `${year - 16}-11-02`,
    lea: `${year - 7}-04-27`,
  }
}

export function buildBenoitHousehold(input: { rows: DemoRows, today: string, random: Random, advisorAccountId: string, passwordHash: string, email: string }): void {
  const { rows, today } = input
  const y = yearOf(today)
  const ctx: HouseholdContext = {
    rows,
    today,
    random: input.random,
    key: 'benoit',
    memberId: demoId('benoit', 'member'),
    memberAccountId: demoId('benoit', 'account'),
    advisorAccountId: input.advisorAccountId,
  }
  const coverageStart = `${y - 4}-01-01`
  const joinedOn = `${y - 5}-11-20`

  const birth = benoitHouseholdBirthDates(y)
  const nir = (sex: 1 | 2, birthDate: string, commune: string, order: string) => nirWithKey(`${sex}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${commune}${order}`)
  const benoitNir = nir(1, birth.benoit, '33063', '127')

  rows.members.push({
    id: ctx.memberId,
    memberNumber: BENOIT_MEMBER_NUMBER,
    civility: 'M',
    firstName: 'Benoit',
    lastName: 'Garnier',
    birthDate: birth.benoit,
    email: input.email,
    phone: '+33645721839',
    addressLine1: '12 rue des Tanneurs',
    addressLine2: 'Appartement 4',
    postalCode: '33000',
    city: 'Bordeaux',
    country: 'France',
    nir: benoitNir,
    paperless: true,
    createdAt: instant(joinedOn, '10:12'),
  })
  // « Zéro papier » since joining; news by e-mail accepted then withdrawn
  rows.consents.push(
    { id: demoId('benoit', 'consent', 'paperless'), memberId: ctx.memberId, kind: 'PAPERLESS', grantedAt: instant(joinedOn, '10:14') },
    { id: demoId('benoit', 'consent', 'news'), memberId: ctx.memberId, kind: 'NEWS_EMAIL', grantedAt: instant(joinedOn, '10:14'), withdrawnAt: instant(daysBefore(today, 95), '18:40') },
  )
  rows.accounts.push({
    id: ctx.memberAccountId,
    email: input.email,
    passwordHash: input.passwordHash,
    role: 'MEMBER',
    memberId: ctx.memberId,
    displayName: 'Benoit Garnier',
    passwordChangedAt: instant(daysBefore(today, 140), '21:03'),
    createdAt: instant(joinedOn, '10:12'),
  })

  // bank accounts: the current one (IBAN ending 4859 9384), the one it replaced, and Sarah's own
  const changeDay = daysBefore(today, 400)
  const changedAt = instant(changeDay, '19:05')
  const oldAccountId = demoId('benoit', 'bank-account', 'old')
  const accountId = demoId('benoit', 'bank-account', 'main')
  const sarahAccountId = demoId('benoit', 'bank-account', 'sarah')
  const mainIban = frenchIban('20041', '01001', '10085485993')
  rows.bankAccounts.push(
    { id: oldAccountId, memberId: ctx.memberId, holderName: 'Benoit Garnier', iban: frenchIban('30004', '00822', '00010543219'), bic: 'BNPAFRPPXXX', bankName: 'BNP Paribas', forContributions: true, forReimbursements: true, status: 'REPLACED', createdAt: instant(`${y - 5}-12-01`, '10:00'), replacedAt: changedAt },
    { id: accountId, memberId: ctx.memberId, holderName: 'Benoit Garnier', iban: mainIban, bic: 'PSSTFRPPBOR', bankName: 'La Banque Postale', forContributions: true, forReimbursements: true, status: 'ACTIVE', createdAt: changedAt, replacedAt: null },
    { id: sarahAccountId, memberId: ctx.memberId, holderName: 'Sarah Garnier', iban: frenchIban('13306', '00230', '47812563014'), bic: 'AGRIFRPP833', bankName: 'Crédit Agricole Aquitaine', forContributions: false, forReimbursements: true, status: 'ACTIVE', createdAt: instant(`${y - 5}-12-01`, '10:00'), replacedAt: null },
  )

  const person = (key: keyof typeof birth, firstName: string, accountForReimbursements: string): BeneficiaryRef => ({ id: demoId('benoit', 'beneficiary', key), firstName, birthDate: birth[key], reimbursementAccountId: accountForReimbursements })
  const benoit = person('benoit', 'Benoit', accountId)
  const sarah = person('sarah', 'Sarah', sarahAccountId)
  const louise = person('louise', 'Louise', accountId)
  const helia = person('helia', 'Hélia', accountId)
  const lea = person('lea', 'Léa', accountId)
  const leaCoverageStart = `${y - 3}-01-01`
  const fund = 'CPAM de la Gironde'
  rows.beneficiaries.push(
    { id: benoit.id, memberId: ctx.memberId, firstName: 'Benoit', lastName: 'Garnier', birthDate: birth.benoit, relationship: 'SELF', rank: 1, nir: benoitNir, coverageStart, socialSecurityFund: fund, noemieStatus: 'ACTIVE' },
    { id: sarah.id, memberId: ctx.memberId, firstName: 'Sarah', lastName: 'Garnier', birthDate: birth.sarah, relationship: 'SPOUSE', rank: 2, nir: nir(2, birth.sarah, '75116', '042'), coverageStart, socialSecurityFund: fund, noemieStatus: 'ACTIVE' },
    { id: louise.id, memberId: ctx.memberId, firstName: 'Louise', lastName: 'Garnier', birthDate: birth.louise, relationship: 'CHILD', rank: 3, nir: nir(2, birth.louise, '33063', '215'), coverageStart, socialSecurityFund: fund, noemieStatus: 'ACTIVE' },
    { id: helia.id, memberId: ctx.memberId, firstName: 'Hélia', lastName: 'Garnier', birthDate: birth.helia, relationship: 'CHILD', rank: 4, nir: null, coverageStart, socialSecurityFund: fund, noemieStatus: 'ACTIVE' },
    // her NOEMIE link is still held by Sarah's former employer's mutuelle: the hint shows, and her care comes as requests
    { id: lea.id, memberId: ctx.memberId, firstName: 'Léa', lastName: 'Garnier', birthDate: birth.lea, relationship: 'CHILD', rank: 5, nir: null, coverageStart: leaCoverageStart, socialSecurityFund: fund, noemieStatus: 'HELD_BY_PREVIOUS_INSURER' },
  )
  for (const b of [benoit, sarah, louise, helia, lea])
    rows.beneficiaryBankAccounts.push({ beneficiaryId: b.id, bankAccountId: b.reimbursementAccountId })

  // contracts
  const mainContract = { key: 'main', id: demoId('benoit', 'contract', 'main'), monthlyCents: 18240, employerCents: 4500, rejectionFeeCents: 800 }
  const renfortContract = { key: 'renfort', id: demoId('benoit', 'contract', 'renfort'), monthlyCents: 3290, employerCents: 0 }
  const renfortStart = `${y - 2}-01-01`
  const interAmc = { amcNumber: '88612004', conventionType: 'TP', routingCriterion: 'SP' }
  rows.contracts.push(
    { id: mainContract.id, memberId: ctx.memberId, number: `GSI-${y - 4}-0412873`, productLabel: 'Garanties sociale interministériel', optionLabel: 'Option A', collective: true, responsible: true, status: 'ACTIVE', startDate: coverageStart, main: true, monthlyContributionCents: mainContract.monthlyCents, employerParticipationCents: mainContract.employerCents, rejectionFeeCents: mainContract.rejectionFeeCents, ...interAmc },
    { id: renfortContract.id, memberId: ctx.memberId, number: `HRF-${y - 2}-0098214`, productLabel: 'Horizon Renfort', optionLabel: 'Confort', collective: false, responsible: true, status: 'ACTIVE', startDate: renfortStart, main: false, monthlyContributionCents: renfortContract.monthlyCents, employerParticipationCents: 0, ...interAmc },
  )
  for (const b of [benoit, sarah, louise, helia])
    rows.contractBeneficiaries.push({ contractId: mainContract.id, beneficiaryId: b.id, startDate: coverageStart })
  rows.contractBeneficiaries.push({ contractId: mainContract.id, beneficiaryId: lea.id, startDate: leaCoverageStart })
  for (const b of [benoit, sarah])
    rows.contractBeneficiaries.push({ contractId: renfortContract.id, beneficiaryId: b.id, startDate: renfortStart })

  // the price list's Option A, which the démarche commerciale below offers to leave for Option B
  const main = addGuarantees(ctx, 'main', mainContract.id, findOption('Garanties sociale interministériel', 'A')!.guarantees)
  const renfort = addGuarantees(ctx, 'renfort', renfortContract.id, [
    { careType: 'HOSPITAL', label: 'Chambre particulière et frais d\'accompagnement\u00a0: 300 € par an', brssPercent: null, yearlyForfaitCents: 30000 },
    { careType: 'DENTAL', label: 'Renfort prothèses dentaires et implantologie\u00a0: 400 € par an', brssPercent: null, yearlyForfaitCents: 40000 },
    { careType: 'OPTICS', label: 'Renfort optique (équipements hors 100 % Santé)\u00a0: 150 € par an', brssPercent: null, yearlyForfaitCents: 15000 },
    { careType: 'AUDIOLOGY', label: 'Renfort aides auditives (classe II)\u00a0: 300 € par an', brssPercent: null, yearlyForfaitCents: 30000 },
    { careType: 'ALTERNATIVE_MEDICINE', label: 'Médecines douces\u00a0: 3 séances de 40 € par an', brssPercent: null, yearlyForfaitCents: 12000, perActCeilingCents: 4000 },
  ])

  // SEPA: the first mandate was revoked when Benoit changed banks; the current one debits both contracts
  const oldMandateId = demoId('benoit', 'mandate', 'old')
  const mandateId = demoId('benoit', 'mandate', 'current')
  const mandateReference = `HZN-RUM-${BENOIT_MEMBER_NUMBER}-0002`
  rows.sepaMandates.push({ id: oldMandateId, memberId: ctx.memberId, bankAccountId: oldAccountId, reference: `HZN-RUM-${BENOIT_MEMBER_NUMBER}-0001`, creditorIdentifier: CREDITOR_IDENTIFIER, signedAt: instant(`${y - 5}-12-01`, '10:00'), status: 'REVOKED', lastDebitAt: instant(addDays(addMonths(firstOfMonth(changeDay), -1), 4), '06:00'), revokedAt: changedAt })
  addContributionSchedule(ctx, mainContract, mandateId, 4)
  addContributionSchedule(ctx, renfortContract, mandateId, null)
  rows.sepaMandates.push({ id: mandateId, memberId: ctx.memberId, bankAccountId: accountId, reference: mandateReference, creditorIdentifier: CREDITOR_IDENTIFIER, signedAt: changedAt, status: 'ACTIVE', lastDebitAt: lastDebitAt(rows, mandateId), revokedAt: null })
  rows.bankAccountChanges.push({
    id: demoId('benoit', 'bank-account-change', 'main'),
    memberId: ctx.memberId,
    requestedByAccountId: ctx.memberAccountId,
    iban: mainIban,
    bic: 'PSSTFRPPBOR',
    holderName: 'Benoit Garnier',
    forContributions: true,
    forReimbursements: true,
    beneficiaryIds: [benoit.id, louise.id, helia.id, lea.id],
    status: 'CONFIRMED',
    createdAt: instant(changeDay, '19:02'),
    expiresAt: instant(changeDay, '19:32'),
    confirmedAt: changedAt,
  })

  addInsuranceCard(ctx, mainContract, BENOIT_MEMBER_NUMBER, [benoit, sarah, louise, helia, lea].map(b => ({ beneficiaryId: b.id, domains: ALL_DOMAINS })))
  addInsuranceCard(ctx, renfortContract, `${BENOIT_MEMBER_NUMBER}-02`, [benoit, sarah].map(b => ({ beneficiaryId: b.id, domains: ['HOSP', 'OPTI', 'DENT', 'AUDI'] })))

  // the seed's two procedures: the latest two submitted, with the seed's care dates moved by whole years when needed
  const dentalCareDate = sameDayWithin('2026-06-04', daysBefore(today, 730), daysBefore(today, 13))
  const opticsCareDate = sameDayWithin('2026-02-12', daysBefore(today, 730), daysBefore(today, 4))
  const dentalProcedureId = demoId('benoit', 'procedure', 'seed-dental-lea')
  addProcedure(ctx, {
    key: 'seed-optics-sarah',
    kind: 'REIMBURSEMENT',
    beneficiaryId: sarah.id,
    events: [{ status: 'SUBMITTED', at: instant(daysBefore(today, 3), '12:47') }],
    estimatedDecisionDate: addDays(today, 7),
    fields: { careType: 'OPTICS', careDate: opticsCareDate, amountCents: 38900, amountEurCents: 38900, socialSecurityBaseCents: 9, socialSecurityPaidCents: 5, details: { providerName: 'Optique Lafayette', description: 'Monture et verres unifocaux' } },
  })

  const pay = (careDaysAgo: number, delay: number) => ({ careDate: daysBefore(today, careDaysAgo), paymentDate: daysBefore(today, careDaysAgo - delay) })
  const act = (careDaysAgo: number, delay: number, who: BeneficiaryRef, careType: CareType, careLabel: string, providerName: string, expenseCents: number, origin: Origin, more: Partial<CareAct> = {}): CareAct =>
    ({ ...pay(careDaysAgo, delay), beneficiary: who, careType, careLabel, providerName, expenseCents, origin, ...more })
  const decompte = (base: number, rate: number) => ({ socialSecurityBaseCents: base, socialSecurityRatePercent: rate })
  const drRoussel = 'Dr Anne Roussel, médecin généraliste'
  const drDelorme = 'Dr Marc Delorme, chirurgien orthopédiste'
  const dentist = 'Cabinet dentaire du Dr Lucas Bernard'
  const imaging = 'Centre d\'imagerie médicale Saint-Paul'
  const lab = 'Laboratoire BioAquitaine'
  const physio = 'Cabinet de kinésithérapie des Quais'
  const osteopath = 'Julien Mercier, ostéopathe'
  const sophrologist = 'Nathalie Perrin, sophrologue'
  const centre = 'Pharmacie du Centre'
  const chartrons = 'Pharmacie des Chartrons'
  const optician = 'Optique Lafayette'

  const acts: CareAct[] = [
    // Benoit: a knee operation and its follow-up, a crown, glasses
    act(340, 4, benoit, 'CONSULTATION', 'Consultation généraliste', drRoussel, 3000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(300, 5, benoit, 'DENTAL', 'Détartrage', dentist, 4338, 'TELETRANSMISSION', decompte(4338, 70)),
    act(249, 3, benoit, 'PHARMACY', 'Médicaments', centre, 2364, 'TIERS_PAYANT', { quantity: 3 }),
    act(238, 4, benoit, 'CONSULTATION', 'Consultation spécialiste', drDelorme, 6000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(230, 5, benoit, 'RADIOLOGY', 'IRM du genou', imaging, 6900, 'TELETRANSMISSION', decompte(6900, 70)),
    act(228, 4, benoit, 'LABORATORY', 'Bilan sanguin préopératoire', lab, 3870, 'TELETRANSMISSION', decompte(3870, 60)),
    act(204, 6, benoit, 'HOSPITAL', 'Méniscectomie sous arthroscopie (2 nuits)', 'Clinique des Alouettes', 145000, 'TIERS_PAYANT', decompte(112000, 80)),
    act(204, 8, benoit, 'HOSPITAL', 'Chambre particulière (2 nuits)', 'Clinique des Alouettes', 14000, 'TIERS_PAYANT', decompte(0, 0)),
    act(190, 4, benoit, 'PARAMEDICAL', 'Séance de kinésithérapie', physio, 1710, 'TELETRANSMISSION', decompte(1710, 60)),
    act(183, 4, benoit, 'PARAMEDICAL', 'Séance de kinésithérapie', physio, 1710, 'TELETRANSMISSION', decompte(1710, 60)),
    act(176, 4, benoit, 'PARAMEDICAL', 'Séance de kinésithérapie', physio, 1710, 'TELETRANSMISSION', decompte(1710, 60)),
    act(169, 5, benoit, 'CONSULTATION', 'Consultation de contrôle', drDelorme, 6000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(120, 7, benoit, 'DENTAL', 'Couronne céramo-métallique (100 % Santé)', dentist, 50000, 'TELETRANSMISSION', { ...decompte(12000, 70), hundredPercentSanteBasket: true }),
    act(90, 12, benoit, 'ALTERNATIVE_MEDICINE', 'Séance d\'ostéopathie', osteopath, 6000, 'REQUEST'),
    act(60, 3, benoit, 'PHARMACY', 'Médicaments', chartrons, 1185, 'TIERS_PAYANT', { quantity: 2 }),
    act(8, 4, benoit, 'OPTICS', 'Monture et verres progressifs', optician, 40923, 'TIERS_PAYANT', decompte(9, 60)),
    // Sarah: sophrology within the main contract's forfait, then osteopathy once it is used up (Horizon Renfort pays the rest), hearing aids, lenses
    act(345, 5, sarah, 'LABORATORY', 'Analyses de biologie médicale', lab, 2754, 'TELETRANSMISSION', decompte(2754, 60)),
    act(330, 12, sarah, 'ALTERNATIVE_MEDICINE', 'Séance de sophrologie (en groupe)', sophrologist, 2500, 'REQUEST'),
    act(310, 5, sarah, 'CONSULTATION', 'Consultation gynécologique', 'Dr Hélène Vasseur, gynécologue', 6000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(290, 5, sarah, 'RADIOLOGY', 'Échographie pelvienne', imaging, 5670, 'TELETRANSMISSION', decompte(5670, 70)),
    act(260, 12, sarah, 'ALTERNATIVE_MEDICINE', 'Séance de sophrologie (en groupe)', sophrologist, 2500, 'REQUEST'),
    act(205, 11, sarah, 'ALTERNATIVE_MEDICINE', 'Séance de sophrologie (en groupe)', sophrologist, 2500, 'REQUEST'),
    act(200, 10, sarah, 'OPTICS', 'Lentilles de contact (non remboursées par la Sécurité sociale)', optician, 18000, 'REQUEST', decompte(0, 0)),
    act(160, 10, sarah, 'AUDIOLOGY', 'Aides auditives classe I (100 % Santé), deux oreilles', 'Centre auditif des Capucins', 190000, 'TIERS_PAYANT', { ...decompte(80000, 60), hundredPercentSanteBasket: true }),
    act(150, 12, sarah, 'ALTERNATIVE_MEDICINE', 'Séance de sophrologie (en groupe)', sophrologist, 2500, 'REQUEST'),
    act(140, 4, sarah, 'CONSULTATION', 'Consultation généraliste', drRoussel, 3000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(139, 3, sarah, 'PHARMACY', 'Médicaments', centre, 1830, 'TIERS_PAYANT', { quantity: 2 }),
    act(95, 12, sarah, 'ALTERNATIVE_MEDICINE', 'Séance d\'ostéopathie', osteopath, 6000, 'REQUEST'),
    act(70, 5, sarah, 'DENTAL', 'Soins conservateurs (composite deux faces)', dentist, 5570, 'TELETRANSMISSION', decompte(5570, 70)),
    act(52, 4, sarah, 'PARAMEDICAL', 'Séance de kinésithérapie', physio, 1710, 'TELETRANSMISSION', decompte(1710, 60)),
    act(45, 12, sarah, 'ALTERNATIVE_MEDICINE', 'Séance d\'ostéopathie', osteopath, 6000, 'REQUEST'),
    // Louise, 19: class A glasses, dermatology, sophrology
    act(280, 4, louise, 'CONSULTATION', 'Consultation généraliste', drRoussel, 3000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(250, 5, louise, 'DENTAL', 'Consultation et détartrage', dentist, 6638, 'TELETRANSMISSION', decompte(6638, 70)),
    act(230, 4, louise, 'OPTICS', 'Lunettes 100 % Santé (classe A)', optician, 9900, 'TIERS_PAYANT', { ...decompte(3200, 60), hundredPercentSanteBasket: true }),
    act(180, 5, louise, 'CONSULTATION', 'Consultation dermatologique', 'Dr Paul Girard, dermatologue', 5000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(179, 3, louise, 'PHARMACY', 'Médicaments', chartrons, 3120, 'TIERS_PAYANT', { quantity: 2 }),
    act(120, 12, louise, 'ALTERNATIVE_MEDICINE', 'Séance de sophrologie', sophrologist, 5000, 'REQUEST'),
    act(90, 5, louise, 'LABORATORY', 'Analyses de biologie médicale', lab, 1944, 'TELETRANSMISSION', decompte(1944, 60)),
    act(33, 3, louise, 'PHARMACY', 'Médicaments', centre, 785, 'TIERS_PAYANT'),
    // Hélia, 15: orthodontics, a broken wrist at school
    act(320, 4, helia, 'CONSULTATION', 'Consultation généraliste', drRoussel, 3000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(270, 8, helia, 'DENTAL', 'Traitement d\'orthodontie (semestre)', dentist, 75000, 'TELETRANSMISSION', decompte(19350, 100)),
    act(48, 4, helia, 'RADIOLOGY', 'Radiographie du poignet', imaging, 2128, 'TELETRANSMISSION', decompte(2128, 70)),
    act(47, 3, helia, 'PHARMACY', 'Médicaments', centre, 1260, 'TIERS_PAYANT', { quantity: 2 }),
    act(46, 4, helia, 'CONSULTATION', 'Consultation de suivi', drRoussel, 3000, 'TELETRANSMISSION', decompte(3000, 70)),
    act(30, 4, helia, 'PARAMEDICAL', 'Rééducation du poignet (kinésithérapie)', physio, 1710, 'TELETRANSMISSION', decompte(1710, 60)),
    act(24, 4, helia, 'PARAMEDICAL', 'Rééducation du poignet (kinésithérapie)', physio, 1710, 'TELETRANSMISSION', decompte(1710, 60)),
    act(3, 1, helia, 'PHARMACY', 'Médicaments', centre, 4500, 'TIERS_PAYANT', { quantity: 2 }),
    // Léa, 7: no NOEMIE link, so her care outside tiers payant comes as requests with the décompte
    act(215, 11, lea, 'CONSULTATION', 'Consultation pédiatrique', 'Dr Sophie Lambert, pédiatre', 4500, 'REQUEST', decompte(3000, 70)),
    act(214, 3, lea, 'PHARMACY', 'Médicaments', centre, 985, 'TIERS_PAYANT'),
    act(160, 12, lea, 'LABORATORY', 'Analyses de biologie médicale', lab, 1920, 'REQUEST', decompte(1920, 60)),
    act(110, 13, lea, 'PARAMEDICAL', 'Séance d\'orthophonie', 'Claire Dumas, orthophoniste', 3150, 'REQUEST', decompte(3150, 60)),
    act(80, 13, lea, 'PARAMEDICAL', 'Séance d\'orthophonie', 'Claire Dumas, orthophoniste', 3150, 'REQUEST', decompte(3150, 60)),
    { careDate: dentalCareDate, paymentDate: daysBefore(today, 9), beneficiary: lea, careType: 'DENTAL', careLabel: 'Soins conservateurs (carie)', providerName: dentist, expenseCents: 5480, origin: 'REQUEST', procedureId: dentalProcedureId, ...decompte(5480, 70) },
    act(7, 1, lea, 'PHARMACY', 'Médicaments', centre, 441, 'TIERS_PAYANT'),
  ]
  addReimbursements(ctx, [main, renfort], acts)

  // Benoit sent the optician's quote for his glasses before buying them: the reimbursement of the
  // glasses (billed less than quoted) is compared with the estimate he was shown
  const quotedOn = daysBefore(today, 30)
  const quotedCents = 46500
  const quoted = computeReimbursement({ careType: 'OPTICS', expenseCents: quotedCents, quantity: 1, beneficiaryIsMinor: false, hundredPercentSanteBasket: false, withheldThisYearCents: 0, forfaitUsedThisYearCents: 0, guarantee: main.guarantees.OPTICS!.rule })
  addProcedure(ctx, {
    key: 'quote-glasses-benoit',
    kind: 'QUOTE',
    beneficiaryId: benoit.id,
    events: [
      { status: 'SUBMITTED', at: instant(quotedOn, '18:05') },
      { status: 'ACCEPTED', at: instant(daysBefore(today, 28), '10:30'), note: 'Devis étudié\u00a0: l\'estimation affichée lors de l\'envoi est confirmée par votre conseiller.' },
    ],
    estimatedDecisionDate: daysBefore(today, 20),
    fields: { careType: 'OPTICS', amountCents: quotedCents, amountEurCents: quotedCents, details: { providerName: optician, estimate: { socialSecurityCents: quoted.socialSecurityCents, mutuelleCents: quoted.mutuelleCents, outOfPocketCents: quoted.outOfPocketCents, guaranteeLabel: main.guarantees.OPTICS!.rule.label }, hundredPercentSante: false } },
  })

  // the seed's dental request of Léa, accepted and paid (its reimbursement row is the one linked above)
  const dental = rows.reimbursements.find(r => r.procedureId === dentalProcedureId)!
  addProcedure(ctx, {
    key: 'seed-dental-lea',
    kind: 'REIMBURSEMENT',
    beneficiaryId: lea.id,
    events: [
      { status: 'SUBMITTED', at: instant(daysBefore(today, 12), '20:14') },
      { status: 'ACCEPTED', at: instant(daysBefore(today, 10), '11:02'), note: 'Demande acceptée\u00a0: le remboursement est viré sur votre compte sous 48 heures.' },
    ],
    estimatedDecisionDate: daysBefore(today, 2),
    fields: { careType: 'DENTAL', careDate: dentalCareDate, amountCents: dental.expenseCents, amountEurCents: dental.expenseCents, socialSecurityBaseCents: dental.socialSecurityBaseCents, socialSecurityPaidCents: dental.socialSecurityCents, details: { providerName: dentist } },
  })

  addProcedure(ctx, {
    key: 'quote-implant',
    kind: 'QUOTE',
    beneficiaryId: benoit.id,
    events: [
      { status: 'SUBMITTED', at: instant(daysBefore(today, 40), '17:22') },
      { status: 'MISSING_DOCUMENTS', at: instant(daysBefore(today, 37), '10:40'), note: 'Le devis transmis n\'est pas signé et ne détaille pas les actes (codes CCAM). Merci de nous envoyer le devis complet de votre chirurgien-dentiste.' },
    ],
    estimatedDecisionDate: daysBefore(today, 25),
    fields: { careType: 'DENTAL', amountCents: 185000, amountEurCents: 185000, details: { providerName: dentist, description: 'Implant et couronne céramique (dent 36)' } },
  })
  addProcedure(ctx, {
    key: 'addition-lea',
    kind: 'BENEFICIARY_ADDITION',
    beneficiaryId: lea.id,
    events: [
      { status: 'SUBMITTED', at: instant(`${y - 4}-12-09`, '20:31') },
      { status: 'ACCEPTED', at: instant(`${y - 4}-12-16`, '14:05'), note: `Léa est couverte à compter du ${frenchDate(leaCoverageStart)}.` },
    ],
    estimatedDecisionDate: `${y - 4}-12-23`,
    fields: { details: { firstName: 'Léa', lastName: 'Garnier', birthDate: birth.lea, relationship: 'CHILD' } },
  })
  addProcedure(ctx, {
    key: 'bank-details',
    kind: 'BANK_DETAILS_CHANGE',
    events: [
      { status: 'SUBMITTED', at: instant(changeDay, '19:04') },
      { status: 'ACCEPTED', at: changedAt, note: `Nouveau RIB enregistré\u00a0; nouveau mandat de prélèvement ${mandateReference}.` },
    ],
    estimatedDecisionDate: changeDay,
    fields: { details: { ibanMasked: 'FR76 **** * 4859 9384', holderName: 'Benoit Garnier', usages: ['CONTRIBUTIONS', 'REIMBURSEMENTS'] } },
  })
  addProcedure(ctx, {
    key: 'naturopathy-helia',
    kind: 'REIMBURSEMENT',
    beneficiaryId: helia.id,
    events: [
      { status: 'SUBMITTED', at: instant(daysBefore(today, 75), '19:10') },
      { status: 'REJECTED', at: instant(daysBefore(today, 70), '15:20'), note: 'Les séances de naturopathie ne font pas partie des médecines douces prises en charge par votre contrat (ostéopathie, chiropraxie, acupuncture, sophrologie).' },
    ],
    estimatedDecisionDate: daysBefore(today, 65),
    fields: { careType: 'ALTERNATIVE_MEDICINE', careDate: daysBefore(today, 78), amountCents: 7000, amountEurCents: 7000, details: { providerName: 'Cabinet de naturopathie Garonne' } },
  })
  addProcedure(ctx, {
    key: 'data-export',
    kind: 'DATA_EXPORT',
    events: [
      { status: 'SUBMITTED', at: instant(daysBefore(today, 210), '19:30') },
      { status: 'ACCEPTED', at: instant(daysBefore(today, 208), '09:45'), note: 'La copie de vos données vous a été adressée par courrier électronique sécurisé.' },
    ],
    estimatedDecisionDate: daysBefore(today, 180),
  })
  // the démarche commerciale Benoit started for the household and left unfinished: Option A → Option B
  // from the 1st of the month after next, begun a week ago
  rows.commercialJourneys.push({
    id: demoId('benoit', 'commercial-journey', 'option-b'),
    memberId: ctx.memberId,
    contractId: mainContract.id,
    optionCode: 'B',
    startDate: addMonths(firstOfMonth(today), 2),
    status: 'IN_PROGRESS',
    createdAt: instant(daysBefore(today, 7), '21:45'),
    updatedAt: instant(daysBefore(today, 7), '21:58'),
  })

  addDocuments(ctx, { main: mainContract.id, renfort: renfortContract.id })
  addBenoitThreads(ctx)
}

function addDocuments(ctx: HouseholdContext, contracts: { main: string, renfort: string }): void {
  const y = yearOf(ctx.today)
  const yearly = instant(`${y - 1}-12-20`, '05:30')
  const doc = (key: string, contractId: string | null, kind: DemoRows['documents'][number]['kind'], title: string, more: Partial<DemoRows['documents'][number]> = {}) =>
    ctx.rows.documents.push({ id: demoId('benoit', 'document', key), memberId: ctx.memberId, contractId, kind, title, year: y, issuedAt: yearly, fileId: null, ...more })
  doc('notice-main', contracts.main, 'NOTICE', 'Notice d\'information — Garanties sociale interministériel')
  doc('notice-renfort', contracts.renfort, 'NOTICE', 'Notice d\'information — Horizon Renfort')
  doc('table-main', contracts.main, 'GUARANTEE_TABLE', `Tableau de garanties ${y} — Option A`)
  doc('table-renfort', contracts.renfort, 'GUARANTEE_TABLE', `Tableau de garanties ${y} — Horizon Renfort Confort`)
  doc('guide-main', contracts.main, 'GUARANTEE_GUIDE', 'Guide des garanties — Garanties sociale interministériel')
  doc('certificate', contracts.main, 'CERTIFICATE', `Attestation de droits ${y}`)
  doc('card-main', contracts.main, 'INSURANCE_CARD', `Carte de tiers payant ${y} — Garanties sociale interministériel`, { issuedAt: instant(`${y - 1}-12-15`, '07:00') })
  doc('card-renfort', contracts.renfort, 'INSURANCE_CARD', `Carte de tiers payant ${y} — Horizon Renfort`, { issuedAt: instant(`${y - 1}-12-15`, '07:00') })
  for (const [key, contractId, label] of [['main', contracts.main, 'Garanties sociale interministériel'], ['renfort', contracts.renfort, 'Horizon Renfort']] as const) {
    const dues = ctx.rows.instalments.filter(i => i.contractId === contractId).map(i => i.dueDate).sort()
    const periodStart = firstOfMonth(dues[0]!)
    doc(`schedule-${key}`, contractId, 'CONTRIBUTION_SCHEDULE', `Échéancier de cotisations — ${label}`, { periodStart, periodEnd: addDays(addMonths(periodStart, 12), -1), year: yearOf(periodStart), issuedAt: instant(daysBefore(periodStart, 10), '05:30') })
  }
  addBenefitsStatements(ctx, contracts.main)
}

function addBenoitThreads(ctx: HouseholdContext): void {
  const signature = '\n\nBenoit Garnier'
  const advisor = '\n\nBien cordialement,\nClaire Moreau, votre conseillère'
  addThread(ctx, {
    key: 'equipment-simulation',
    category: 'Prise en charge',
    subject: 'Simulation achat/location de matériel médical',
    messages: [
      { from: 'MEMBER', daysAgo: 5, time: '18:20', body: `Bonjour,\n\nLe chirurgien de ma fille Hélia lui a prescrit une orthèse de poignet sur mesure et la location d'un appareil d'électrostimulation pendant six semaines. Pouvez-vous me dire ce qui resterait à notre charge\u00a0? Le devis du prestataire s'élève à 186 € pour l'orthèse et 42 € par semaine pour la location.\n\nMerci d'avance.${signature}` },
    ],
  })
  addThread(ctx, {
    key: 'employer-participation',
    category: 'Cotisations',
    subject: 'Participation de mon employeur',
    messages: [
      { from: 'MEMBER', daysAgo: 7, time: '12:35', body: `Bonjour,\n\nSur mon dernier bulletin de salaire, la participation de mon employeur à la complémentaire santé a augmenté. Mon échéancier tient-il compte de ce nouveau montant, et dois-je vous envoyer un justificatif\u00a0?${signature}` },
    ],
  })
  addThread(ctx, {
    key: 'care-summary',
    category: 'Attestation',
    subject: 'Récapitulatif des soins',
    messages: [
      { from: 'MEMBER', daysAgo: 64, time: '20:05', body: `Bonjour,\n\nPour une demande d'aide auprès de l'action sociale de mon ministère, j'ai besoin d'un récapitulatif des soins remboursés pour Hélia depuis le début de l'année (orthodontie et fracture du poignet). Pouvez-vous me le transmettre\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 62, time: '09:50', body: `Bonjour Monsieur Garnier,\n\nVos relevés de prestations mensuels sont disponibles dans «\u00a0Mes documents\u00a0»\u00a0: chacun détaille les soins d'Hélia, la part de la Sécurité sociale et la nôtre. Si l'action sociale demande un document unique, je peux vous adresser un récapitulatif signé\u00a0; dites-moi simplement la période souhaitée.${advisor}` },
      { from: 'MEMBER', daysAgo: 61, time: '13:12', body: `Merci, les relevés mensuels conviendront parfaitement.${signature}` },
      { from: 'ADVISOR', daysAgo: 60, time: '10:03', body: `Parfait. N'hésitez pas à revenir vers nous si l'action sociale a besoin d'autre chose.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'benefits-statement',
    category: 'Attestation',
    subject: 'Relevé de prestations',
    unreadByMember: true,
    messages: [
      { from: 'MEMBER', daysAgo: 4, time: '08:41', body: `Bonjour,\n\nJe ne retrouve pas dans mes documents le relevé de prestations où figure la couronne posée chez le Dr Bernard. Pouvez-vous m'indiquer où le trouver\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 2, time: '14:26', body: `Bonjour Monsieur Garnier,\n\nLa couronne a été remboursée le mois suivant les soins\u00a0: elle figure donc sur le relevé de prestations de ce mois-là, dans «\u00a0Mes documents\u00a0». Vous pouvez aussi ouvrir le remboursement dans «\u00a0Mes remboursements\u00a0» et cliquer sur «\u00a0Pourquoi ce montant\u00a0?\u00a0» pour le détail du calcul.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'remove-beneficiary',
    category: 'Modification de contrat',
    subject: 'Ajout/retrait de bénéficiaire',
    messages: [
      { from: 'MEMBER', daysAgo: 150, time: '19:48', body: `Bonjour,\n\nNotre fille Louise commence une alternance en septembre et son employeur propose une mutuelle d'entreprise. Doit-elle quitter notre contrat\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 148, time: '11:15', body: `Bonjour Monsieur Garnier,\n\nLouise peut demander à son employeur une dispense d'adhésion, puisqu'elle est déjà couverte comme ayant droit sur votre contrat. Si elle préfère adhérer au contrat de son entreprise, envoyez-nous son attestation d'affiliation\u00a0: nous mettrons fin à sa couverture à la date d'effet, sans frais.${advisor}` },
      { from: 'MEMBER', daysAgo: 147, time: '21:02', body: `Merci pour ces explications claires, elle va demander la dispense.${signature}` },
      { from: 'ADVISOR', daysAgo: 146, time: '09:30', body: `Très bien. Louise reste donc couverte\u00a0; une attestation de droits à remettre à son employeur est disponible dans vos documents.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'decomptes-lea',
    category: 'Information soins',
    subject: 'Envoyer les décomptes de ma caisse d\'assurance maladie',
    messages: [
      { from: 'MEMBER', daysAgo: 205, time: '17:55', body: `Bonjour,\n\nLes soins de Léa ne sont jamais remboursés automatiquement, contrairement à ceux du reste de la famille. Dois-je vous envoyer ses décomptes à chaque fois\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 203, time: '10:20', body: `Bonjour Monsieur Garnier,\n\nLa liaison de télétransmission (NOEMIE) de Léa est toujours rattachée à l'ancienne mutuelle de votre épouse. Nous avons demandé à la CPAM de la Gironde de la transférer. En attendant, faites une demande de remboursement en ligne en joignant le décompte de la Sécurité sociale\u00a0: elle est traitée sous 10 jours environ.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'personal-data',
    category: 'Données et site internet',
    subject: 'Traitement des données personnelles',
    messages: [
      { from: 'MEMBER', daysAgo: 212, time: '18:40', body: `Bonjour,\n\nJe souhaiterais savoir quelles données vous conservez sur ma famille, et pendant combien de temps.${signature}` },
      { from: 'ADVISOR', daysAgo: 209, time: '15:05', body: `Bonjour Monsieur Garnier,\n\nVotre demande de copie de vos données a bien été enregistrée\u00a0: elle vous sera adressée sous 30 jours au plus. Les données de remboursement sont conservées pendant la durée du contrat puis cinq ans, comme l'exige la réglementation.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'hospital-cover',
    category: 'Prise en charge',
    subject: 'Prise en charge hospitalière',
    messages: [
      { from: 'MEMBER', daysAgo: 218, time: '08:12', body: `Bonjour,\n\nJe dois être opéré du genou à la Clinique des Alouettes dans deux semaines, avec deux nuits d'hospitalisation. Pouvez-vous adresser une prise en charge à la clinique, y compris pour une chambre particulière\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 217, time: '16:44', body: `Bonjour Monsieur Garnier,\n\nLa prise en charge a été transmise à la clinique\u00a0: vous n'aurez pas à avancer les frais de séjour ni les honoraires couverts par votre contrat principal. La chambre particulière est prise en charge par votre contrat Horizon Renfort dans la limite de 300 € par an.\n\nBon rétablissement\u00a0!${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'abroad',
    category: 'Information contrat à l\'étranger',
    subject: 'Soins lors d\'un séjour à l\'étranger',
    messages: [
      { from: 'MEMBER', daysAgo: 104, time: '22:10', body: `Bonjour,\n\nNous partons trois semaines au Québec cet été avec les enfants. Sommes-nous couverts en cas de soins sur place\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 102, time: '10:37', body: `Bonjour Monsieur Garnier,\n\nHors de l'Union européenne, la Sécurité sociale rembourse sur la base des tarifs français, et votre contrat complète sur cette même base\u00a0: les frais réels au Canada peuvent être bien plus élevés. Conservez toutes vos factures pour une demande de remboursement au retour, et pensez à notre offre Voyage, qui couvre les frais médicaux d'urgence et le rapatriement.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'accident-helia',
    category: 'Accident',
    subject: 'Déclaration d\'un accident',
    messages: [
      { from: 'MEMBER', daysAgo: 47, time: '19:26', body: `Bonjour,\n\nMa fille Hélia s'est fracturé le poignet pendant un cours d'EPS au collège. Y a-t-il une démarche particulière à faire pour ses soins\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 45, time: '11:58', body: `Bonjour Monsieur Garnier,\n\nNous espérons qu'Hélia se remet bien. Ses soins sont remboursés normalement, et elle ne paie ni participation forfaitaire ni franchise puisqu'elle est mineure. Si l'assurance scolaire intervient, transmettez-nous simplement son courrier\u00a0: nous n'avons pas d'autre démarche à vous demander.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'advisor-dental-lea',
    category: 'Message de votre conseiller',
    subject: 'Suivi de votre demande',
    unreadByMember: true,
    messages: [
      { from: 'ADVISOR', daysAgo: 10, time: '11:10', body: `Bonjour Monsieur Garnier,\n\nVotre demande de remboursement des soins dentaires de Léa a été acceptée\u00a0; le virement est en cours. Nous avons par ailleurs relancé la CPAM de la Gironde pour rétablir la télétransmission de Léa.${advisor}` },
    ],
  })
  addThread(ctx, {
    key: 'school-certificate',
    category: 'Attestation',
    subject: 'Attestation de droits',
    messages: [
      { from: 'MEMBER', daysAgo: 250, time: '07:58', body: `Bonjour,\n\nLe collège d'Hélia demande une attestation de mutuelle pour un voyage scolaire en Espagne. Laquelle dois-je fournir\u00a0?${signature}` },
      { from: 'ADVISOR', daysAgo: 249, time: '09:12', body: `Bonjour Monsieur Garnier,\n\nL'attestation de droits téléchargeable dans «\u00a0Mes documents\u00a0» mentionne tous vos bénéficiaires et convient pour le collège. Pour l'Espagne, pensez aussi à demander la carte européenne d'assurance maladie d'Hélia sur le site de l'Assurance Maladie.${advisor}` },
    ],
  })
}
