import type { ApiClient, TestApp } from '../../test/harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../test/harness.ts'
import { faqSearchTerms, stem } from './help.service.ts'

const FAQ = `query($search: String, $categoryId: ID) { faq(search: $search, categoryId: $categoryId) { id question answer category { slug } link { label path } } }`

describe('faqSearchTerms', () => {
  it('folds case and accents, drops stop words and cuts French endings', () => {
    expect(faqSearchTerms('Comment ÊTRE remboursé de mes Prélèvements\u00a0?')).toEqual(['etre', 'rembours', 'prelev'])
    expect(stem('remboursements')).toBe('rembours')
    expect(stem('rembourser')).toBe('rembours')
    expect(stem('cartes')).toBe('cart')
    // too short to cut
    expect(stem('dent')).toBe('dent')
  })

  it('lets nothing of FTS5\'s syntax through', () => {
    expect(faqSearchTerms('carte" OR * NEAR(x) -- ^')).toEqual(['cart', 'or', 'near'])
  })
})

describe('help centre', () => {
  let app: TestApp
  let benoit: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
  })
  afterAll(() => app.close())

  const search = async (text: string | null, categoryId?: string) => {
    const r = await benoit.gql(FAQ, { search: text, categoryId })
    expect(r.errors).toBeUndefined()
    return r.data.faq as { id: string, question: string, category: { slug: string }, link: { label: string, path: string } | null }[]
  }

  it('lists the eight topics, the four guides as paragraphs, and all 21 questions in order', async () => {
    const r = await benoit.gql(`{ helpCategories { id slug label } guides { slug title summary paragraphs category { label } } }`)
    expect(r.data.helpCategories.map((c: { label: string }) => c.label).slice(0, 6)).toEqual(['Remboursements', 'Carte mutuelle et attestations', 'Sécurité sociale/Télétransmission', 'Mon compte et contrat(s)', 'Analyse de devis', 'Cotisations'])
    expect(r.data.helpCategories).toHaveLength(8)
    expect(r.data.guides.map((g: { title: string }) => g.title)).toEqual(['Premières utilisations de votre mutuelle', 'Fonctionnement des remboursements', 'Comprendre mes cotisations', 'Fonctionnement de la télétransmission'])
    expect(r.data.guides[1]).toMatchObject({ slug: 'fonctionnement-des-remboursements', category: { label: 'Remboursements' } })
    expect(r.data.guides[1].paragraphs).toHaveLength(4)
    const one = await benoit.gql(`query($slug: String!) { guide(slug: $slug) { title } }`, { slug: 'comprendre-mes-cotisations' })
    expect(one.data.guide.title).toBe('Comprendre mes cotisations')
    expect((await benoit.gql(`{ guide(slug: "nulle-part") { title } }`)).data.guide).toBeNull()
    expect(await search(null)).toHaveLength(21)
  })

  it('finds the same answers with or without accents and capitals', async () => {
    const accented = await search('prélèvement rejeté')
    expect(accented[0]!.question).toBe('Mon prélèvement a été rejeté, que se passe-t-il\u00a0?')
    expect((await search('PRELEVEMENT REJETE')).map(e => e.id)).toEqual(accented.map(e => e.id))
    expect((await search('teletransmission'))[0]!.question).toMatch(/télétransmission/)
  })

  it('finds other endings of a word: plural, participle, noun', async () => {
    const plural = (await search('bénéficiaires')).map(e => e.question)
    expect(plural).toContain('Ajouter un bénéficiaire')
    expect((await search('rembourser')).map(e => e.question)).toEqual(expect.arrayContaining(['Dans quel délai suis-je remboursé\u00a0?', 'Comment faire une demande de remboursement\u00a0?']))
    expect((await search('cartes')).map(e => e.question)).toContain('Télécharger ma carte de tiers-payant')
  })

  it('ranks a question naming the words above answers merely mentioning them', async () => {
    const results = await search('carte tiers payant')
    expect(results[0]!.question).toBe('Télécharger ma carte de tiers-payant')
    expect(results.length).toBeGreaterThan(1)
  })

  it('filters by topic, with or without search, and links answers to the page that does the thing', async () => {
    const topics = (await benoit.gql(`{ helpCategories { id slug } }`)).data.helpCategories as { id: string, slug: string }[]
    const card = topics.find(t => t.slug === 'carte-mutuelle-et-attestations')!
    const all = await search(null, card.id)
    expect(all.map(e => e.category.slug)).toEqual(['carte-mutuelle-et-attestations', 'carte-mutuelle-et-attestations', 'carte-mutuelle-et-attestations'])
    expect(all[0]!.link).toEqual({ label: 'Voir ma carte', path: '/ma-mutuelle/carte' })
    expect((await search('remboursement', card.id)).every(e => e.category.slug === card.slug)).toBe(true)
  })

  it('takes FTS5 operators in a search as plain words', async () => {
    expect((await search('carte" OR * NEAR(x)')).map(e => e.question)).toContain('Télécharger ma carte de tiers-payant')
  })

  it('answers nothing for words it does not know or only stop words, and refuses a search over 200 characters', async () => {
    expect(await search('xylophone')).toEqual([])
    expect(await search('comment le la')).toEqual([])
    const r = await benoit.gql(FAQ, { search: 'carte '.repeat(200) })
    expect(r.errors?.[0]).toMatchObject({ message: 'Votre recherche ne doit pas dépasser 200 caractères.', extensions: { code: 'BAD_USER_INPUT', field: 'search' } })
    expect(r.data?.faq ?? null).toBeNull()
  })
})
