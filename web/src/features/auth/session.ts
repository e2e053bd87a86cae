import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core'
import { ViewerDocument } from '../../gql/graphql'

/**
 * Forgets everything the previous person saw (health data stays in memory otherwise) and records
 * that nobody is signed in, so the guard and the header agree without another request.
 */
export async function clearSession(client: ApolloClient<NormalizedCacheObject>): Promise<void> {
  await client.clearStore()
  client.writeQuery({ query: ViewerDocument, data: { __typename: 'Query', viewer: null } })
}
