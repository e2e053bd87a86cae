import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core'
import { ViewerDocument } from '../../gql/graphql'

/**
 * Forgets everything the previous person saw (health data stays in memory otherwise) and records
 * that nobody is signed in, so the guard and the header agree.
 */
export async function clearSession(client: ApolloClient<NormalizedCacheObject>): Promise<void> {
  await client.clearStore()
  client.writeQuery({ query: ViewerDocument, data: { __typename: 'Query', viewer: null } })
  // after clearStore Apollo's watchers stay silent until their query runs again: without this the
  // header kept the previous member's menu (the server, asked, says nobody is signed in)
  await client.refetchQueries({ include: [ViewerDocument] })
}
