import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { CareType } from '../schema/index.ts'
import type { BeneficiaryRef, CareAct, ContractRef, GuaranteeSpec, HouseholdContext, Origin } from './household.ts'
import type { Random } from './random.ts'
import type { DemoRows } from './rows.ts'
import { getTableColumns } from 'drizzle-orm'
import { addDays } from '../../core/clock.ts'
import * as s from '../schema/index.ts'
import { daysBefore, instant, yearOf } from './calendar.ts'
import { addBenefitsStatements, addContributionSchedule, addGuarantees, addInsuranceCard, addProcedure, addReimbursements, addThread, CREDITOR_IDENTIFIER, lastDebitAt } from './household.ts'
import { frenchIban, nirWithKey } from './identifiers.ts'
import { createRandom, demoId } from './random.ts'
import { emptyRows } from './rows.ts'

/**
 * Households at the scale of a real mutuelle, for the benchmark: one to six beneficiaries, one or
 * two contracts, a year of care paid through the reimbursement engine, démarches and message
 * threads, some of them waiting in the advisors' queue. Deterministic: household n is built from
 * its own seed, whatever the batch. Every generated member signs in with GENERATED_PASSWORD.
 */

export const GENERATED_PASSWORD = 'demo-genere-2026'

/** The sign-in e-mail of generated household n (1-based). */
export function generatedEmail(n: number): string {
  return `adherent.${n}@example.org`
}

const MALE = ['Thomas', 'Nicolas', 'Julien', 'Maxime', 'Antoine', 'Pierre', 'Hugo', 'Lucas', 'Mathieu', 'Olivier', 'Karim', 'Yann', 'Stéphane', 'Éric', 'Mehdi', 'Laurent']
const FEMALE = ['Marie', 'Julie', 'Camille', 'Sophie', 'Claire', 'Emma', 'Léa', 'Chloé', 'Nadia', 'Isabelle', 'Amélie', 'Sarah', 'Inès', 'Hélène', 'Aurélie', 'Fatima']
const CHILDREN = ['Léo', 'Jade', 'Louise', 'Gabriel', 'Raphaël', 'Alice', 'Arthur', 'Lina', 'Adam', 'Rose', 'Noah', 'Mia', 'Sacha', 'Zoé', 'Tom', 'Anna']
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Benali', 'Nguyen']
const CITIES: [string, string, string, string][] = [
  // postal code, city, department code (NIR), Social Security fund
  ['75011', 'Paris', '75', 'CPAM de Paris'],
  ['69003', 'Lyon', '69', 'CPAM du Rhône'],
  ['13006', 'Marseille', '13', 'CPAM des Bouches-du-Rhône'],
  ['31000', 'Toulouse', '31', 'CPAM de la Haute-Garonne'],
  ['33000', 'Bordeaux', '33', 'CPAM de la Gironde'],
  ['44000', 'Nantes', '44', 'CPAM de Loire-Atlantique'],
  ['59000', 'Lille', '59', 'CPAM de Lille-Douai'],
  ['67000', 'Strasbourg', '67', 'CPAM du Bas-Rhin'],
  ['35000', 'Rennes', '35', 'CPAM d\'Ille-et-Vilaine'],
  ['34000', 'Montpellier', '34', 'CPAM de l\'Hérault'],
]
const STREETS = ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Gambetta', 'rue des Lilas', 'place de la Mairie', 'rue Pasteur', 'allée des Tilleuls']
const BANKS: [string, string, string][] = [['30003', 'SOGEFRPPXXX', 'Société Générale'], ['30004', 'BNPAFRPPXXX', 'BNP Paribas'], ['20041', 'PSSTFRPPXXX', 'La Banque Postale'], ['10278', 'CMCIFR2AXXX', 'Crédit Mutuel'], ['16958', 'QNTOFRP1XXX', 'Qonto']]

/** Products and their guarantees: the same engine rules as the demo, three levels of cover. */
const PRODUCTS: { product: string, option: string, collective: boolean, monthlyCents: number, employerCents: number, factor: number }[] = [
  { product: 'Horizon Santé Essentielle', option: 'Niveau 1', collective: false, monthlyCents: 5420, employerCents: 0, factor: 1 },
  { product: 'Horizon Santé Essentielle', option: 'Niveau 2', collective: false, monthlyCents: 8760, employerCents: 0, factor: 1.25 },
  { product: 'Horizon Santé Entreprise', option: 'Base', collective: true, monthlyCents: 11200, employerCents: 5600, factor: 1.5 },
  { product: 'Horizon Santé Entreprise', option: 'Confort +', collective: true, monthlyCents: 16400, employerCents: 8200, factor: 2 },
]

function guaranteeSpecs(factor: number): GuaranteeSpec[] {
  const pct = (base: number) => Math.round(base * factor / 5) * 5
  return [
    { careType: 'CONSULTATION', label: 'Consultations et visites de médecins', brssPercent: pct(100) },
    { careType: 'PHARMACY', label: 'Médicaments remboursés par la Sécurité sociale', brssPercent: 100 },
    { careType: 'LABORATORY', label: 'Analyses et examens de biologie médicale', brssPercent: 100 },
    { careType: 'RADIOLOGY', label: 'Radiologie et imagerie médicale', brssPercent: pct(100) },
    { careType: 'HOSPITAL', label: 'Hospitalisation\u00a0: frais de séjour et honoraires', brssPercent: pct(120) },
    { careType: 'DENTAL', label: 'Soins et prothèses dentaires (panier 100 % Santé inclus)', brssPercent: pct(150), hundredPercentSante: true },
    { careType: 'OPTICS', label: 'Optique\u00a0: 100 % Santé classe A, ou forfait annuel (classe B)', brssPercent: 100, yearlyForfaitCents: Math.round(15000 * factor), hundredPercentSante: true },
    { careType: 'AUDIOLOGY', label: 'Aides auditives\u00a0: 100 % Santé classe I', brssPercent: 100, hundredPercentSante: true },
    { careType: 'PARAMEDICAL', label: 'Auxiliaires médicaux', brssPercent: 100 },
    { careType: 'ALTERNATIVE_MEDICINE', label: 'Médecines douces\u00a0: forfait annuel', brssPercent: null, yearlyForfaitCents: Math.round(6000 * factor), perActCeilingCents: 2000 },
  ]
}

interface CareKind {
  careType: CareType
  label: string
  providers: string[]
  /** Expense range in cents; the Social Security base and rate of the décompte, when one comes. */
  expense: [number, number]
  base?: number
  rate?: number
  origin: Origin
  weight: number
  quantity?: [number, number]
  basket?: boolean
}

const CARE: CareKind[] = [
  { careType: 'CONSULTATION', label: 'Consultation généraliste', providers: ['Dr Karim Benali, médecin généraliste', 'Dr Anne Roussel, médecin généraliste', 'Dr Paul Lemoine, médecin généraliste'], expense: [3000, 3000], base: 3000, rate: 70, origin: 'TELETRANSMISSION', weight: 30 },
  { careType: 'CONSULTATION', label: 'Consultation spécialiste', providers: ['Dr Claire Vidal, dermatologue', 'Dr Hervé Costa, cardiologue', 'Dr Lina Haddad, gynécologue'], expense: [5000, 9000], base: 5000, rate: 70, origin: 'TELETRANSMISSION', weight: 10 },
  { careType: 'PHARMACY', label: 'Médicaments', providers: ['Pharmacie du Marché', 'Pharmacie de la Gare', 'Grande Pharmacie Centrale'], expense: [450, 6800], origin: 'TIERS_PAYANT', weight: 34, quantity: [1, 4] },
  { careType: 'LABORATORY', label: 'Analyses de biologie médicale', providers: ['Laboratoire Bio Santé', 'Laboratoire Cerballiance'], expense: [1500, 7500], rate: 60, origin: 'TELETRANSMISSION', weight: 6 },
  { careType: 'RADIOLOGY', label: 'Radiographie', providers: ['Centre d\'imagerie médicale', 'Cabinet de radiologie du Parc'], expense: [2500, 9000], rate: 70, origin: 'TELETRANSMISSION', weight: 4 },
  { careType: 'PARAMEDICAL', label: 'Séance de kinésithérapie', providers: ['Cabinet de kinésithérapie des Halles', 'Kiné Santé Plus'], expense: [1710, 2500], base: 1710, rate: 60, origin: 'TELETRANSMISSION', weight: 7 },
  { careType: 'DENTAL', label: 'Soins conservateurs', providers: ['Cabinet dentaire du Centre', 'Centre dentaire Mutualiste'], expense: [2300, 9000], rate: 70, origin: 'TELETRANSMISSION', weight: 4 },
  { careType: 'DENTAL', label: 'Couronne céramique', providers: ['Cabinet dentaire du Centre', 'Centre dentaire Mutualiste'], expense: [50000, 90000], base: 12000, rate: 70, origin: 'TELETRANSMISSION', weight: 0.6 },
  { careType: 'OPTICS', label: 'Lunettes 100 % Santé (classe A)', providers: ['Optique du Marché', 'Les Opticiens Mutualistes'], expense: [8500, 12000], base: 3000, rate: 60, origin: 'TIERS_PAYANT', weight: 0.8, basket: true },
  { careType: 'OPTICS', label: 'Lunettes (classe B)', providers: ['Optique du Marché', 'Krys Optique'], expense: [25000, 60000], base: 9, rate: 60, origin: 'TIERS_PAYANT', weight: 0.8 },
  { careType: 'HOSPITAL', label: 'Hospitalisation ambulatoire', providers: ['Clinique Saint-Joseph', 'Hôpital privé du Parc'], expense: [30000, 180000], base: 30000, rate: 80, origin: 'TELETRANSMISSION', weight: 0.5 },
  { careType: 'ALTERNATIVE_MEDICINE', label: 'Séance d\'ostéopathie', providers: ['Cabinet d\'ostéopathie', 'Lucie Marchand, ostéopathe'], expense: [5000, 7000], origin: 'REQUEST', weight: 1.5 },
  { careType: 'AUDIOLOGY', label: 'Aide auditive 100 % Santé (classe I)', providers: ['Audition Conseil'], expense: [95000, 95000], base: 40000, rate: 60, origin: 'TIERS_PAYANT', weight: 0.1, basket: true },
]
const CARE_WEIGHT = CARE.reduce((sum, kind) => sum + kind.weight, 0)

function pickCare(random: Random): CareKind {
  let x = random.next() * CARE_WEIGHT
  for (const kind of CARE) {
    x -= kind.weight
    if (x < 0)
      return kind
  }
  return CARE[0]!
}

const THREADS: { category: string, subject: string, question: string, answer: string }[] = [
  { category: 'Attestation', subject: 'Attestation de droits', question: 'Pouvez-vous m\'envoyer une attestation de droits pour mon employeur\u00a0?', answer: 'L\'attestation de droits est disponible dans «\u00a0Mes documents\u00a0».' },
  { category: 'Information soins', subject: 'Comprendre un remboursement', question: 'Je ne comprends pas le montant remboursé pour ma dernière consultation.', answer: 'La participation forfaitaire de 2 € reste à votre charge\u00a0: la mutuelle ne peut pas la rembourser.' },
  { category: 'Cotisations', subject: 'Échéancier de cotisations', question: 'Puis-je changer la date de prélèvement de mes cotisations\u00a0?', answer: 'Les prélèvements ont lieu le 5 de chaque mois\u00a0; nous ne pouvons pas les décaler.' },
  { category: 'Prise en charge', subject: 'Prise en charge hospitalière', question: 'Je dois être opéré le mois prochain\u00a0: faut-il une prise en charge\u00a0?', answer: 'Demandez à la clinique de nous adresser sa demande de prise en charge, nous y répondons sous 48 heures.' },
  { category: 'Modification de contrat', subject: 'Changement d\'option', question: 'Je voudrais passer à une option supérieure pour l\'optique.', answer: 'Le changement d\'option prend effet au 1er janvier\u00a0; vous pouvez le demander jusqu\'au 31 octobre.' },
]

function buildHousehold(rows: DemoRows, n: number, today: string, advisorAccountId: string, passwordHash: string): void {
  const random = createRandom(0x5EED_0000 + n)
  const key = `generated-${n}`
  const y = yearOf(today)
  const ctx: HouseholdContext = { rows, today, random, key, memberId: demoId(key, 'member'), memberAccountId: demoId(key, 'account'), advisorAccountId }
  const [postalCode, city, department, fund] = random.pick(CITIES)
  const lastName = random.pick(LAST_NAMES)
  const female = random.next() < 0.5
  const firstName = random.pick(female ? FEMALE : MALE)
  const memberBirth = daysBefore(today, random.int(22 * 365, 75 * 365))
  const nir = (birth: string, isFemale: boolean) => nirWithKey(`${isFemale ? 2 : 1}${birth.slice(2, 4)}${birth.slice(5, 7)}${department}${random.digits(6)}`)
  const joinedOn = daysBefore(today, random.int(200, 3000))
  const coverageStart = addDays(joinedOn, 20)
  const memberNumber = `9${String(n).padStart(8, '0')}`
  const email = generatedEmail(n)
  const memberNir = nir(memberBirth, female)

  rows.members.push({ id: ctx.memberId, memberNumber, civility: female ? 'MME' : 'M', firstName, lastName, birthDate: memberBirth, email, phone: `+336${random.digits(8)}`, addressLine1: `${random.int(1, 120)} ${random.pick(STREETS)}`, postalCode, city, country: 'France', nir: memberNir, paperless: random.next() < 0.7, createdAt: instant(joinedOn, '10:00') })
  rows.accounts.push({ id: ctx.memberAccountId, email, passwordHash, role: 'MEMBER', memberId: ctx.memberId, displayName: `${firstName} ${lastName}`, passwordChangedAt: instant(joinedOn, '10:00'), createdAt: instant(joinedOn, '10:00') })

  const [bankCode, bic, bankName] = random.pick(BANKS)
  const accountId = demoId(key, 'bank-account', 'main')
  rows.bankAccounts.push({ id: accountId, memberId: ctx.memberId, holderName: `${firstName} ${lastName}`, iban: frenchIban(bankCode, random.digits(5), random.digits(11)), bic, bankName, forContributions: true, forReimbursements: true, status: 'ACTIVE', createdAt: instant(joinedOn, '10:05') })

  // the member, maybe a partner, then children: one to six people
  const size = random.pick([1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6])
  const people: (BeneficiaryRef & { relationship: 'SELF' | 'SPOUSE' | 'CHILD', lastName: string, nir: string | null })[] = []
  people.push({ id: demoId(key, 'beneficiary', '1'), firstName, birthDate: memberBirth, reimbursementAccountId: accountId, relationship: 'SELF', lastName, nir: memberNir })
  const withPartner = size >= 2 && random.next() < 0.8
  if (withPartner) {
    const birth = addDays(memberBirth, random.int(-2000, 2000))
    const partnerFemale = !female
    people.push({ id: demoId(key, 'beneficiary', '2'), firstName: random.pick(partnerFemale ? FEMALE : MALE), birthDate: birth, reimbursementAccountId: accountId, relationship: 'SPOUSE', lastName, nir: nir(birth, partnerFemale) })
  }
  while (people.length < size) {
    const rank = people.length + 1
    const birth = daysBefore(today, random.int(1 * 365, Math.max(2 * 365, Math.min(24 * 365, (yearOf(today) - yearOf(memberBirth) - 18) * 365))))
    people.push({ id: demoId(key, 'beneficiary', String(rank)), firstName: random.pick(CHILDREN), birthDate: birth, reimbursementAccountId: accountId, relationship: 'CHILD', lastName, nir: null })
  }
  people.forEach((p, index) => {
    rows.beneficiaries.push({ id: p.id, memberId: ctx.memberId, firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, relationship: p.relationship, rank: index + 1, nir: p.nir, coverageStart, socialSecurityFund: fund, noemieStatus: random.next() < 0.95 ? 'ACTIVE' : 'INACTIVE' })
    rows.beneficiaryBankAccounts.push({ beneficiaryId: p.id, bankAccountId: accountId })
  })

  const mandateId = demoId(key, 'mandate', 'current')
  // a second contract (surcomplémentaire) for a fifth of households, covering the member only
  const contractCount = random.next() < 0.2 ? 2 : 1
  const contracts: ContractRef[] = []
  for (let c = 0; c < contractCount; c++) {
    const product = c === 0 ? random.pick(PRODUCTS) : { product: 'Horizon Renfort', option: 'Optique et dentaire', collective: false, monthlyCents: 2890, employerCents: 0, factor: 0.5 }
    const contractKey = c === 0 ? 'main' : 'extra'
    const contract = { key: contractKey, id: demoId(key, 'contract', contractKey), monthlyCents: product.monthlyCents * (c === 0 ? Math.min(3, people.length) : 1), employerCents: product.employerCents }
    const covered = c === 0 ? people : people.slice(0, 1)
    rows.contracts.push({ id: contract.id, memberId: ctx.memberId, number: `HSE-${yearOf(coverageStart)}-${String(n * 2 + c).padStart(7, '0')}`, productLabel: product.product, optionLabel: product.option, collective: product.collective, responsible: true, status: 'ACTIVE', startDate: coverageStart, main: c === 0, monthlyContributionCents: contract.monthlyCents, employerParticipationCents: contract.employerCents, amcNumber: '88612004', conventionType: 'TP', routingCriterion: 'SP' })
    for (const p of covered)
      rows.contractBeneficiaries.push({ contractId: contract.id, beneficiaryId: p.id, startDate: coverageStart })
    contracts.push(addGuarantees(ctx, contractKey, contract.id, guaranteeSpecs(product.factor)))
    addContributionSchedule(ctx, contract, mandateId, c === 0 && random.next() < 0.03 ? 2 : null)
    addInsuranceCard(ctx, contract, c === 0 ? memberNumber : `${memberNumber}-R`, covered.map(p => ({ beneficiaryId: p.id, domains: ['PHAR', 'LABO', 'RADL', 'HOSP', 'OPTI', 'DENT', 'AUDI', 'AUXM'] })))
  }
  // one statement a month for the household (its ids do not name the contract)
  addBenefitsStatements(ctx, contracts[0]!.id)
  rows.sepaMandates.push({ id: mandateId, memberId: ctx.memberId, bankAccountId: accountId, reference: `HZN-RUM-${memberNumber}-0001`, creditorIdentifier: CREDITOR_IDENTIFIER, signedAt: instant(joinedOn, '10:05'), status: 'ACTIVE', lastDebitAt: lastDebitAt(rows, mandateId) })

  // a year of care: children and older members see doctors more often
  const earliest = coverageStart > daysBefore(today, 365) ? coverageStart : daysBefore(today, 365)
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(earliest)) / 86_400_000) - 6)
  const acts: CareAct[] = []
  for (const p of people) {
    const age = yearOf(today) - yearOf(p.birthDate)
    const yearly = age < 6 ? random.int(10, 22) : age > 60 ? random.int(14, 30) : random.int(4, 20)
    const count = Math.round(yearly * span / 365)
    for (let i = 0; i < count; i++) {
      const kind = pickCare(random)
      const careDaysAgo = random.int(7, span + 6)
      const delay = kind.origin === 'REQUEST' ? random.int(5, 15) : random.int(2, 6)
      const expense = random.int(kind.expense[0], kind.expense[1])
      const contract = contracts.length > 1 && p === people[0] && (kind.careType === 'OPTICS' || kind.careType === 'DENTAL') && random.next() < 0.5 ? contracts[1]! : contracts[0]!
      acts.push({
        careDate: daysBefore(today, careDaysAgo),
        paymentDate: daysBefore(today, Math.max(1, careDaysAgo - delay)),
        beneficiary: p,
        contract,
        careType: kind.careType,
        careLabel: kind.label,
        providerName: random.pick(kind.providers),
        expenseCents: expense,
        ...(kind.rate !== undefined ? { socialSecurityBaseCents: kind.base ?? expense, socialSecurityRatePercent: kind.rate } : {}),
        ...(kind.quantity ? { quantity: random.int(kind.quantity[0], kind.quantity[1]) } : {}),
        hundredPercentSanteBasket: kind.basket ?? false,
        origin: kind.origin,
      } as CareAct)
    }
  }
  addReimbursements(ctx, contracts, acts.filter(a => a.paymentDate > a.careDate && (a.origin !== 'REQUEST' || addDays(a.careDate, 2) < a.paymentDate)))

  // démarches still open: the advisors' queue
  const open = random.pick([0, 0, 0, 1, 1, 2])
  for (let i = 0; i < open; i++) {
    const p = random.pick(people)
    const submitted = daysBefore(today, random.int(0, 25))
    const missing = random.next() < 0.2
    const kind = random.pick(['REIMBURSEMENT', 'REIMBURSEMENT', 'QUOTE'] as const)
    const careType = kind === 'QUOTE' ? random.pick(['DENTAL', 'OPTICS'] as const) : random.pick(['ALTERNATIVE_MEDICINE', 'OPTICS', 'DENTAL'] as const)
    const amount = kind === 'QUOTE' ? random.int(40000, 250000) : random.int(3000, 40000)
    addProcedure(ctx, {
      key: `open-${i}`,
      kind,
      beneficiaryId: p.id,
      events: missing
        ? [{ status: 'SUBMITTED', at: instant(submitted, '19:10') }, { status: 'MISSING_DOCUMENTS', at: instant(addDays(submitted, 1) < today ? addDays(submitted, 1) : submitted, '20:00'), note: 'Merci de joindre la facture détaillée.' }]
        : [{ status: 'SUBMITTED', at: instant(submitted, '19:10') }],
      estimatedDecisionDate: addDays(submitted, 10),
      fields: { careType, careDate: kind === 'QUOTE' ? null : addDays(submitted, -random.int(1, 20)), amountCents: amount, amountEurCents: amount, details: { providerName: random.pick(CARE.find(c => c.careType === careType)!.providers) } },
    })
  }

  // message threads, the newest maybe still waiting for an advisor
  const threads = random.pick([0, 0, 1, 1, 2, 3])
  for (let i = 0; i < threads; i++) {
    const t = random.pick(THREADS)
    const daysAgo = random.int(1, 300)
    const answered = i < threads - 1 || random.next() < 0.6
    const signature = `\n\n${firstName} ${lastName}`
    addThread(ctx, {
      key: String(i),
      category: t.category,
      subject: t.subject,
      unreadByMember: answered && daysAgo < 20,
      messages: [
        { from: 'MEMBER', daysAgo, time: '12:30', body: `Bonjour,\n\n${t.question}${signature}` },
        ...(answered ? [{ from: 'ADVISOR' as const, daysAgo: Math.max(0, daysAgo - 1), time: '15:10', body: `Bonjour,\n\n${t.answer}\n\nBien cordialement,\nClaire Moreau, votre conseillère` }] : []),
      ],
    })
  }
  rows.documents.push({ id: demoId(key, 'document', 'certificate'), memberId: ctx.memberId, contractId: contracts[0]!.id, kind: 'CERTIFICATE', title: `Attestation de droits ${y}`, year: y, issuedAt: instant(`${y - 1}-12-20`, '05:30'), fileId: null })
}


/** The tables a batch fills, parents before children as insertRows orders them. */
export const LARGE_TABLES = {
  members: s.membersTable,
  accounts: s.accountsTable,
  beneficiaries: s.beneficiariesTable,
  contracts: s.contractsTable,
  contractBeneficiaries: s.contractBeneficiariesTable,
  guarantees: s.guaranteesTable,
  bankAccounts: s.bankAccountsTable,
  beneficiaryBankAccounts: s.beneficiaryBankAccountsTable,
  sepaMandates: s.sepaMandatesTable,
  instalments: s.contributionInstalmentsTable,
  insuranceCards: s.insuranceCardsTable,
  cardRights: s.cardRightsTable,
  procedures: s.proceduresTable,
  procedureEvents: s.procedureEventsTable,
  reimbursements: s.reimbursementsTable,
  reimbursementShares: s.reimbursementSharesTable,
  documents: s.documentsTable,
  messageThreads: s.messageThreadsTable,
  messages: s.messagesTable,
} satisfies Partial<Record<keyof DemoRows, SQLiteTable>>
export type LargeTable = keyof typeof LARGE_TABLES
const TABLE_NAMES = Object.keys(LARGE_TABLES) as LargeTable[]

/** Every column of a table, in the order of the generated INSERTs and of the encoded values. */
export function insertColumns(table: SQLiteTable) {
  return Object.values(getTableColumns(table))
}

export interface LargeDataInput {
  households: number
  today: string
  advisorAccountId: string
  /** The hash of GENERATED_PASSWORD, computed once by the caller. */
  passwordHash: string
}

/** Households per batch: démarche references are numbered in submission order within one. */
export const BATCH = 250

/**
 * A batch ready for SQLite: per table, its rows' driver values (JSON as text, booleans as 0/1,
 * defaults filled in), row after row in one flat array, so inserting it is binding only.
 */
export interface EncodedBatch {
  households: number
  reimbursements: number
  tables: Record<LargeTable, unknown[]>
  /** Milliseconds spent building and encoding it. */
  buildMs: number
}

/**
 * Builds households first..last (1-based, included), their démarches in submission order:
 * numberProcedures gives them their references once the batches before are known.
 */
export function buildBatch(input: LargeDataInput, first: number, last: number): EncodedBatch {
  const t0 = performance.now()
  const tables = Object.fromEntries(TABLE_NAMES.map(name => [name, []])) as unknown as Record<LargeTable, unknown[]>
  const procedures: DemoRows['procedures'] = []
  let reimbursements = 0
  for (let n = first; n <= last; n++) {
    // one household's rows at a time: the helpers look rows up by scanning them
    const rows = emptyRows()
    buildHousehold(rows, n, input.today, input.advisorAccountId, input.passwordHash)
    for (const name of TABLE_NAMES) {
      if (name === 'procedures')
        procedures.push(...rows.procedures)
      else
        encodeRows(LARGE_TABLES[name], rows[name], tables[name])
    }
    reimbursements += rows.reimbursements.length
  }
  encodeRows(LARGE_TABLES.procedures, procedures.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)), tables.procedures)
  return { households: last - first + 1, reimbursements, tables, buildMs: performance.now() - t0 }
}

const PROCEDURE_KEYS = Object.keys(getTableColumns(LARGE_TABLES.procedures))
const PROCEDURE_WIDTH = PROCEDURE_KEYS.length
const REFERENCE = PROCEDURE_KEYS.indexOf('reference')
const SUBMITTED_AT = PROCEDURE_KEYS.indexOf('submittedAt')

/** Numbers a batch's démarches from `reference` on, DEM-<year submitted>-<seven digits>; returns the next one. */
export function numberProcedures(batch: EncodedBatch, reference: number): number {
  const values = batch.tables.procedures
  for (let i = 0; i < values.length; i += PROCEDURE_WIDTH)
    values[i + REFERENCE] = `DEM-${(values[i + SUBMITTED_AT] as string).slice(0, 4)}-${String(reference++).padStart(7, '0')}`
  return reference
}

const columnsOf = new Map<SQLiteTable, [string, SQLiteColumn][]>()

/** Values as drizzle would send them: defaults for what is missing, then each column's mapping. */
function encodeRows(table: SQLiteTable, rows: readonly object[], out: unknown[]): void {
  let columns = columnsOf.get(table)
  if (!columns)
    columnsOf.set(table, columns = Object.entries(getTableColumns(table)))
  for (const row of rows) {
    for (const [key, column] of columns) {
      let value = (row as Record<string, unknown>)[key]
      if (value === undefined)
        value = column.defaultFn ? column.defaultFn() : column.default
      out.push(value === undefined || value === null ? null : column.mapToDriverValue(value))
    }
  }
}

/** Where the first démarche reference of the generated households starts. */
export const FIRST_REFERENCE = 300_000
