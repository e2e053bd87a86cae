import type { ApolloError } from '@apollo/client/core'
import { computed } from 'vue'
import { useRoute } from 'vue-router'

/** The contract chosen in the URL (`?contrat=<id>`), so a link to another contract can be shared; null is the main one. */
export function useContractQueryParam() {
  const route = useRoute()
  return computed(() => {
    const value = route.query.contrat
    return typeof value === 'string' && value ? value : null
  })
}

/** The server answers NOT_FOUND for a missing id and for another household's alike. */
export function isNotFound(error: ApolloError | null | undefined): boolean {
  return !!error?.graphQLErrors.some(e => e.extensions?.code === 'NOT_FOUND')
}
