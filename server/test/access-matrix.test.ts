import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLOutputType } from 'graphql'
import type { ApiClient, GqlResult, TestApp } from './harness.ts'
import { and, eq } from 'drizzle-orm'
import { getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, isUnionType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { DEMO_PARTNER_TOKEN } from '../db/demo/index.ts'
import * as s from '../db/schema/index.ts'
import { getSchema } from '../schema.ts'
import { tinyPdf, uploadId } from './files.ts'
import { startTestApp } from './harness.ts'

/*
 * Object-level access, generated from the schema and the HTTP routes: every root Query and
 * Mutation field and every /api route is called anonymously, as another household (Camille on
 * Benoit's ids), as the advisor and with the demo partner token (scopes coverage:read, pec:write), and what
 * each gets is compared with the table below. A field or route missing from the table fails with
 * a message saying what to add: whoever adds one decides, here, who may see it.
 *
 * Whatever the outcome, no answer may contain Benoit's data (his ids, NIR, IBAN, e-mail, phone,
 * birth dates, contract numbers…); the advisor's own views may name his démarches, never his NIR,
 * IBAN, contact details, birth dates nor contracts, and each of them must leave an audit event.
 */

type Caller = 'anonymous' | 'otherHousehold' | 'advisor' | 'partner'
/**
 * UNAUTHENTICATED / FORBIDDEN / NOT_FOUND: the GraphQL error code (NOT_FOUND also as a payload's
 * user error, as mutations answer); BAD_USER_INPUT: a query refusing its input; NULL: no error, null; USER_ERROR: a payload's errors, none
 * NOT_FOUND; ANSWERS: data, which the leak check reads.
 */
type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'NULL' | 'USER_ERROR' | 'ANSWERS'
type Row = Record<Caller, Outcome>

const MEMBER_ONLY: Row = { anonymous: 'UNAUTHENTICATED', otherHousehold: 'ANSWERS', advisor: 'FORBIDDEN', partner: 'FORBIDDEN' }
const MEMBER_ID_TAKING: Row = { anonymous: 'UNAUTHENTICATED', otherHousehold: 'NOT_FOUND', advisor: 'FORBIDDEN', partner: 'FORBIDDEN' }
// a list filtered on another household's id: the caller's own list, filtered to nothing, as for an unknown id
const MEMBER_FILTERED = MEMBER_ONLY
const ADVISOR_ONLY: Row = { anonymous: 'UNAUTHENTICATED', otherHousehold: 'FORBIDDEN', advisor: 'ANSWERS', partner: 'FORBIDDEN' }
const SIGNED_IN: Row = { anonymous: 'UNAUTHENTICATED', otherHousehold: 'ANSWERS', advisor: 'ANSWERS', partner: 'FORBIDDEN' }

/** Who may see what, for every root field. */
const ACCESS: Record<string, Row> = {
  // Query
  'Query.viewer': { anonymous: 'NULL', otherHousehold: 'ANSWERS', advisor: 'ANSWERS', partner: 'NULL' },
  'Query.me': { anonymous: 'NULL', otherHousehold: 'ANSWERS', advisor: 'NULL', partner: 'NULL' },
  'Query.accessLog': MEMBER_ONLY,
  'Query.advisorQueue': ADVISOR_ONLY,
  'Query.advisorProcedure': ADVISOR_ONLY,
  'Query.beneficiaries': MEMBER_ONLY,
  'Query.contracts': MEMBER_ONLY,
  'Query.contract': MEMBER_ID_TAKING,
  'Query.coverageCheck': { anonymous: 'UNAUTHENTICATED', otherHousehold: 'FORBIDDEN', advisor: 'FORBIDDEN', partner: 'ANSWERS' },
  // a partner token reads its own counters, whatever its scopes
  // prises en charge: the demo token holds pec:write; the sweep's card matches nobody, and its id is Benoit's démarche
  'Mutation.requestCoverageAgreement': { anonymous: 'UNAUTHENTICATED', otherHousehold: 'FORBIDDEN', advisor: 'FORBIDDEN', partner: 'NOT_FOUND' },
  'Query.coverageAgreement': { anonymous: 'UNAUTHENTICATED', otherHousehold: 'FORBIDDEN', advisor: 'FORBIDDEN', partner: 'NOT_FOUND' },
  'Query.partnerUsage': { anonymous: 'UNAUTHENTICATED', otherHousehold: 'FORBIDDEN', advisor: 'FORBIDDEN', partner: 'ANSWERS' },
  'Query.documents': MEMBER_FILTERED,
  'Query.insuranceCard': MEMBER_ID_TAKING,
  'Query.unreadMessageCount': MEMBER_ONLY,
  'Query.news': SIGNED_IN,
  'Query.procedures': MEMBER_FILTERED,
  'Query.reimbursementRequestEstimate': MEMBER_ID_TAKING,
  'Query.reimbursements': MEMBER_FILTERED,
  'Query.reimbursement': MEMBER_ID_TAKING,
  'Query.exchangeRates': SIGNED_IN,
  'Query.portalSettings': SIGNED_IN,
  // Mutation
  'Mutation.signIn': { anonymous: 'USER_ERROR', otherHousehold: 'USER_ERROR', advisor: 'USER_ERROR', partner: 'USER_ERROR' },
  'Mutation.signOut': { anonymous: 'ANSWERS', otherHousehold: 'ANSWERS', advisor: 'ANSWERS', partner: 'ANSWERS' },
  'Mutation.submitReimbursementRequest': MEMBER_ID_TAKING,
  'Mutation.addProcedureDocuments': MEMBER_ID_TAKING,
  'Mutation.decideProcedure': ADVISOR_ONLY,
  // news, quotes, the site's pages
  'Query.newsItem': { anonymous: 'UNAUTHENTICATED', otherHousehold: 'NULL', advisor: 'NULL', partner: 'FORBIDDEN' },
  'Query.siteInformation': { anonymous: 'ANSWERS', otherHousehold: 'ANSWERS', advisor: 'ANSWERS', partner: 'ANSWERS' },
  // another household's beneficiary is refused as the input's error, as an unknown one is
  'Query.analyseQuote': { ...MEMBER_ID_TAKING, otherHousehold: 'BAD_USER_INPUT' },
  'Mutation.submitQuote': MEMBER_ID_TAKING,
  // Mon compte
  'Query.activeSessions': MEMBER_ONLY,
  'Query.recentSignIns': MEMBER_ONLY,
  'Mutation.changePassword': { ...MEMBER_ID_TAKING, otherHousehold: 'USER_ERROR' },
  'Mutation.signOutSession': MEMBER_ID_TAKING,
  'Mutation.signOutOtherSessions': MEMBER_ONLY,
  'Mutation.requestPasswordReset': { anonymous: 'USER_ERROR', otherHousehold: 'USER_ERROR', advisor: 'USER_ERROR', partner: 'USER_ERROR' },
  'Mutation.resetPassword': { anonymous: 'USER_ERROR', otherHousehold: 'USER_ERROR', advisor: 'USER_ERROR', partner: 'USER_ERROR' },
  'Mutation.updateContactDetails': { ...MEMBER_ID_TAKING, otherHousehold: 'USER_ERROR' },
  'Mutation.confirmEmailChange': { anonymous: 'USER_ERROR', otherHousehold: 'USER_ERROR', advisor: 'USER_ERROR', partner: 'USER_ERROR' },
  // bank details: another household's beneficiaries or change read as unknown ones, in the payload
  'Query.bankDetails': MEMBER_ONLY,
  'Mutation.startBankAccountChange': { ...MEMBER_ID_TAKING, otherHousehold: 'USER_ERROR' },
  'Mutation.confirmBankAccountChange': MEMBER_ID_TAKING,
  // messagerie and help
  'Query.messageCategories': SIGNED_IN,
  'Query.messageThreads': MEMBER_FILTERED,
  'Query.messageThread': { ...MEMBER_ID_TAKING, otherHousehold: 'NULL' },
  'Query.helpCategories': SIGNED_IN,
  'Query.guides': SIGNED_IN,
  // a guide is named by its slug; the sweep names none that exists
  'Query.guide': { anonymous: 'UNAUTHENTICATED', otherHousehold: 'NULL', advisor: 'NULL', partner: 'FORBIDDEN' },
  'Query.faq': SIGNED_IN,
  'Query.advisorThread': ADVISOR_ONLY,
  // the sweep attaches Benoit's own upload, which an advisor may not send on: refused as not found
  'Mutation.answerThread': { ...ADVISOR_ONLY, advisor: 'NOT_FOUND' },
  'Mutation.sendMessage': MEMBER_ID_TAKING,
  'Mutation.replyToThread': MEMBER_ID_TAKING,
  'Mutation.markThreadRead': { ...MEMBER_ID_TAKING, otherHousehold: 'NULL' },
  // beneficiaries and personal data: démarches of the caller's own household, decided by an advisor
  'Query.freeBeneficiaryRanks': MEMBER_ONLY,
  'Mutation.requestBeneficiaryAddition': MEMBER_ID_TAKING,
  'Mutation.requestBeneficiaryRemoval': MEMBER_ID_TAKING,
  'Query.consents': MEMBER_ONLY,
  'Mutation.setConsent': MEMBER_ONLY,
  'Mutation.requestDataExport': MEMBER_ONLY,
  'Mutation.requestDataRights': MEMBER_ONLY,
  // Offre & devis: the démarches commerciales, the household's own; another household's id reads as unknown
  'Query.commercialJourneys': MEMBER_ONLY,
  'Mutation.resumeCommercialJourney': MEMBER_ID_TAKING,
  'Mutation.finaliseCommercialJourney': MEMBER_ID_TAKING,
  'Mutation.abandonCommercialJourney': MEMBER_ID_TAKING,
}

/** The advisor's reads of a member's file: answered with advisor types, and audited. */
const ADVISOR_READS = new Set(['Query.advisorQueue', 'Query.advisorProcedure', 'Mutation.decideProcedure', 'Query.advisorThread', 'Mutation.answerThread'])

/** Mutations that end the caller's session run last. */
const ENDS_SESSION = new Set(['Mutation.signOut'])

/** Benoit's objects, named by the arguments that take their ids. */
interface BenoitIds { unknown: string, session: string, member: string, procedure: string, reimbursement: string, contract: string, beneficiary: string, document: string, file: string, thread: string, dataExport: string, journey: string }

/** Whose object an ID argument (or input field) names: `Type.field.arg`, else the argument's name. */
const ID_ARGUMENTS: Record<string, keyof BenoitIds> = {
  'Query.contract.id': 'contract',
  'Query.reimbursement.id': 'reimbursement',
  'Query.advisorProcedure.id': 'procedure',
  'Query.coverageAgreement.id': 'procedure',
  // a news item is public to every signed-in caller: an id nobody has
  'Query.newsItem.id': 'unknown',
  'procedureId': 'procedure',
  'beneficiaryId': 'beneficiary',
  'beneficiaryIds': 'beneficiary',
  'contractId': 'contract',
  'attachmentIds': 'file',
  'threadId': 'thread',
  'journeyId': 'journey',
  'documentId': 'document',
  'reimbursementId': 'reimbursement',
  'sessionId': 'session',
  // no change of bank details is pending in the demo: an id nobody has
  'changeId': 'unknown',
  'Query.messageThread.id': 'thread',
  'Query.advisorThread.id': 'thread',
  // message categories and objets are the same for everyone: an id nobody has
  'categoryId': 'unknown',
  'subjectId': 'unknown',
}

/** GET and POST routes under /api, by method and path, with Benoit's id in the URL and what each caller gets. */
type RouteRow = { url: (ids: BenoitIds) => string } & Record<Caller, number>
const MEMBER_FILE: Omit<RouteRow, 'url'> = { anonymous: 401, otherHousehold: 404, advisor: 404, partner: 404 }
const ROUTES: Record<string, RouteRow | { noId: string }> = {
  'GET /api/files/:id': { url: ids => `/api/files/${ids.file}`, anonymous: 401, otherHousehold: 404, advisor: 200, partner: 404 },
  'GET /api/documents/:id': { url: ids => `/api/documents/${ids.document}`, ...MEMBER_FILE },
  'GET /api/insurance-card.pdf': { url: ids => `/api/insurance-card.pdf?contractId=${ids.contract}`, ...MEMBER_FILE },
  'GET /api/attestation-de-droits.pdf': { url: ids => `/api/attestation-de-droits.pdf?contractId=${ids.contract}`, ...MEMBER_FILE },
  'GET /api/echeancier-de-cotisations.pdf': { url: ids => `/api/echeancier-de-cotisations.pdf?contractId=${ids.contract}`, ...MEMBER_FILE },
  'GET /api/benefits-statement.pdf': { noId: 'the signed-in member\'s own statement: no id to pass (reimbursements.test.ts)' },
  'GET /api/data-exports/:id': { url: ids => `/api/data-exports/${ids.dataExport}`, ...MEMBER_FILE },
  'POST /api/uploads': { noId: 'stores a new file for the caller (uploads.test.ts)' },
}

const schema = getSchema()
const TOKEN_BUDGET = 900

function rootFields() {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map(f => ({ key: `Query.${f.name}`, operation: 'query' as const, field: f })),
    ...Object.values(schema.getMutationType()!.getFields()).map(f => ({ key: `Mutation.${f.name}`, operation: 'mutation' as const, field: f })),
  ]
}

/** Every scalar down to `depth` levels, fields needing arguments left out; nested paths are checked too. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type)
  if (isLeafType(named))
    return ''
  if (depth === 0)
    return '{ __typename }'
  if (isUnionType(named))
    return `{ __typename ${named.getTypes().map(member => `... on ${member.name} ${selection(member, depth)}`).join(' ')} }`
  if (!isObjectType(named))
    return '{ __typename }'
  const fields = Object.values(named.getFields()).filter(f => !f.args.some(a => isNonNullType(a.type)))
  return `{ __typename ${fields.map(f => `${f.name} ${selection(f.type, depth - 1)}`).join(' ')} }`
}

function literal(type: GraphQLInputType, where: string, name: string, ids: BenoitIds): string | null {
  if (isNonNullType(type))
    return literal(type.ofType, where, name, ids)
  if (isListType(type)) {
    const inner = literal(type.ofType, where, name, ids)
    return inner === null ? null : `[${inner}]`
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields())
      // required fields, and every id (optional ones too: a filter is a way to another household)
      .filter(f => isNonNullType(f.type) || getNamedType(f.type).name === 'ID')
      .map(f => [f.name, literal(f.type, `${type.name}.${f.name}`, f.name, ids)] as const)
    return `{ ${fields.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`).join(', ')} }`
  }
  if (isEnumType(type))
    return type.getValues()[0]!.name
  switch (type.name) {
    case 'ID': {
      const kind = ID_ARGUMENTS[where] ?? ID_ARGUMENTS[name]
      if (!kind)
        throw new Error(`${where} takes an ID: say whose object it names in ID_ARGUMENTS of server/test/access-matrix.test.ts`)
      return JSON.stringify(ids[kind])
    }
    case 'String': return '"x"'
    case 'Int': return '1'
    case 'Float': return '1'
    case 'Boolean': return 'false'
    case 'Date': return '"2026-11-20"'
    case 'DateTime': return '"2026-11-20T10:00:00.000Z"'
    default: throw new Error(`${where}: no sample value for the scalar ${type.name} in server/test/access-matrix.test.ts`)
  }
}

function argumentsOf(key: string, field: GraphQLField<unknown, unknown>, ids: BenoitIds): string {
  const args = field.args
    .filter((a: GraphQLArgument) => isNonNullType(a.type) || getNamedType(a.type).name === 'ID' || isInputObjectType(getNamedType(a.type)))
    .map(a => [a.name, literal(a.type, `${key}.${a.name}`, a.name, ids)] as const)
    .filter(([, v]) => v !== null)
  return args.length ? `(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''
}

function documentFor(key: string, operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, ids: BenoitIds, depth: number): string {
  return `${operation} { ${field.name}${argumentsOf(key, field, ids)} ${selection(field.type, depth)} }`
}

const tokens = (doc: string) => doc.match(/[\w$]+|[{}()[\]:,!.]+/g)?.length ?? 0

function outcomeOf(r: GqlResult, name: string): Outcome | string {
  const code = r.errors?.[0]?.extensions?.code
  if (code)
    return code
  const value = r.data?.[name]
  if (value === null || value === undefined)
    return 'NULL'
  const errors = (value as { errors?: { code: string }[] }).errors
  if (Array.isArray(errors) && errors.length)
    return errors.some(e => e.code === 'NOT_FOUND') ? 'NOT_FOUND' : 'USER_ERROR'
  return 'ANSWERS'
}

describe('object-level access, generated from the schema', () => {
  let app: TestApp
  let ids: BenoitIds
  let benoitId: string
  const callers = {} as Record<Caller, ApiClient>
  // everything of Benoit's household that another caller must never read
  let secrets: string[]
  // what even the advisor's views must leave out
  let advisorSecrets: string[]

  beforeAll(async () => {
    app = await startTestApp()
    const db = app.db
    const benoit = await app.as('benoit')
    const member = db.select().from(s.membersTable).where(eq(s.membersTable.firstName, 'Benoit')).get()!
    benoitId = member.id
    const beneficiaries = db.select().from(s.beneficiariesTable).where(eq(s.beneficiariesTable.memberId, member.id)).all()
    const contracts = db.select().from(s.contractsTable).where(eq(s.contractsTable.memberId, member.id)).all()
    const accounts = db.select().from(s.bankAccountsTable).where(eq(s.bankAccountsTable.memberId, member.id)).all()
    const procedures = db.select().from(s.proceduresTable).where(eq(s.proceduresTable.memberId, member.id)).all()
    const reimbursements = db.select().from(s.reimbursementsTable).where(eq(s.reimbursementsTable.memberId, member.id)).all()
    const documents = db.select().from(s.documentsTable).where(eq(s.documentsTable.memberId, member.id)).all()
    // a thread still within its year: older ones read as missing to everyone
    const threads = db.select().from(s.messageThreadsTable).where(eq(s.messageThreadsTable.memberId, member.id)).all().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    const mandates = db.select().from(s.sepaMandatesTable).where(eq(s.sepaMandatesTable.memberId, member.id)).all()
    const journeys = db.select().from(s.commercialJourneysTable).where(eq(s.commercialJourneysTable.memberId, member.id)).all()
    // a document sent with a démarche "En cours": what an advisor may open, and nobody else
    const file = await uploadId(benoit, tinyPdf('Facture Benoit'), 'facture-benoit.pdf')
    const sent = await benoit.gql(`mutation($input: ReimbursementRequestInput!) { submitReimbursementRequest(input: $input) { errors { code } procedure { id } } }`, {
      input: { beneficiaryId: beneficiaries[0]!.id, careType: 'PHARMACY', careDate: '2026-11-20', abroad: false, amountCents: 1500, attachmentIds: [file] },
    })
    expect(sent.data.submitReimbursementRequest.errors).toEqual([])
    // an archive of his data (« Télécharger mes données »): his alone to download
    const exported = await benoit.gql(`mutation { requestDataExport { errors { code } procedure { id } } }`)
    expect(exported.data.requestDataExport.errors).toEqual([])
    const sessions = db.select().from(s.sessionsTable).innerJoin(s.accountsTable, eq(s.accountsTable.id, s.sessionsTable.accountId)).where(eq(s.accountsTable.memberId, member.id)).all()
    ids = {
      unknown: '00000000-0000-4000-8000-00000000ffff',
      session: sessions[0]!.sessions.id,
      member: member.id,
      procedure: sent.data.submitReimbursementRequest.procedure.id,
      reimbursement: reimbursements[0]!.id,
      contract: contracts[0]!.id,
      beneficiary: beneficiaries[0]!.id,
      document: documents[0]!.id,
      file,
      thread: threads[0]?.id ?? '00000000-0000-4000-8000-000000000000',
      dataExport: exported.data.requestDataExport.procedure.id,
      journey: journeys[0]!.id,
    }
    advisorSecrets = [
      member.email,
      ...[member.phone, member.nir].filter((v): v is string => !!v),
      ...beneficiaries.flatMap(b => [b.birthDate, b.nir]).filter((v): v is string => !!v),
      ...accounts.flatMap(a => [a.id, a.iban, a.iban.replace(/(.{4})/g, '$1 ').trim()]),
      ...contracts.flatMap(c => [c.id, c.number]),
      ...mandates.map(m => m.reference),
    ]
    secrets = [
      ...advisorSecrets,
      member.id,
      member.memberNumber,
      ...beneficiaries.map(b => b.id),
      ...procedures.map(p => p.id),
      ids.procedure,
      ids.dataExport,
      ...reimbursements.map(r => r.id),
      ...documents.map(d => d.id),
      ...threads.map(t => t.id),
      ...sessions.map(x => x.sessions.id),
      ...journeys.map(j => j.id),
      file,
    ]
    callers.anonymous = app.client()
    callers.otherHousehold = await app.as('camille')
    callers.advisor = await app.as('advisor')
    callers.partner = app.client(DEMO_PARTNER_TOKEN)
  })
  afterAll(() => app.close())

  it('has a row for every root field of the schema', () => {
    const missing = rootFields().filter(f => !ACCESS[f.key]).map(f => f.key)
    expect(missing, `Add these fields to ACCESS in server/test/access-matrix.test.ts, saying what an anonymous caller, another household, the advisor and a partner get: ${missing.join(', ')}`).toEqual([])
    const stale = Object.keys(ACCESS).filter(k => !rootFields().some(f => f.key === k))
    expect(stale, 'Rows of ACCESS for fields the schema no longer has').toEqual([])
  })

  const advisorAudits = () => app.db.select().from(s.auditEventsTable).where(and(eq(s.auditEventsTable.memberId, benoitId), eq(s.auditEventsTable.actorRole, 'ADVISOR'))).all().length

  const unknownIds: BenoitIds = { unknown: '', session: '', member: '', procedure: '', reimbursement: '', contract: '', beneficiary: '', document: '', file: '', thread: '', dataExport: '', journey: '' }
  for (const [i, key] of Object.keys(unknownIds).entries())
    unknownIds[key as keyof BenoitIds] = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`

  it.each(['anonymous', 'otherHousehold', 'advisor', 'partner'] as Caller[])('answers every root field to %s as the table says, leaking nothing of another household', async (caller) => {
    const client = callers[caller]
    const fields = rootFields().filter(f => ACCESS[f.key]).sort((a, b) => Number(ENDS_SESSION.has(a.key)) - Number(ENDS_SESSION.has(b.key)))
    const wrong: string[] = []
    for (const { key, operation, field } of fields) {
      const expected = ACCESS[key]![caller]
      const auditsBefore = advisorAudits()
      let r: GqlResult | null = null
      let docUsed = ''
      let depthUsed = 1
      // the deepest selection the document limits allow
      for (let depth = 6; depth >= 1; depth--) {
        const doc = documentFor(key, operation, field, ids, depth)
        if (tokens(doc) > TOKEN_BUDGET && depth > 1)
          continue
        docUsed = doc
        depthUsed = depth
        r = await client.gql(doc)
        if (r.errors?.[0]?.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED' || depth === 1)
          break
      }
      const got = outcomeOf(r!, field.name)
      if (got !== expected)
        wrong.push(`${key} as ${caller}: expected ${expected}, got ${got}${r!.errors?.length ? ` (${r!.errors[0]!.message})` : ''}`)
      const body = JSON.stringify(r)
      const mustNotShow = caller === 'advisor' && ADVISOR_READS.has(key) ? advisorSecrets : secrets
      const leaked = mustNotShow.filter(secret => body.includes(secret))
      if (leaked.length)
        wrong.push(`${key} as ${caller} leaks ${leaked.length} of Benoit's values, e.g. ${leaked[0]}`)
      if (caller === 'advisor' && ADVISOR_READS.has(key) && got === 'ANSWERS' && advisorAudits() === auditsBefore)
        wrong.push(`${key} as advisor read Benoit's file without an audit event`)
      // another household's id answers exactly like an id that exists nowhere
      const withUnknown = documentFor(key, operation, field, unknownIds, depthUsed)
      if (caller === 'otherHousehold' && withUnknown !== docUsed) {
        const unknown = await client.gql(withUnknown)
        if (JSON.stringify(unknown) !== body)
          wrong.push(`${key} as another household answers Benoit's ids differently from unknown ids: ${body.slice(0, 200)} / ${JSON.stringify(unknown).slice(0, 200)}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('has a row for every /api route, and answers each route with Benoit\'s id as the table says', async () => {
    const { express } = await createApp({ db: app.db, clock: app.clock, config: { dataDir: app.dataDir, secureCookies: false, exposeGraphiql: false } })
    const routes: string[] = []
    const walk = (stack: { route?: { path: string, methods: Record<string, boolean> }, handle: { stack?: unknown[] }, rawPath?: string }[], prefix: string) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods))
            routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`)
        }
        else if (layer.handle.stack) {
          walk(layer.handle.stack as typeof stack, `${prefix}${layer.rawPath ?? ''}`)
        }
      }
    }
    walk((express as unknown as { router: { stack: Parameters<typeof walk>[0] } }).router.stack, '')
    const api = routes.filter(r => / \/api\//.test(r))
    expect(api.length).toBeGreaterThan(4)
    const missing = api.filter(r => !ROUTES[r])
    expect(missing, `Add these routes to ROUTES in server/test/access-matrix.test.ts with what each caller gets: ${missing.join(', ')}`).toEqual([])

    // the GraphQL sweep ended their sessions (signOut): sign in again
    callers.otherHousehold = await app.as('camille')
    callers.advisor = await app.as('advisor')
    const wrong: string[] = []
    for (const [route, row] of Object.entries(ROUTES)) {
      if ('noId' in row)
        continue
      for (const caller of ['anonymous', 'otherHousehold', 'advisor', 'partner'] as Caller[]) {
        const before = advisorAudits()
        const res = await callers[caller].get(row.url(ids))
        if (res.status !== row[caller])
          wrong.push(`${route} as ${caller}: expected ${row[caller]}, got ${res.status}`)
        if (caller === 'otherHousehold') {
          const unknown = await callers[caller].get(row.url(unknownIds))
          if (unknown.status !== res.status)
            wrong.push(`${route} as another household answers Benoit's id (${res.status}) unlike an unknown one (${unknown.status})`)
        }
        const body = Buffer.from(await res.arrayBuffer()).toString('latin1')
        if (res.status !== 200 && secrets.some(secret => body.includes(secret)))
          wrong.push(`${route} as ${caller} leaks Benoit's data`)
        if (caller === 'advisor' && res.status === 200 && advisorAudits() === before)
          wrong.push(`${route} as advisor read Benoit's file without an audit event`)
      }
    }
    expect(wrong).toEqual([])
  })
})

describe('the access table', () => {
  it('names only id arguments the schema has', () => {
    const qualified = Object.keys(ID_ARGUMENTS).filter(k => k.includes('.'))
    for (const key of qualified) {
      const [type, field, arg] = key.split('.')
      const root = type === 'Query' ? schema.getQueryType()! : schema.getMutationType()!
      expect(root.getFields()[field!]?.args.some(a => a.name === arg), key).toBe(true)
    }
  })
})

describe('field resolvers of an @Authorized resolver class', () => {
  // their check runs synchronously, outside type-graphql (schema.ts): a field whose wrapper went
  // missing would run its method for anyone who reached the object
  const guarded = Object.values(schema.getTypeMap()).filter(isObjectType).flatMap(type =>
    Object.values(type.getFields())
      .filter(f => Array.isArray(f.extensions.authorizedRoles))
      .map(f => ({ key: `${type.name}.${f.name}`, field: f, roles: f.extensions.authorizedRoles as string[] })))
  const partner = { role: 'PARTNER' as const, tokenId: 'ptk', scopes: ['coverage:read', 'pec:write'], displayName: 'Partenaire' }
  const member = { role: 'MEMBER' as const, accountId: 'a', memberId: 'm', sessionId: 's', displayName: 'Membre' }

  function codeOf(call: () => unknown): unknown {
    try {
      call()
      return 'ANSWERED'
    }
    catch (error) {
      return (error as { extensions?: { code?: unknown } }).extensions?.code
    }
  }

  it('are each refused to callers without the class\'s roles, before their method runs', () => {
    expect(guarded.map(g => g.key)).toEqual(expect.arrayContaining(['Reimbursement.beneficiary', 'Reimbursement.reimbursedCents', 'Procedure.beneficiary']))
    const wrong: string[] = []
    for (const { key, field, roles } of guarded) {
      const ask = (viewer: unknown) => codeOf(() => field.resolve!({}, {}, { viewer }, undefined as never))
      if (ask(null) !== 'UNAUTHENTICATED')
        wrong.push(`${key} anonymously: ${String(ask(null))}`)
      if (ask(partner) !== 'FORBIDDEN')
        wrong.push(`${key} as a partner: ${String(ask(partner))}`)
      if (roles.includes('ADVISOR') && ask(member) !== 'FORBIDDEN')
        wrong.push(`${key} as a member: ${String(ask(member))}`)
    }
    expect(wrong).toEqual([])
  })
})
