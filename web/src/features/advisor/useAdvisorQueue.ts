import { useQuery } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { AdvisorQueueDocument, type AdvisorQueueTaskFragment, type ProcedureKind } from '../../gql/graphql'

export type AdvisorQueueItem = AdvisorQueueTaskFragment
export const PAGE_SIZE = 20


/** The démarches waiting for a decision, oldest first, page by page; the kind comes from the URL. */
export function useAdvisorQueue(kind: Ref<ProcedureKind | null>) {
  const variables = computed(() => ({ kind: kind.value, first: PAGE_SIZE }))
  const { result, loading, error, fetchMore, refetch } = useQuery(AdvisorQueueDocument, variables)
  const connection = computed(() => result.value?.advisorQueue ?? null)
  const loadingMore = ref(false)
  const moreFailed = ref(false)

  async function loadMore(): Promise<void> {
    const cursor = connection.value?.pageInfo.endCursor
    if (!cursor || loadingMore.value) return
    loadingMore.value = true
    moreFailed.value = false
    try {
      // the cache's field policy (apollo/client.ts) appends the page
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
    // today every task is a démarche; message threads will join the union when messaging lands
    items: computed(() => (connection.value?.nodes ?? []).filter((n): n is AdvisorQueueItem => n.__typename === 'ProcedureTask')),
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
