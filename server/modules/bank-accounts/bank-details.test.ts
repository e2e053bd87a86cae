import type { ApiClient, TestApp } from '../../test/harness.ts'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountsTable, auditEventsTable, bankAccountChangesTable, bankAccountsTable, beneficiariesTable, beneficiaryBankAccountsTable, membersTable, proceduresTable, reimbursementsTable, sepaMandatesTable } from '../../db/schema/index.ts'
import { frenchIban } from '../../db/demo/identifiers.ts'
import { uploadId } from '../../test/files.ts'
import { startTestApp, TEST_NOW, testClock } from '../../test/harness.ts'
import { readOutbox } from '../mail/mail.service.ts'

const DETAILS = `query BankDetails {
  bankDetails {
    accounts { id holderName ibanMasked bic bankName usages createdAt }
    beneficiaries { coverageStart beneficiary { id firstName rank } account { id ibanMasked holderName } }
    mandate { reference creditorIdentifier signedAt status accountIbanMasked }
    upcomingDebits { dueDate amountCents contractLabel }
    changesInReview { id status ibanMasked }
    changeRules { paymentHoldHours reviewWindowDays securityCooldownMinutes maxChangesPerDay changesLeftToday nextChangeReviewed blockedUntil pendingChangeMinutes }
    mandateText
  }
}`

const CHANGE = 'change { id status ibanMasked holderName bic usages beneficiaries { id firstName } newMandate reviewRequired expiresAt confirmedAt procedureId }'
const START = `mutation Start($input: BankAccountChangeInput!) { startBankAccountChange(input: $input) { errors { field code message } ${CHANGE} } }`
const CONFIRM = `mutation Confirm($id: ID!, $password: String!) { confirmBankAccountChange(changeId: $id, password: $password) { errors { field code message } ${CHANGE} } }`
const PROCEDURES = `query { procedures(kind: BANK_DETAILS_CHANGE, first: 20) { nodes { id kind status decisionNote reference bankAccountChange { status ibanMasked usages } } } }`
const DECIDE = `mutation Decide($id: ID!, $decision: Decision!, $note: String) {
  decideProcedure(procedureId: $id, decision: $decision, note: $note) { errors { field code message } task { procedure { id status decisionNote } } }
}`

const PASSWORD = 'demo-benoit-2026'
// valid French IBANs (RIB key and check digits computed), of banks not in the demo
const NEW_IBAN = frenchIban('30002', '00550', '00001578412')
const SECOND_IBAN = frenchIban('10278', '02233', '00020475601')
const THIRD_IBAN = frenchIban('18206', '00060', '65432109876')
const spaced = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim()

/** Every whole IBAN the database holds, and any long run of one: none may appear in an answer. */
function ibansOf(app: TestApp): string[] {
  return [...app.db.select({ iban: bankAccountsTable.iban }).from(bankAccountsTable).all(), ...app.db.select({ iban: bankAccountChangesTable.iban }).from(bankAccountChangesTable).all()].map(r => r.iban)
}
function expectNoWholeIban(app: TestApp, answer: unknown, also: string[] = []) {
  const text = JSON.stringify(answer)
  for (const iban of [...ibansOf(app), ...also]) {
    expect(text).not.toContain(iban)
    expect(text).not.toContain(spaced(iban))
    // the bank and branch codes, the start of the account number: never shown
    expect(text).not.toContain(iban.slice(4, 14))
  }
}

/** What a change may touch: it must be identical until the password confirms it. */
function accountsSnapshot(app: TestApp) {
  return {
    accounts: app.db.select().from(bankAccountsTable).all(),
    assignments: app.db.select().from(beneficiaryBankAccountsTable).all(),
    mandates: app.db.select().from(sepaMandatesTable).all(),
    procedures: app.db.select({ id: proceduresTable.id }).from(proceduresTable).where(eq(proceduresTable.kind, 'BANK_DETAILS_CHANGE')).all(),
  }
}

describe('bankDetails and the change of RIB', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient
  const ids: Record<string, string> = {}
  const outbox = () => readOutbox(join(app.dataDir, 'outbox'))
  // sessions end after 15 idle minutes: sign in again after moving the clock
  async function later(ms: number) {
    app.clock.advance(ms)
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    advisor = await app.as('advisor')
  }

  beforeAll(async () => {
    app = await startTestApp({ clock: testClock() })
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    advisor = await app.as('advisor')
    for (const b of app.db.select().from(beneficiariesTable).all())
      ids[b.firstName] = b.id
  })
  afterAll(() => app.close())

  const input = (more: Record<string, unknown> = {}) => ({ iban: spaced(NEW_IBAN), holderName: 'Benoit Garnier', usages: ['CONTRIBUTIONS', 'REIMBURSEMENTS'], beneficiaryIds: [ids['Benoit'], ids['Louise'], ids['Hélia'], ids['Léa']], acceptMandate: true, ...more })

  it('shows the accounts masked, who is paid where with the coverage start, the mandate and the next debits', async () => {
    const r = await benoit.gql(DETAILS)
    expect(r.errors).toBeUndefined()
    const d = r.data.bankDetails
    expect(d.accounts.map((a: any) => [a.holderName, a.ibanMasked, a.usages])).toEqual([
      ['Benoit Garnier', 'FR76 **** * 4859 9384', ['CONTRIBUTIONS', 'REIMBURSEMENTS']],
      ['Sarah Garnier', expect.stringMatching(/^FR76 \*{4} \* \d{4} \d{4}$/), ['REIMBURSEMENTS']],
    ])
    expect(d.beneficiaries.map((b: any) => b.beneficiary.firstName)).toEqual(['Benoit', 'Sarah', 'Louise', 'Hélia', 'Léa'])
    expect(d.beneficiaries[0]).toMatchObject({ coverageStart: expect.stringMatching(/^\d{4}-01-01$/), account: { ibanMasked: 'FR76 **** * 4859 9384' } })
    expect(d.beneficiaries[1].account.holderName).toBe('Sarah Garnier')
    expect(d.mandate).toMatchObject({ reference: 'HZN-RUM-202897774-0002', creditorIdentifier: expect.stringMatching(/^FR\d{2}ZZZ/), status: 'ACTIVE', accountIbanMasked: 'FR76 **** * 4859 9384' })
    expect(d.upcomingDebits.length).toBeGreaterThan(0)
    expect(d.upcomingDebits.length).toBeLessThanOrEqual(3)
    expect(d.upcomingDebits.every((x: any) => x.dueDate >= TEST_NOW.slice(0, 10) && x.amountCents > 0)).toBe(true)
    expect([...d.upcomingDebits.map((x: any) => x.dueDate)].sort()).toEqual(d.upcomingDebits.map((x: any) => x.dueDate))
    expect(d.changeRules).toEqual({ paymentHoldHours: 72, reviewWindowDays: 30, securityCooldownMinutes: 60, maxChangesPerDay: 3, changesLeftToday: 3, nextChangeReviewed: false, blockedUntil: null, pendingChangeMinutes: 15 })
    expect(d.mandateText).toContain('autorisez votre mutuelle')
    expectNoWholeIban(app, r.data)
  })

  it('answers only the member\'s own household, and nobody else', async () => {
    const r = await camille.gql(DETAILS)
    expect(r.data.bankDetails.accounts.map((a: any) => a.holderName)).toEqual(['Camille Lefèvre'])
    expect(JSON.stringify(r.data)).not.toContain('Garnier')
    expect((await app.client().gql(DETAILS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect((await advisor.gql(DETAILS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it.each([
    ['a wrong checksum', { iban: spaced(NEW_IBAN.slice(0, -1) + String((Number(NEW_IBAN.at(-1)) + 1) % 10)) }, 'iban', 'INVALID_IBAN_CHECKSUM'],
    ['a wrong length for the country', { iban: NEW_IBAN.slice(0, -2) }, 'iban', 'INVALID_IBAN_LENGTH'],
    ['letters where digits belong', { iban: `${NEW_IBAN.slice(0, 4)}3000A${NEW_IBAN.slice(9)}` }, 'iban', 'INVALID_IBAN_FORMAT'],
    ['an IBAN of a country outside SEPA', { iban: 'TR33 0006 1005 1978 6457 8413 26' }, 'iban', 'IBAN_COUNTRY_NOT_SEPA'],
    ['punctuation in the IBAN', { iban: `${NEW_IBAN.slice(0, 10)}!${NEW_IBAN.slice(10)}` }, 'iban', 'INVALID_IBAN_FORMAT'],
    ['an empty IBAN', { iban: '  ' }, 'iban', 'REQUIRED'],
    ['a BIC that is not one', { bic: 'PSST-FR' }, 'bic', 'INVALID_BIC'],
    ['an empty holder', { holderName: '   ' }, 'holderName', 'REQUIRED'],
    ['a holder over 70 characters', { holderName: 'B'.repeat(71) }, 'holderName', 'TOO_LONG'],
    ['control characters in the holder', { holderName: 'Benoit\u0007 Garnier' }, 'holderName', 'INVALID_CHARACTERS'],
    ['a bidirectional override in the holder', { holderName: 'Benoit \u202EreinraG' }, 'holderName', 'INVALID_CHARACTERS'],
    ['markup in the holder', { holderName: '<b>Benoit</b>' }, 'holderName', 'INVALID_CHARACTERS'],
    ['no usage', { usages: [] }, 'usages', 'REQUIRED'],
    ['reimbursements for nobody', { usages: ['REIMBURSEMENTS'], beneficiaryIds: [] }, 'beneficiaryIds', 'REQUIRED'],
    ['contributions moving without accepting the mandate', { acceptMandate: false }, 'acceptMandate', 'MANDATE_NOT_ACCEPTED'],
  ])('refuses %s with a French field error and saves nothing', async (_, more, field, code) => {
    const before = { ...accountsSnapshot(app), changes: app.db.select().from(bankAccountChangesTable).all() }
    const r = await benoit.gql(START, { input: input(more) })
    expect(r.data.startBankAccountChange.change).toBeNull()
    expect(r.data.startBankAccountChange.errors).toEqual([{ field, code, message: expect.stringMatching(/[a-zé].*[ée]/) }])
    expect({ ...accountsSnapshot(app), changes: app.db.select().from(bankAccountChangesTable).all() }).toEqual(before)
  })

  it('refuses another household\'s beneficiary as if it did not exist', async () => {
    const camilleSelf = app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Camille')).get()!
    const r = await benoit.gql(START, { input: input({ beneficiaryIds: [ids['Louise'], camilleSelf.id] }) })
    expect(r.data.startBankAccountChange.errors).toEqual([{ field: 'beneficiaryIds', code: 'NOT_FOUND', message: 'Un des bénéficiaires choisis est introuvable.' }])
  })

  let firstChangeId = ''
  it('records a pending change, masked, and leaves the accounts as they were until the password confirms it', async () => {
    const before = accountsSnapshot(app)
    const r = await benoit.gql(START, { input: input({ bic: 'ccbp fr pp xxx'.replace(/ /g, '') }) })
    expect(r.data.startBankAccountChange.errors).toEqual([])
    const change = r.data.startBankAccountChange.change
    expect(change).toMatchObject({ status: 'PENDING', ibanMasked: `FR76 **** * ${NEW_IBAN.slice(-8, -4)} ${NEW_IBAN.slice(-4)}`, holderName: 'Benoit Garnier', bic: 'CCBPFRPPXXX', usages: ['CONTRIBUTIONS', 'REIMBURSEMENTS'], newMandate: true, reviewRequired: false, confirmedAt: null, procedureId: null })
    expect(change.beneficiaries.map((b: any) => b.firstName)).toEqual(['Benoit', 'Louise', 'Hélia', 'Léa'])
    expect(Date.parse(change.expiresAt) - Date.parse(TEST_NOW)).toBe(15 * 60_000)
    expectNoWholeIban(app, r.data)
    expect(accountsSnapshot(app)).toEqual(before)
    firstChangeId = change.id
  })

  it('refuses a wrong password, another member\'s change and a missing one, changing nothing', async () => {
    const before = accountsSnapshot(app)
    const wrong = await benoit.gql(CONFIRM, { id: firstChangeId, password: 'pas-le-bon' })
    expect(wrong.data.confirmBankAccountChange.errors).toEqual([{ field: 'password', code: 'WRONG_PASSWORD', message: 'Mot de passe incorrect. Il vous reste 2 essais.' }])
    const foreign = await camille.gql(CONFIRM, { id: firstChangeId, password: 'demo-camille-2026' })
    const missing = await benoit.gql(CONFIRM, { id: '00000000-0000-0000-0000-000000000000', password: PASSWORD })
    expect(foreign.data.confirmBankAccountChange).toEqual(missing.data.confirmBankAccountChange)
    expect(foreign.data.confirmBankAccountChange.errors).toEqual([{ field: 'changeId', code: 'NOT_FOUND', message: expect.stringContaining('introuvable') }])
    expect(accountsSnapshot(app)).toEqual(before)
    expect(outbox()).toEqual([])
  })

  it('lets a pending change expire after 15 minutes', async () => {
    const r = await benoit.gql(START, { input: input({ iban: SECOND_IBAN }) })
    const id = r.data.startBankAccountChange.change.id
    const before = accountsSnapshot(app)
    await later(15 * 60_000 + 1000)
    const late = await benoit.gql(CONFIRM, { id, password: PASSWORD })
    expect(late.data.confirmBankAccountChange.errors).toEqual([{ field: 'changeId', code: 'CHANGE_EXPIRED', message: expect.stringContaining('expiré') }])
    expect(accountsSnapshot(app)).toEqual(before)
  })

  it('applies a confirmed change in one go: accounts, new mandate, démarche, audit event and a mail to the address on file', async () => {
    // the first pending change has expired too: enter it again
    const started = await benoit.gql(START, { input: input({ bic: 'CCBPFRPPXXX' }) })
    const id = started.data.startBankAccountChange.change.id
    const oldMandate = app.db.select().from(sepaMandatesTable).where(eq(sepaMandatesTable.status, 'ACTIVE')).all().find(m => m.reference.startsWith('HZN'))!
    const r = await benoit.gql(CONFIRM, { id, password: PASSWORD })
    expect(r.data.confirmBankAccountChange.errors).toEqual([])
    expect(r.data.confirmBankAccountChange.change).toMatchObject({ status: 'CONFIRMED', reviewRequired: false, confirmedAt: expect.any(String), procedureId: expect.any(String) })
    expectNoWholeIban(app, r.data)

    const d = (await benoit.gql(DETAILS)).data.bankDetails
    const masked = `FR76 **** * ${NEW_IBAN.slice(-8, -4)} ${NEW_IBAN.slice(-4)}`
    expect(d.accounts.map((a: any) => [a.ibanMasked, a.usages])).toEqual([[masked, ['CONTRIBUTIONS', 'REIMBURSEMENTS']], [expect.any(String), ['REIMBURSEMENTS']]])
    expect(d.beneficiaries.map((b: any) => [b.beneficiary.firstName, b.account.ibanMasked === masked])).toEqual([['Benoit', true], ['Sarah', false], ['Louise', true], ['Hélia', true], ['Léa', true]])
    // a fresh RUM on the new account; the old mandate revoked; the next debits under the new one
    expect(d.mandate).toMatchObject({ reference: 'HZN-RUM-202897774-0003', status: 'ACTIVE', accountIbanMasked: masked, signedAt: expect.any(String) })
    expect(app.db.select().from(sepaMandatesTable).where(eq(sepaMandatesTable.id, oldMandate.id)).get()).toMatchObject({ status: 'REVOKED', revokedAt: expect.any(String) })
    const replaced = app.db.select().from(bankAccountsTable).where(eq(bankAccountsTable.id, oldMandate.bankAccountId)).get()!
    expect(replaced).toMatchObject({ status: 'REPLACED', forContributions: false, forReimbursements: false })
    expect(d.changeRules).toMatchObject({ changesLeftToday: 2, nextChangeReviewed: true })

    // « Modification de RIB » in Mes démarches, accepted, saying the first payment is held
    const procedures = (await benoit.gql(PROCEDURES)).data.procedures.nodes
    const mine = procedures.find((p: any) => p.id === r.data.confirmBankAccountChange.change.procedureId)
    expect(mine).toMatchObject({ kind: 'BANK_DETAILS_CHANGE', status: 'ACCEPTED', bankAccountChange: { status: 'CONFIRMED', ibanMasked: masked } })
    expect(mine.decisionNote).toContain('HZN-RUM-202897774-0003')
    expect(mine.decisionNote).toContain('retenu 72 heures')

    // one audit event, with masked IBANs and hashes, never the whole IBAN
    const events = app.db.select().from(auditEventsTable).where(and(eq(auditEventsTable.action, 'BANK_DETAILS_CHANGE'), eq(auditEventsTable.outcome, 'SUCCESS'))).all()
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actorRole: 'MEMBER', details: { stepUp: 'PASSWORD', newIbanMasked: masked, previousIbansMasked: ['FR76 **** * 4859 9384'], newIbanHash: expect.stringMatching(/^[0-9a-f]{64}$/) } })
    expect(JSON.stringify(app.db.select().from(auditEventsTable).all())).not.toContain(NEW_IBAN)

    // the mail: to the address on file, the last four characters at most, what to do if it was not them
    const mails = outbox()
    expect(mails.map(m => [m.to, m.subject])).toEqual([['benoit@example.org', 'Vos coordonnées bancaires ont été modifiées']])
    expect(mails[0]!.text).toContain(`se terminant par ${NEW_IBAN.slice(-4)}`)
    expect(mails[0]!.text).toContain('Si vous n\'êtes pas à l\'origine de cette modification')
    expect(mails[0]!.text).not.toContain(NEW_IBAN.slice(-5))
    expect(mails[0]!.text).not.toContain('4859')
  })

  it('never answers a whole IBAN, wherever an account shows: bank details, démarches, reimbursements, contracts, documents', async () => {
    const answers = await Promise.all([
      benoit.gql(DETAILS),
      benoit.gql(PROCEDURES),
      benoit.gql(`{ reimbursements(first: 100) { nodes { id bankAccount { holderName ibanMasked } } } }`),
      benoit.gql(`{ contracts { id contributionSummary { mandate { reference accountIbanMasked } } } }`),
      benoit.gql(`{ me { id email } beneficiaries { id nirMasked } }`),
    ])
    for (const r of answers) {
      expect(r.errors).toBeUndefined()
      expectNoWholeIban(app, r.data)
    }
    expect(JSON.stringify(answers[2]!.data)).toContain('FR76 **** *')
  })

  it('refuses to confirm the same change twice', async () => {
    const used = app.db.select().from(bankAccountChangesTable).where(eq(bankAccountChangesTable.status, 'CONFIRMED')).all().find(c => c.iban === NEW_IBAN)!
    const before = accountsSnapshot(app)
    const again = await benoit.gql(CONFIRM, { id: used.id, password: PASSWORD })
    expect(again.data.confirmBankAccountChange.errors).toEqual([{ field: 'changeId', code: 'CHANGE_ALREADY_USED', message: expect.stringContaining('déjà été validée') }])
    expect(accountsSnapshot(app)).toEqual(before)
  })

  it('holds the first reimbursement into the new account 72 hours, and the démarche gives the payment date', async () => {
    const file = await uploadId(benoit)
    const submitted = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { code } procedure { id } } }`, {
      input: { beneficiaryId: ids['Louise'], careType: 'PHARMACY', careDate: '2026-11-20', abroad: false, amountCents: 1500, attachmentIds: [file] },
    })
    const procedureId = submitted.data.submitReimbursementRequest.procedure.id
    const decided = await advisor.gql(DECIDE, { id: procedureId, decision: 'ACCEPT' })
    expect(decided.data.decideProcedure.errors).toEqual([])
    const paid = app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, procedureId)).get()!
    const account = app.db.select().from(bankAccountsTable).where(eq(bankAccountsTable.iban, NEW_IBAN)).get()!
    expect(paid.bankAccountId).toBe(account.id)
    expect(Date.parse(paid.heldUntil!) - app.clock.now().getTime()).toBe(72 * 3_600_000)
    expect(paid.paymentDate).toBe('2026-11-29')
    expect(decided.data.decideProcedure.task.procedure.decisionNote).toMatch(/seront versés le 29\/11\/2026\. C'est le premier remboursement sur ce compte\s: par sécurité, il est retenu 72 heures\./)

    // the next one into the same account is paid at once
    const second = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { procedure { id } } }`, {
      input: { beneficiaryId: ids['Hélia'], careType: 'PHARMACY', careDate: '2026-11-21', abroad: false, amountCents: 900, attachmentIds: [await uploadId(benoit)] },
    })
    await advisor.gql(DECIDE, { id: second.data.submitReimbursementRequest.procedure.id, decision: 'ACCEPT' })
    const next = app.db.select().from(reimbursementsTable).where(eq(reimbursementsTable.procedureId, second.data.submitReimbursementRequest.procedure.id)).get()!
    expect(next).toMatchObject({ heldUntil: null, paymentDate: '2026-11-26' })
  })

  let reviewProcedureId = ''
  it('sends a second change within 30 days to the advisors, and changes nothing before their decision', async () => {
    const before = accountsSnapshot(app)
    const started = await benoit.gql(START, { input: input({ iban: SECOND_IBAN, usages: ['REIMBURSEMENTS'], beneficiaryIds: [ids['Léa']] }) })
    expect(started.data.startBankAccountChange.change).toMatchObject({ reviewRequired: true, newMandate: false })
    const r = await benoit.gql(CONFIRM, { id: started.data.startBankAccountChange.change.id, password: PASSWORD })
    expect(r.data.confirmBankAccountChange.change).toMatchObject({ status: 'IN_REVIEW', reviewRequired: true })
    reviewProcedureId = r.data.confirmBankAccountChange.change.procedureId
    expect(accountsSnapshot(app).accounts).toEqual(before.accounts)
    expect(accountsSnapshot(app).assignments).toEqual(before.assignments)
    const d = (await benoit.gql(DETAILS)).data.bankDetails
    expect(d.changesInReview).toEqual([{ id: r.data.confirmBankAccountChange.change.id, status: 'IN_REVIEW', ibanMasked: expect.stringMatching(/^FR76 /) }])

    const queue = await advisor.gql(`{ advisorQueue(kind: BANK_DETAILS_CHANGE) { nodes { ... on ProcedureTask { procedure { id status bankAccountChange { ibanMasked usages status } } } } } }`)
    const task = queue.data.advisorQueue.nodes.find((n: any) => n.procedure.id === reviewProcedureId)
    expect(task.procedure).toMatchObject({ status: 'SUBMITTED', bankAccountChange: { status: 'IN_REVIEW', usages: ['REIMBURSEMENTS'] } })
    expectNoWholeIban(app, queue.data)
    expect(outbox().at(-1)).toMatchObject({ to: 'benoit@example.org', subject: 'Demande de modification de vos coordonnées bancaires' })
  })

  it('applies a reviewed change when the advisor accepts it, and drops one they refuse', async () => {
    const accepted = await advisor.gql(DECIDE, { id: reviewProcedureId, decision: 'ACCEPT' })
    expect(accepted.data.decideProcedure.errors).toEqual([])
    expect(accepted.data.decideProcedure.task.procedure.decisionNote).toContain('Nouveau RIB enregistré')
    const lea = app.db.select().from(beneficiaryBankAccountsTable).where(eq(beneficiaryBankAccountsTable.beneficiaryId, ids['Léa']!)).get()!
    expect(app.db.select().from(bankAccountsTable).where(eq(bankAccountsTable.id, lea.bankAccountId)).get()!.iban).toBe(SECOND_IBAN)
    expect(outbox().at(-1)).toMatchObject({ to: 'benoit@example.org', subject: 'Vos coordonnées bancaires ont été modifiées' })

    const third = await benoit.gql(START, { input: input({ iban: THIRD_IBAN, usages: ['REIMBURSEMENTS'], beneficiaryIds: [ids['Benoit']] }) })
    const confirmed = await benoit.gql(CONFIRM, { id: third.data.startBankAccountChange.change.id, password: PASSWORD })
    const before = accountsSnapshot(app)
    const refused = await advisor.gql(DECIDE, { id: confirmed.data.confirmBankAccountChange.change.procedureId, decision: 'REJECT', note: 'Le titulaire ne correspond pas à l\'adhérent.' })
    expect(refused.data.decideProcedure.task.procedure).toMatchObject({ status: 'REJECTED', decisionNote: 'Modification refusée\u00a0: vos coordonnées bancaires restent inchangées. Le titulaire ne correspond pas à l\'adhérent.' })
    expect(accountsSnapshot(app).accounts).toEqual(before.accounts)
    expect(accountsSnapshot(app).assignments).toEqual(before.assignments)
    expect(app.db.select().from(bankAccountChangesTable).where(eq(bankAccountChangesTable.procedureId, confirmed.data.confirmBankAccountChange.change.procedureId)).get()!.status).toBe('REJECTED')
  })

  it('refuses a fourth change in a day', async () => {
    const before = { ...accountsSnapshot(app), changes: app.db.select().from(bankAccountChangesTable).all() }
    const r = await benoit.gql(START, { input: input({ iban: SECOND_IBAN, usages: ['REIMBURSEMENTS'], beneficiaryIds: [ids['Benoit']] }) })
    expect(r.data.startBankAccountChange.errors).toEqual([{ field: null, code: 'DAILY_LIMIT', message: expect.stringContaining('3 fois en 24 heures') }])
    expect({ ...accountsSnapshot(app), changes: app.db.select().from(bankAccountChangesTable).all() }).toEqual(before)
    expect((await benoit.gql(DETAILS)).data.bankDetails.changeRules.changesLeftToday).toBe(0)
  })

  it('cancels a change after three wrong passwords', async () => {
    const r = await camille.gql(START, { input: { iban: THIRD_IBAN, holderName: 'Camille Lefèvre', usages: ['REIMBURSEMENTS'], beneficiaryIds: [app.db.select().from(beneficiariesTable).where(eq(beneficiariesTable.firstName, 'Camille')).get()!.id] } })
    const id = r.data.startBankAccountChange.change.id
    for (let i = 0; i < 2; i++)
      await camille.gql(CONFIRM, { id, password: 'faux' })
    const third = await camille.gql(CONFIRM, { id, password: 'faux' })
    expect(third.data.confirmBankAccountChange.errors[0]).toMatchObject({ field: 'password', code: 'WRONG_PASSWORD', message: expect.stringContaining('annulée') })
    const late = await camille.gql(CONFIRM, { id, password: 'demo-camille-2026' })
    expect(late.data.confirmBankAccountChange.errors[0].code).toBe('CHANGE_ALREADY_USED')
    expect(app.db.select().from(auditEventsTable).where(and(eq(auditEventsTable.action, 'BANK_DETAILS_CHANGE'), eq(auditEventsTable.outcome, 'FAILURE'))).all().length).toBeGreaterThanOrEqual(3)
  })
})

describe('changes right after a password or e-mail change', () => {
  let app: TestApp
  let benoit: ApiClient
  let memberId = ''
  let accountId = ''
  const input = () => ({ iban: NEW_IBAN, holderName: 'Benoit Garnier', usages: ['CONTRIBUTIONS'], acceptMandate: true })

  beforeAll(async () => {
    app = await startTestApp({ clock: testClock() })
    benoit = await app.as('benoit')
    const account = app.db.select().from(accountsTable).where(eq(accountsTable.email, 'benoit@example.org')).get()!
    accountId = account.id
    memberId = account.memberId!
  })
  afterAll(() => app.close())

  async function later(ms: number) {
    app.clock.advance(ms)
    benoit = await app.as('benoit')
  }
  const ago = (minutes: number) => new Date(app.clock.now().getTime() - minutes * 60_000).toISOString()
  const securityEvent = (action: string, minutes: number, details?: Record<string, unknown>) => app.db.insert(auditEventsTable).values({ at: ago(minutes), action, actorAccountId: accountId, actorRole: 'MEMBER', memberId, outcome: 'SUCCESS', details }).run()

  it('refuses a change less than an hour after an e-mail change, explaining why in French', async () => {
    securityEvent('EMAIL_CHANGED', 20)
    const r = await benoit.gql(START, { input: input() })
    expect(r.data.startBankAccountChange.errors).toEqual([{ field: null, code: 'RECENT_SECURITY_CHANGE', message: expect.stringMatching(/moins d'une heure après un changement de mot de passe ou d'adresse e-mail\. Vous pourrez le faire à partir de \d{2} h \d{2}\./) }])
    expect((await benoit.gql(DETAILS)).data.bankDetails.changeRules.blockedUntil).toBe(new Date(Date.parse(ago(20)) + 3_600_000).toISOString())
    expect(app.db.select().from(bankAccountChangesTable).where(eq(bankAccountChangesTable.status, 'PENDING')).all()).toEqual([])
  })

  it('refuses a change less than an hour after a password change, from the audit trail or the account', async () => {
    await later(45 * 60_000)
    securityEvent('PASSWORD_CHANGED', 5)
    expect((await benoit.gql(START, { input: input() })).data.startBankAccountChange.errors[0].code).toBe('RECENT_SECURITY_CHANGE')
    await later(61 * 60_000)
    app.db.update(accountsTable).set({ passwordChangedAt: ago(30) }).where(eq(accountsTable.id, accountId)).run()
    expect((await benoit.gql(START, { input: input() })).data.startBankAccountChange.errors[0].code).toBe('RECENT_SECURITY_CHANGE')
  })

  it('also refuses at confirmation when the password was changed after the change was started', async () => {
    await later(31 * 60_000)
    const started = await benoit.gql(START, { input: input() })
    expect(started.data.startBankAccountChange.errors).toEqual([])
    securityEvent('PASSWORD_CHANGED', 0)
    const before = accountsSnapshot(app)
    const r = await benoit.gql(CONFIRM, { id: started.data.startBankAccountChange.change.id, password: PASSWORD })
    expect(r.data.confirmBankAccountChange.errors[0].code).toBe('RECENT_SECURITY_CHANGE')
    expect(accountsSnapshot(app)).toEqual(before)
  })

  it('mails the address registered before a recent e-mail change, as well as the current one', async () => {
    await later(61 * 60_000)
    app.db.update(membersTable).set({ email: 'nouvelle-adresse@example.net' }).where(eq(membersTable.id, memberId)).run()
    securityEvent('EMAIL_CHANGED', 90, { previousEmail: 'benoit@example.org' })
    const started = await benoit.gql(START, { input: input() })
    const r = await benoit.gql(CONFIRM, { id: started.data.startBankAccountChange.change.id, password: PASSWORD })
    expect(r.data.confirmBankAccountChange.errors).toEqual([])
    const mails = readOutbox(join(app.dataDir, 'outbox'))
    expect(mails.map(m => m.to).sort()).toEqual(['benoit@example.org', 'nouvelle-adresse@example.net'])
    expect(mails.every(m => m.subject === 'Vos coordonnées bancaires ont été modifiées')).toBe(true)
  })
})
