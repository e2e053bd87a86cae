import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core'
import { reactive } from 'vue'
import { InsuranceCardPageDocument, MutuelleIdentityDocument, ViewerDocument, type InsuranceCardPageQuery, type MutuelleIdentityQuery } from '../../gql/graphql'
import { deleteSavedCard, SAVED_CARD_CACHE, SAVED_CARD_DATA_URL } from '../../pwa/offline-card'

/**
 * The card a member chose to keep on this device (« Garder ma carte sur cet appareil »), for the
 * pharmacy counter with no network: the card page's answer and the card's PDF, in the browser's
 * Cache Storage where the service worker finds the PDF. Nothing is kept unless the member asks;
 * it goes at sign-out, when another member signs in here, and is replaced when the card changes.
 */
export interface SavedCard {
  /** When the member kept it (ISO instant), shown on the card offline. */
  savedAt: string
  /** Whose card it is: another member signing in on this device removes it. */
  memberId: string
  page: InsuranceCardPageQuery
  /** The mutuelle's name for the card and the frame: the server that states it is out of reach. */
  identity: MutuelleIdentityQuery | null
}

type Card = NonNullable<InsuranceCardPageQuery['insuranceCard']>

export const savedCardState = reactive<{ card: SavedCard | null, read: boolean }>({ card: null, read: false })

/** A browser that can keep files for a page and serve them offline (a secure context with a service worker). */
export function canKeepCard(): boolean {
  return typeof window !== 'undefined' && 'caches' in window && 'serviceWorker' in navigator
}

export function cardPdfHref(contractId: string): string {
  return `/api/insurance-card.pdf?contractId=${encodeURIComponent(contractId)}`
}

/** What the member sees of a card: a change in any of it makes the kept copy out of date. */
export function cardFingerprint(card: Card): string {
  const { dataMatrixSvg: _drawn, ...shown } = card
  return JSON.stringify(shown)
}

export async function readSavedCard(): Promise<SavedCard | null> {
  if (!canKeepCard()) return null
  try {
    if (!(await caches.has(SAVED_CARD_CACHE))) return remember(null)
    const hit = await (await caches.open(SAVED_CARD_CACHE)).match(SAVED_CARD_DATA_URL)
    return remember(hit ? await hit.json() as SavedCard : null)
  }
  catch {
    return remember(null)
  }
}

/** Keeps the card and its PDF; the PDF first, so a failed download keeps nothing half done. */
export async function keepCard(page: InsuranceCardPageQuery, memberId: string, identity: MutuelleIdentityQuery | null, now = new Date()): Promise<SavedCard> {
  const card = page.insuranceCard
  if (!card) throw new Error('no card to keep')
  const pdfUrl = new URL(cardPdfHref(card.contract.id), window.location.origin).href
  const pdf = await fetch(pdfUrl, { credentials: 'same-origin' })
  if (!pdf.ok) throw new Error(`card PDF answered ${pdf.status}`)
  const saved: SavedCard = { savedAt: now.toISOString(), memberId, page, identity }
  // one card at a time: the previous one (another contract's) goes
  await deleteSavedCard()
  const cache = await caches.open(SAVED_CARD_CACHE)
  await cache.put(pdfUrl, pdf)
  await cache.put(SAVED_CARD_DATA_URL, new Response(JSON.stringify(saved), { headers: { 'Content-Type': 'application/json' } }))
  remember(saved)
  return saved
}

export async function forgetSavedCard(): Promise<void> {
  remember(null)
  await deleteSavedCard()
}

/**
 * Brings the kept card in line with the server's: removed when another member is signed in here,
 * replaced when the card changed (a beneficiary added, a new year). Signed out or offline, it stays
 * as it is: its owner may be at the counter with no network.
 */
export async function keepSavedCardCurrent(client: ApolloClient<NormalizedCacheObject>): Promise<void> {
  const saved = await readSavedCard()
  if (!saved?.page.insuranceCard) return
  let page: InsuranceCardPageQuery
  try {
    const memberId = (await client.query({ query: ViewerDocument })).data.viewer?.member?.id
    if (!memberId) return
    if (memberId !== saved.memberId) return forgetSavedCard()
    page = (await client.query({ query: InsuranceCardPageDocument, variables: { contractId: saved.page.insuranceCard.contract.id }, fetchPolicy: 'network-only' })).data
  }
  catch {
    return
  }
  if (!page.insuranceCard) return forgetSavedCard()
  if (cardFingerprint(page.insuranceCard) === cardFingerprint(saved.page.insuranceCard)) return
  await keepCard(page, saved.memberId, client.readQuery({ query: MutuelleIdentityDocument }) ?? saved.identity).catch(forgetSavedCard)
}

function remember(card: SavedCard | null): SavedCard | null {
  savedCardState.card = card
  savedCardState.read = true
  return card
}
