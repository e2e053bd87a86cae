import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core'
import { hasSavedCard } from '../../pwa/offline-card'

/** At start and at sign-in: checks the kept card, loading its code only on devices that keep one. */
export async function refreshSavedCard(client: ApolloClient<NormalizedCacheObject>): Promise<void> {
  if (!(await hasSavedCard())) return
  const { keepSavedCardCurrent } = await import('./saved-card')
  await keepSavedCardCurrent(client)
}
