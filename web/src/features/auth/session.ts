import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core'
import { ViewerDocument } from '../../gql/graphql'
import { deleteSavedCard } from '../../pwa/offline-card'

/**
 * Forgets everything the previous person saw (health data stays in memory otherwise) and records
 * that nobody is signed in, so the guard and the header agree. The card kept on this device goes
 * too, except when the session merely expired: its owner still holds the device, and may be at the
 * pharmacy counter with no network to sign in again.
 */
export async function clearSession(client: ApolloClient<NormalizedCacheObject>, { keepSavedCard = false } = {}): Promise<void> {
  if (!keepSavedCard) await deleteSavedCard()
  await client.clearStore()
  client.writeQuery({ query: ViewerDocument, data: { __typename: 'Query', viewer: null } })
  // after clearStore Apollo's watchers stay silent until their query runs again: without this the
  // header kept the previous member's menu (the server, asked, says nobody is signed in)
  await client.refetchQueries({ include: [ViewerDocument] })
}
