import { ApolloClient, ApolloLink, type FieldPolicy, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client/core'
import { onError } from '@apollo/client/link/error'

interface ConnectionPage { edges?: unknown[], nodes?: unknown[] }

/**
 * A cursor connection read page by page ("Voir plus"): one cache entry per filter set and page
 * size, where a page asked `after` a cursor is appended and a first page replaces the list.
 */
function cursorConnection(keyArgs: string[]): FieldPolicy<ConnectionPage> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming
      return {
        ...incoming,
        edges: [...(existing.edges ?? []), ...(incoming.edges ?? [])],
        nodes: [...(existing.nodes ?? []), ...(incoming.nodes ?? [])],
      }
    },
  }
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // one viewer per session: merge what different queries select about it
      Viewer: { keyFields: [] },
      // the frame asks for the mutuelle's identity, the site's pages for all of it: one object
      SiteInformation: { merge: true },
      Mutuelle: { merge: true },
      Query: {
        fields: {
          reimbursements: cursorConnection(['beneficiaryId', 'careType', 'from', 'to', 'first']),
          procedures: cursorConnection(['status', 'exceptStatus', 'kind', 'beneficiaryId', 'first']),
          advisorQueue: cursorConnection(['kind', 'taskKind', 'first']),
          messageThreads: cursorConnection(['categoryId', 'status', 'first']),
          accessLog: cursorConnection(['first']),
          news: cursorConnection(['first']),
        },
      },
    },
  })
}

export interface ApolloClientOptions {
  /** Where operations go; the API over HTTP with the session cookie by default. */
  transport?: ApolloLink
  /** Called when the server answers UNAUTHENTICATED: the session expired or was revoked. */
  onUnauthenticated?: () => void
}

export function createApolloClient(options: ApolloClientOptions = {}): ApolloClient<NormalizedCacheObject> {
  const sessionLink = onError(({ graphQLErrors }) => {
    if (graphQLErrors?.some(error => error.extensions?.code === 'UNAUTHENTICATED')) options.onUnauthenticated?.()
  })
  const transport = options.transport ?? new HttpLink({ uri: '/graphql', credentials: 'same-origin' })
  return new ApolloClient({
    link: ApolloLink.from([sessionLink, transport]),
    cache: createCache(),
    defaultOptions: {
      // pages show what the cache has at once and refresh it; partial data beats a blank page
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
    },
  })
}
