import type { ApiClient, TestApp } from '../../test/harness.ts'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsTable, filesTable, membersTable, messagesTable, messageThreadsTable, notificationsTable } from '../../db/schema/index.ts'
import { DEMO_PARTNER_TOKEN } from '../../db/demo/index.ts'
import { tinyPdf, tinyPng, uploadId } from '../../test/files.ts'
import { startTestApp, TEST_NOW, testClock } from '../../test/harness.ts'
import { readOutbox } from '../mail/mail.service.ts'
import { purgeExpiredThreads } from './message.service.ts'

const THREAD_FIELDS = `id status unread createdAt updatedAt availableUntil category { id label slug } subject { id label slug }
  messages { id authorKind authorName body sentAt attachments { id name mimeType sizeBytes } }`

const CATEGORIES = `{ messageCategories { id label slug subjects { id label slug onlineService { label path } } } }`
const THREADS = `query($categoryId: ID, $status: ThreadStatus, $first: Int, $after: String) {
  messageThreads(categoryId: $categoryId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id status unread updatedAt category { label } subject { label } }
  }
}`
const THREAD = `query($id: ID!) { messageThread(id: $id) { ${THREAD_FIELDS} } }`
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { errors { field code message } thread { ${THREAD_FIELDS} } } }`
const REPLY = `mutation($id: ID!, $body: String!, $files: [ID!]) { replyToThread(threadId: $id, body: $body, attachmentIds: $files) { errors { field code message } thread { id status unread updatedAt messages { body } } } }`
const READ = `mutation($id: ID!) { markThreadRead(threadId: $id) { id unread } }`
const UNREAD = `{ unreadMessageCount }`
const QUEUE = `query($taskKind: AdvisorTaskKind, $kind: ProcedureKind, $first: Int, $after: String) {
  advisorQueue(taskKind: $taskKind, kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes {
      __typename
      ... on ProcedureTask { id procedure { submittedAt } }
      ... on ThreadTask { id waitingDays member { firstName lastName } thread { status updatedAt subject { label } } }
    }
  }
}`
const ADVISOR_THREAD = `query($id: ID!) { advisorThread(id: $id) { id waitingDays member { firstName } thread { ${THREAD_FIELDS} } } }`
const ANSWER = `mutation($id: ID!, $body: String!, $files: [ID!]) { answerThread(threadId: $id, body: $body, attachmentIds: $files) { errors { field code message } thread { id status unread messages { authorKind body attachments { id name } } } } }`
const ACCESS_LOG = `{ accessLog(first: 50) { nodes { actorLabel action description } } }`

interface Category { id: string, label: string, slug: string, subjects: { id: string, label: string, slug: string, onlineService: { label: string, path: string } | null }[] }

function subjectOf(categories: Category[], categoryLabel: string, subjectLabel: string) {
  const category = categories.find(c => c.label === categoryLabel)!
  return { categoryId: category.id, subjectId: category.subjects.find(s => s.label === subjectLabel)!.id }
}

describe('messagerie of a member', () => {
  let app: TestApp
  let benoit: ApiClient
  let camille: ApiClient
  let advisor: ApiClient
  let categories: Category[]
  let camilleThread: string

  const counts = () => ({
    threads: app.db.select().from(messageThreadsTable).all().length,
    messages: app.db.select().from(messagesTable).all().length,
  })

  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
    camille = await app.as('camille')
    advisor = await app.as('advisor')
    categories = (await benoit.gql(CATEGORIES)).data.messageCategories
    const camilleId = app.db.select().from(membersTable).where(eq(membersTable.firstName, 'Camille')).get()!.id
    camilleThread = app.db.select().from(messageThreadsTable).where(eq(messageThreadsTable.memberId, camilleId)).get()!.id
  })
  afterAll(() => app.close())

  it('offers the seed\'s nine categories with their objets, slugs and the online services', () => {
    expect(categories.map(c => c.label)).toEqual(['Attestation', 'Information soins', 'Accident', 'Prise en charge', 'Modification de contrat', 'Cotisations', 'Information contrat à l\'étranger', 'Données et site internet', 'Message de votre conseiller'])
    const contract = categories.find(c => c.slug === 'modification-de-contrat')!
    expect(contract.subjects.find(s => s.slug === 'ajout-de-beneficiaires')!.onlineService).toEqual({ label: 'Ajout de bénéficiaires', path: '/ma-mutuelle/beneficiaires/ajout' })
    expect(categories.find(c => c.slug === 'cotisations')!.subjects.find(s => s.slug === 'rejet-de-prelevement')!.onlineService).toBeNull()
  })

  it('lists Benoit\'s threads newest activity first, by pages of 10, with the two unread ones', async () => {
    const first = (await benoit.gql(THREADS, { first: 10 })).data.messageThreads
    expect(first.totalCount).toBe(12)
    expect(first.nodes).toHaveLength(10)
    expect(first.pageInfo.hasNextPage).toBe(true)
    const second = (await benoit.gql(THREADS, { first: 10, after: first.pageInfo.endCursor })).data.messageThreads
    expect(second.nodes).toHaveLength(2)
    expect(second.pageInfo.hasNextPage).toBe(false)
    const all = [...first.nodes, ...second.nodes]
    const dates = all.map((t: { updatedAt: string }) => t.updatedAt)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(all.filter((t: { unread: boolean }) => t.unread).map((t: { subject: { label: string } }) => t.subject.label).sort()).toEqual(['Relevé de prestations', 'Suivi de votre demande'])
    expect(all[0]).toMatchObject({ status: 'ANSWERED', subject: { label: 'Relevé de prestations' } })
    expect(new Set(all.map((t: { id: string }) => t.id))).not.toContain(camilleThread)
    expect((await benoit.gql(UNREAD)).data.unreadMessageCount).toBe(2)
  })

  it('filters by category and by status', async () => {
    const attestation = categories.find(c => c.label === 'Attestation')!
    const page = (await benoit.gql(THREADS, { categoryId: attestation.id })).data.messageThreads
    expect(page.nodes.map((t: { category: { label: string } }) => t.category.label)).toEqual(['Attestation', 'Attestation', 'Attestation'])
    const open = (await benoit.gql(THREADS, { status: 'OPEN' })).data.messageThreads
    expect(open.nodes.map((t: { subject: { label: string } }) => t.subject.label)).toEqual(['Simulation achat/location de matériel médical', 'Participation de mon employeur'])
  })

  it('shows a thread with its messages and authors, and nothing of another household', async () => {
    const id = (await benoit.gql(THREADS, { first: 1 })).data.messageThreads.nodes[0].id
    const thread = (await benoit.gql(THREAD, { id })).data.messageThread
    expect(thread.messages.map((m: { authorKind: string, authorName: string }) => [m.authorKind, m.authorName])).toEqual([['MEMBER', 'Vous'], ['ADVISOR', 'Claire Moreau, conseillère']])
    expect(thread.availableUntil.slice(0, 4)).toBe(String(Number(thread.updatedAt.slice(0, 4)) + 1))

    const foreign = await benoit.gql(THREAD, { id: camilleThread })
    const missing = await benoit.gql(THREAD, { id: '00000000-0000-0000-0000-000000000000' })
    expect(foreign).toEqual({ ...missing, setCookie: foreign.setCookie })
    expect(foreign.data).toEqual({ messageThread: null })
    expect(foreign.errors).toBeUndefined()
  })

  it('marks a thread read: the header count drops; another household\'s thread stays as it is', async () => {
    const unread = (await benoit.gql(THREADS, {})).data.messageThreads.nodes.find((t: { unread: boolean }) => t.unread)
    expect((await benoit.gql(READ, { id: unread.id })).data.markThreadRead).toEqual({ id: unread.id, unread: false })
    expect((await benoit.gql(UNREAD)).data.unreadMessageCount).toBe(1)
    // marking again changes nothing
    expect((await benoit.gql(READ, { id: unread.id })).data.markThreadRead.unread).toBe(false)
    expect((await benoit.gql(UNREAD)).data.unreadMessageCount).toBe(1)

    app.db.update(messageThreadsTable).set({ unreadByMember: true }).where(eq(messageThreadsTable.id, camilleThread)).run()
    expect((await benoit.gql(READ, { id: camilleThread })).data.markThreadRead).toBeNull()
    expect(app.db.select().from(messageThreadsTable).where(eq(messageThreadsTable.id, camilleThread)).get()!.unreadByMember).toBe(true)
    expect((await camille.gql(UNREAD)).data.unreadMessageCount).toBe(1)
  })

  it('sends a message with a file: a new thread « En cours », first in the inbox, the file downloadable by its owner only', async () => {
    const fileId = await uploadId(benoit, tinyPdf('acte de naissance'), 'Acte de naissance.pdf')
    const input = { ...subjectOf(categories, 'Modification de contrat', 'Ajout/retrait de bénéficiaire'), body: '  Bonjour,\r\n\r\nJe souhaite ajouter ma fille.  ', attachmentIds: [fileId] }
    const r = await benoit.gql(SEND, { input })
    expect(r.data.sendMessage.errors).toEqual([])
    const thread = r.data.sendMessage.thread
    expect(thread).toMatchObject({
      status: 'OPEN',
      unread: false,
      category: { label: 'Modification de contrat' },
      subject: { label: 'Ajout/retrait de bénéficiaire' },
      messages: [{ authorKind: 'MEMBER', authorName: 'Vous', body: 'Bonjour,\n\nJe souhaite ajouter ma fille.', attachments: [{ id: fileId, name: 'Acte de naissance.pdf', mimeType: 'application/pdf' }] }],
    })
    expect((await benoit.gql(THREADS, { first: 1 })).data.messageThreads.nodes[0].id).toBe(thread.id)
    expect((await benoit.get(`/api/files/${fileId}`)).status).toBe(200)
    expect((await camille.get(`/api/files/${fileId}`)).status).toBe(404)
  })

  it.each([
    ['an empty body', { body: '' }, 'body', 'REQUIRED'],
    ['a body of white space only', { body: ' \n\t \u200E ' }, 'body', 'REQUIRED'],
    ['a body over 5,000 characters', { body: 'a'.repeat(5001) }, 'body', 'TOO_LONG'],
    ['an unknown category', { categoryId: '00000000-0000-0000-0000-000000000000' }, 'categoryId', 'NOT_FOUND'],
    ['an unknown objet', { subjectId: '00000000-0000-0000-0000-000000000000' }, 'subjectId', 'NOT_FOUND'],
    ['an objet of another category', { categoryId: 'OTHER' }, 'subjectId', 'WRONG_CATEGORY'],
  ])('refuses %s with a French field error, saving nothing', async (_label, change, field, code) => {
    const base = { ...subjectOf(categories, 'Cotisations', 'Rejet de prélèvement'), body: 'Bonjour' }
    const input = { ...base, ...change }
    if (input.categoryId === 'OTHER')
      input.categoryId = categories.find(c => c.label === 'Attestation')!.id
    const before = counts()
    const r = await benoit.gql(SEND, { input })
    expect(r.data.sendMessage.thread).toBeNull()
    expect(r.data.sendMessage.errors).toEqual([{ field, code, message: expect.stringMatching(/[a-zé]/) }])
    expect(counts()).toEqual(before)
  })

  it('accepts exactly 5,000 characters', async () => {
    const r = await benoit.gql(SEND, { input: { ...subjectOf(categories, 'Accident', 'Accident causé par un tiers'), body: 'é'.repeat(5000) } })
    expect(r.data.sendMessage.errors).toEqual([])
  })

  it('refuses more than 5 files, a file of another member and a file already sent, saving nothing', async () => {
    const base = { ...subjectOf(categories, 'Cotisations', 'Rejet de prélèvement'), body: 'Bonjour' }
    const six = await Promise.all(Array.from({ length: 6 }, () => uploadId(benoit, tinyPng(), 'photo.png')))
    const camilleFile = await uploadId(camille)
    const sent = (await benoit.gql(SEND, { input: { ...base, attachmentIds: [await uploadId(benoit)] } })).data.sendMessage.thread.messages[0].attachments[0].id
    const before = counts()
    for (const [files, code] of [[six, 'TOO_MANY'], [[camilleFile], 'NOT_FOUND'], [[sent], 'ALREADY_ATTACHED']] as const) {
      const r = await benoit.gql(SEND, { input: { ...base, attachmentIds: files } })
      expect(r.data.sendMessage).toEqual({ thread: null, errors: [{ field: 'attachmentIds', code, message: expect.any(String) }] })
    }
    expect(counts()).toEqual(before)
    // all five fit
    expect((await benoit.gql(SEND, { input: { ...base, attachmentIds: six.slice(0, 5) } })).data.sendMessage.errors).toEqual([])
  })

  it('replies in an answered thread, which goes back to « En cours »; another household\'s thread reads as missing', async () => {
    const answered = (await benoit.gql(THREADS, { status: 'ANSWERED' })).data.messageThreads.nodes.at(-1)
    const r = await benoit.gql(REPLY, { id: answered.id, body: 'Merci, une dernière question.' })
    expect(r.data.replyToThread.errors).toEqual([])
    expect(r.data.replyToThread.thread).toMatchObject({ id: answered.id, status: 'OPEN', messages: expect.arrayContaining([{ body: 'Merci, une dernière question.' }]) })
    // latest activity now: back at the top of the inbox (the test clock stands still, ties on the id)
    expect(r.data.replyToThread.thread.updatedAt).toBe(TEST_NOW)
    expect(r.data.replyToThread.thread.updatedAt > answered.updatedAt).toBe(true)

    const before = counts()
    const foreign = await benoit.gql(REPLY, { id: camilleThread, body: 'Bonjour' })
    const missing = await benoit.gql(REPLY, { id: '00000000-0000-0000-0000-000000000000', body: 'Bonjour' })
    expect(foreign.data).toEqual(missing.data)
    expect(foreign.data.replyToThread).toEqual({ thread: null, errors: [{ field: 'threadId', code: 'NOT_FOUND', message: expect.stringContaining('introuvable') }] })
    expect((await benoit.gql(REPLY, { id: answered.id, body: '   ' })).data.replyToThread.errors[0]).toMatchObject({ field: 'body', code: 'REQUIRED' })
    expect(counts()).toEqual(before)
  })

  it('refuses messaging to partners and anonymous callers, and the member\'s fields to advisors', async () => {
    const partner = app.client(DEMO_PARTNER_TOKEN)
    for (const [caller, code] of [[partner, 'FORBIDDEN'], [app.client(), 'UNAUTHENTICATED']] as const) {
      expect((await caller.gql(THREADS, {})).errors?.[0]?.extensions?.code).toBe(code)
      expect((await caller.gql(UNREAD)).errors?.[0]?.extensions?.code).toBe(code)
      expect((await caller.gql(REPLY, { id: camilleThread, body: 'x' })).errors?.[0]?.extensions?.code).toBe(code)
    }
    expect((await advisor.gql(THREADS, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await advisor.gql(SEND, { input: { ...subjectOf(categories, 'Accident', 'Accident causé par un tiers'), body: 'x' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await benoit.gql(ANSWER, { id: camilleThread, body: 'x' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await benoit.gql(ADVISOR_THREAD, { id: camilleThread })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe('threads in the advisor\'s queue', () => {
  const clock = testClock()
  let app: TestApp
  let benoit: ApiClient
  let advisor: ApiClient
  let categories: Category[]

  beforeAll(async () => {
    app = await startTestApp({ clock })
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
    categories = (await benoit.gql(CATEGORIES)).data.messageCategories
  })
  afterAll(() => app.close())

  it('puts open threads beside démarches, longest wait first, and filters by kind', async () => {
    const all = (await advisor.gql(QUEUE, { first: 100 })).data.advisorQueue
    const waited = all.nodes.map((n: { procedure?: { submittedAt: string }, thread?: { updatedAt: string } }) => n.procedure?.submittedAt ?? n.thread!.updatedAt)
    expect(waited).toEqual([...waited].sort())
    const threads = all.nodes.filter((n: { __typename: string }) => n.__typename === 'ThreadTask')
    // the demo's three threads waiting for an answer: two of Benoit, one of Camille
    expect(threads.map((n: { member: { firstName: string } }) => n.member.firstName).sort()).toEqual(['Benoit', 'Benoit', 'Camille'])
    expect(threads.every((n: { thread: { status: string } }) => n.thread.status === 'OPEN')).toBe(true)
    expect(threads.find((n: { thread: { subject: { label: string } } }) => n.thread.subject.label === 'Participation de mon employeur').waitingDays).toBe(7)

    const onlyThreads = (await advisor.gql(QUEUE, { taskKind: 'THREAD' })).data.advisorQueue
    expect(onlyThreads.totalCount).toBe(3)
    expect(onlyThreads.nodes.map((n: { id: string }) => n.id)).toEqual(threads.map((n: { id: string }) => n.id))
    const onlyProcedures = (await advisor.gql(QUEUE, { taskKind: 'PROCEDURE', first: 100 })).data.advisorQueue
    expect(onlyProcedures.totalCount).toBe(all.totalCount - 3)
    expect(onlyProcedures.nodes.every((n: { __typename: string }) => n.__typename === 'ProcedureTask')).toBe(true)
    const reimbursements = (await advisor.gql(QUEUE, { kind: 'REIMBURSEMENT', first: 100 })).data.advisorQueue
    expect(reimbursements.nodes.every((n: { __typename: string }) => n.__typename === 'ProcedureTask')).toBe(true)
  })

  it('walks the mixed queue page by page, each task once and in order', async () => {
    const expected = (await advisor.gql(QUEUE, { first: 100 })).data.advisorQueue.nodes.map((n: { id: string }) => n.id)
    const seen: string[] = []
    let after: string | null = null
    for (let i = 0; i < 20; i++) {
      const page: { nodes: { id: string }[], pageInfo: { hasNextPage: boolean, endCursor: string } } = (await advisor.gql(QUEUE, { first: 2, after })).data.advisorQueue
      seen.push(...page.nodes.map(n => n.id))
      if (!page.pageInfo.hasNextPage)
        break
      after = page.pageInfo.endCursor
    }
    expect(seen).toEqual(expected)
  })

  it('answers a member\'s new message with a file: « Traité », unread for the member, an e-mail without content, every step in the member\'s access log', async () => {
    const input = { ...subjectOf(categories, 'Prise en charge', 'Prise en charge hospitalière'), body: 'Je serai opéré de la hanche le mois prochain.', attachmentIds: [await uploadId(benoit, tinyPdf('devis'), 'Devis clinique.pdf')] }
    const threadId = (await benoit.gql(SEND, { input })).data.sendMessage.thread.id as string
    const queue = (await advisor.gql(QUEUE, { taskKind: 'THREAD' })).data.advisorQueue
    // the newest message waits least: last of the queue
    expect(queue.nodes.at(-1).id).toBe(threadId)
    const unreadBefore = (await benoit.gql(UNREAD)).data.unreadMessageCount

    const read = (await advisor.gql(ADVISOR_THREAD, { id: threadId })).data.advisorThread
    expect(read).toMatchObject({ id: threadId, waitingDays: 0, member: { firstName: 'Benoit' }, thread: { status: 'OPEN', messages: [{ authorKind: 'MEMBER', authorName: 'Benoit Garnier', attachments: [{ name: 'Devis clinique.pdf' }] }] } })
    const memberFile = read.thread.messages[0].attachments[0].id
    expect((await advisor.get(`/api/files/${memberFile}`)).status).toBe(200)

    // the advisor answers a few minutes later
    clock.advance(5 * 60_000)
    const answerFile = await uploadId(advisor, tinyPdf('formulaire'), 'Formulaire de prise en charge.pdf')
    const answered = await advisor.gql(ANSWER, { id: threadId, body: 'Bonjour,\n\nVoici le formulaire à faire remplir par la clinique.', files: [answerFile] })
    expect(answered.data.answerThread.errors).toEqual([])
    expect(answered.data.answerThread.thread).toMatchObject({ status: 'ANSWERED', unread: true, messages: [{ authorKind: 'MEMBER' }, { authorKind: 'ADVISOR', attachments: [{ id: answerFile, name: 'Formulaire de prise en charge.pdf' }] }] })
    expect((await advisor.gql(QUEUE, { taskKind: 'THREAD' })).data.advisorQueue.nodes.map((n: { id: string }) => n.id)).not.toContain(threadId)

    // the member: bold, « Traité », counted, the advisor's file downloadable
    const mine = (await benoit.gql(THREADS, { first: 1 })).data.messageThreads.nodes[0]
    expect(mine).toMatchObject({ id: threadId, status: 'ANSWERED', unread: true })
    expect((await benoit.gql(UNREAD)).data.unreadMessageCount).toBe(unreadBefore + 1)
    expect((await benoit.get(`/api/files/${answerFile}`)).status).toBe(200)

    // the mail says a message waits, and nothing of it
    const mails = readOutbox(join(app.dataDir, 'outbox'))
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ to: expect.stringContaining('benoit@example.org'), subject: 'Un nouveau message vous attend dans votre espace adhérent' })
    expect(mails[0]!.text).toContain('Messagerie')
    expect(mails[0]!.text).not.toMatch(/formulaire|clinique|hanche|Prise en charge|Devis/i)
    expect(app.db.select().from(notificationsTable).all().every(n => n.sentAt)).toBe(true)

    // the member sees who read, answered and opened what
    const log = (await benoit.gql(ACCESS_LOG)).data.accessLog.nodes.map((n: { description: string }) => n.description)
    expect(log).toEqual(expect.arrayContaining([
      'a consulté votre message «\u00a0Prise en charge hospitalière\u00a0»',
      'a répondu à votre message «\u00a0Prise en charge hospitalière\u00a0»',
      'a ouvert la pièce «\u00a0Devis clinique.pdf\u00a0» de votre message «\u00a0Prise en charge hospitalière\u00a0»',
    ]))
    const audits = app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_THREAD')).all()
    expect(audits).toHaveLength(1)
    expect(JSON.stringify(audits)).not.toMatch(/hanche|hospitali/i)
  })

  it('records one reading per consultation window and none for an unknown thread', async () => {
    const id = (await advisor.gql(QUEUE, { taskKind: 'THREAD' })).data.advisorQueue.nodes[0].id
    const audits = () => app.db.select().from(auditEventsTable).where(eq(auditEventsTable.action, 'ADVISOR_VIEW_THREAD')).all().length
    const before = audits()
    await advisor.gql(ADVISOR_THREAD, { id })
    await advisor.gql(ADVISOR_THREAD, { id })
    expect(audits()).toBe(before + 1)
    const missing = await advisor.gql(ADVISOR_THREAD, { id: '00000000-0000-0000-0000-000000000000' })
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    expect(audits()).toBe(before + 1)
  })

  it('refuses an empty answer, an unknown thread and a member\'s file, sending nothing', async () => {
    const id = (await advisor.gql(QUEUE, { taskKind: 'THREAD' })).data.advisorQueue.nodes[0].id
    const memberFile = await uploadId(benoit)
    const mailsBefore = app.db.select().from(notificationsTable).all().length
    const messagesBefore = app.db.select().from(messagesTable).all().length
    expect((await advisor.gql(ANSWER, { id, body: ' ' })).data.answerThread.errors).toEqual([{ field: 'body', code: 'REQUIRED', message: 'Écrivez votre message.' }])
    expect((await advisor.gql(ANSWER, { id: '00000000-0000-0000-0000-000000000000', body: 'Bonjour' })).data.answerThread.errors[0]).toMatchObject({ field: 'threadId', code: 'NOT_FOUND' })
    expect((await advisor.gql(ANSWER, { id, body: 'Bonjour', files: [memberFile] })).data.answerThread.errors[0]).toMatchObject({ field: 'attachmentIds', code: 'NOT_FOUND' })
    expect(app.db.select().from(notificationsTable).all()).toHaveLength(mailsBefore)
    expect(app.db.select().from(messagesTable).all()).toHaveLength(messagesBefore)
    expect(app.db.select().from(messageThreadsTable).where(eq(messageThreadsTable.id, id)).get()!.status).toBe('OPEN')
  })
})

describe('retention of threads (moved clock)', () => {
  const clock = testClock()
  let app: TestApp
  let benoit: ApiClient
  let advisor: ApiClient

  beforeAll(async () => {
    app = await startTestApp({ clock })
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
  })
  afterAll(() => app.close())

  it('hides, then purges with its files, a thread a year after its last message, and keeps the others', async () => {
    const categories: Category[] = (await benoit.gql(CATEGORIES)).data.messageCategories
    const fileId = await uploadId(benoit, tinyPdf('facture'), 'Facture.pdf')
    const sent = await benoit.gql(SEND, { input: { ...subjectOf(categories, 'Accident', 'Déclaration d\'un accident'), body: 'Bonjour', attachmentIds: [fileId] } })
    const threadId = sent.data.sendMessage.thread.id as string
    const file = app.db.select().from(filesTable).where(eq(filesTable.id, fileId)).get()!
    const onDisk = join(app.dataDir, file.storagePath)
    expect(existsSync(onDisk)).toBe(true)
    const demoOldest = app.db.select().from(messageThreadsTable).all().sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!

    // 364 days later the new thread is still there; the demo's oldest (250 days) has gone past its year
    clock.advance(364 * 86_400_000)
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
    let ids = (await benoit.gql(THREADS, { first: 100 })).data.messageThreads.nodes.map((t: { id: string }) => t.id)
    expect(ids).toContain(threadId)
    expect(ids).not.toContain(demoOldest.id)
    expect((await benoit.gql(THREAD, { id: demoOldest.id })).data.messageThread).toBeNull()

    // two more days: over a year since its last message
    clock.advance(2 * 86_400_000)
    benoit = await app.as('benoit')
    advisor = await app.as('advisor')
    ids = (await benoit.gql(THREADS, { first: 100 })).data.messageThreads.nodes.map((t: { id: string }) => t.id)
    expect(ids).not.toContain(threadId)
    expect((await benoit.gql(THREAD, { id: threadId })).data.messageThread).toBeNull()
    expect((await advisor.gql(QUEUE, { taskKind: 'THREAD' })).data.advisorQueue.nodes.map((n: { id: string }) => n.id)).not.toContain(threadId)
    expect((await benoit.gql(REPLY, { id: threadId, body: 'Bonjour\u00a0?' })).data.replyToThread.errors[0]).toMatchObject({ field: 'threadId', code: 'NOT_FOUND' })
    expect((await advisor.gql(ANSWER, { id: threadId, body: 'Bonjour' })).data.answerThread.errors[0]).toMatchObject({ field: 'threadId', code: 'NOT_FOUND' })

    // the daily job deletes it with its messages and its file, rows and bytes
    const kept = app.db.select().from(messageThreadsTable).all().filter(t => t.updatedAt >= new Date(clock.now().getTime() - 365 * 86_400_000).toISOString())
    const purged = purgeExpiredThreads(app.db, app.dataDir, clock.now())
    expect(purged).toBeGreaterThan(1)
    expect(app.db.select().from(messageThreadsTable).where(eq(messageThreadsTable.id, threadId)).get()).toBeUndefined()
    expect(app.db.select().from(messagesTable).where(eq(messagesTable.threadId, threadId)).all()).toEqual([])
    expect(app.db.select().from(filesTable).where(eq(filesTable.id, fileId)).get()).toBeUndefined()
    expect(existsSync(onDisk)).toBe(false)
    expect(app.db.select().from(messageThreadsTable).all().map(t => t.id).sort()).toEqual(kept.map(t => t.id).sort())
    // run again: nothing more to do
    expect(purgeExpiredThreads(app.db, app.dataDir, clock.now())).toBe(0)
    expect(app.db.select().from(messageThreadsTable).where(eq(messageThreadsTable.id, demoOldest.id)).get()).toBeUndefined()
  })
})
