import type { Db } from '../client.ts'
import * as s from '../schema/index.ts'

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert']

/** Every row of the demo, built in memory first so the insert is one synchronous transaction. */
export interface DemoRows {
  members: Insert<typeof s.membersTable>[]
  consents: Insert<typeof s.consentsTable>[]
  accounts: Insert<typeof s.accountsTable>[]
  partnerTokens: Insert<typeof s.partnerTokensTable>[]
  beneficiaries: Insert<typeof s.beneficiariesTable>[]
  contracts: Insert<typeof s.contractsTable>[]
  contractBeneficiaries: Insert<typeof s.contractBeneficiariesTable>[]
  guarantees: Insert<typeof s.guaranteesTable>[]
  bankAccounts: Insert<typeof s.bankAccountsTable>[]
  beneficiaryBankAccounts: Insert<typeof s.beneficiaryBankAccountsTable>[]
  sepaMandates: Insert<typeof s.sepaMandatesTable>[]
  bankAccountChanges: Insert<typeof s.bankAccountChangesTable>[]
  instalments: Insert<typeof s.contributionInstalmentsTable>[]
  insuranceCards: Insert<typeof s.insuranceCardsTable>[]
  cardRights: Insert<typeof s.cardRightsTable>[]
  procedures: Insert<typeof s.proceduresTable>[]
  procedureEvents: Insert<typeof s.procedureEventsTable>[]
  commercialJourneys: Insert<typeof s.commercialJourneysTable>[]
  reimbursements: Insert<typeof s.reimbursementsTable>[]
  reimbursementShares: Insert<typeof s.reimbursementSharesTable>[]
  documents: Insert<typeof s.documentsTable>[]
  messageCategories: Insert<typeof s.messageCategoriesTable>[]
  messageSubjects: Insert<typeof s.messageSubjectsTable>[]
  messageThreads: Insert<typeof s.messageThreadsTable>[]
  messages: Insert<typeof s.messagesTable>[]
  helpCategories: Insert<typeof s.helpCategoriesTable>[]
  guides: Insert<typeof s.guidesTable>[]
  faqEntries: Insert<typeof s.faqEntriesTable>[]
  newsItems: Insert<typeof s.newsItemsTable>[]
}

export type ProcedureRow = DemoRows['procedures'][number]
export type ReimbursementInsert = DemoRows['reimbursements'][number]

export function emptyRows(): DemoRows {
  return {
    members: [],
    consents: [],
    accounts: [],
    partnerTokens: [],
    beneficiaries: [],
    contracts: [],
    contractBeneficiaries: [],
    guarantees: [],
    bankAccounts: [],
    beneficiaryBankAccounts: [],
    sepaMandates: [],
    bankAccountChanges: [],
    instalments: [],
    insuranceCards: [],
    cardRights: [],
    procedures: [],
    procedureEvents: [],
    commercialJourneys: [],
    reimbursements: [],
    reimbursementShares: [],
    documents: [],
    messageCategories: [],
    messageSubjects: [],
    messageThreads: [],
    messages: [],
    helpCategories: [],
    guides: [],
    faqEntries: [],
    newsItems: [],
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** Parents before children, so every foreign key already points at a row. */
export function insertRows(tx: Tx, rows: DemoRows): void {
  const put = <T extends Parameters<Tx['insert']>[0]>(table: T, values: T['$inferInsert'][]) => {
    // one statement per 200 rows keeps well under SQLite's bound-parameter limit
    for (let i = 0; i < values.length; i += 200)
      tx.insert(table).values(values.slice(i, i + 200)).run()
  }
  put(s.membersTable, rows.members)
  put(s.accountsTable, rows.accounts)
  put(s.consentsTable, rows.consents)
  put(s.partnerTokensTable, rows.partnerTokens)
  put(s.beneficiariesTable, rows.beneficiaries)
  put(s.contractsTable, rows.contracts)
  put(s.contractBeneficiariesTable, rows.contractBeneficiaries)
  put(s.guaranteesTable, rows.guarantees)
  put(s.bankAccountsTable, rows.bankAccounts)
  put(s.beneficiaryBankAccountsTable, rows.beneficiaryBankAccounts)
  put(s.sepaMandatesTable, rows.sepaMandates)
  put(s.bankAccountChangesTable, rows.bankAccountChanges)
  // an instalment presented again points at a later one: the later ones first
  put(s.contributionInstalmentsTable, [...rows.instalments].sort((a, b) => Number(a.representedById != null) - Number(b.representedById != null)))
  put(s.insuranceCardsTable, rows.insuranceCards)
  put(s.cardRightsTable, rows.cardRights)
  put(s.messageCategoriesTable, rows.messageCategories)
  put(s.messageSubjectsTable, rows.messageSubjects)
  put(s.helpCategoriesTable, rows.helpCategories)
  put(s.guidesTable, rows.guides)
  put(s.faqEntriesTable, rows.faqEntries)
  put(s.newsItemsTable, rows.newsItems)
  put(s.proceduresTable, rows.procedures)
  put(s.procedureEventsTable, rows.procedureEvents)
  put(s.commercialJourneysTable, rows.commercialJourneys)
  put(s.reimbursementsTable, rows.reimbursements)
  put(s.reimbursementSharesTable, rows.reimbursementShares)
  put(s.documentsTable, rows.documents)
  put(s.messageThreadsTable, rows.messageThreads)
  put(s.messagesTable, rows.messages)
}
