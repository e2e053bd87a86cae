import type { OperationVariables, TypedDocumentNode } from '@apollo/client/core'
import { useQuery } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'

export const PAGE_SIZE = 20

interface ConnectionShape {
  nodes: readonly unknown[]
  totalCount: number
  pageInfo: { hasNextPage: boolean, endCursor?: string | null }
}

/**
 * A cursor connection shown page by page: "Voir plus" fetches the page after the last cursor and
 * the cache's field policy (apollo/client.ts) appends it. Cached data stays on screen while it is
 * refreshed, so loading and failure only count when there is nothing to show.
 */
export function usePagedConnection<Q, V extends OperationVariables, C extends ConnectionShape>(
  document: TypedDocumentNode<Q, V>,
  variables: Ref<V>,
  pick: (result: Q) => C,
  enabled: () => boolean = () => true,
) {
  const { result, loading, error, fetchMore, refetch } = useQuery(document, variables, () => ({ enabled: enabled() }))
  const connection = computed(() => (result.value ? pick(result.value as Q) : null))
  const loadingMore = ref(false)
  const moreFailed = ref(false)

  async function loadMore(): Promise<void> {
    const cursor = connection.value?.pageInfo.endCursor
    if (!cursor || loadingMore.value) return
    loadingMore.value = true
    moreFailed.value = false
    try {
      await fetchMore({ variables: { ...variables.value, after: cursor } })
    }
    catch {
      moreFailed.value = true
    }
    finally {
      loadingMore.value = false
    }
  }

  return {
    connection,
    items: computed(() => (connection.value?.nodes ?? []) as C['nodes']),
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    hasMore: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loading: computed(() => loading.value && !connection.value),
    failed: computed(() => !!error.value && !connection.value),
    loadingMore,
    moreFailed,
    loadMore,
    retry: () => refetch(),
  }
}
