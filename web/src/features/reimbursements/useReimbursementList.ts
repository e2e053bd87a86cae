import { useQuery } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { ReimbursementFilterOptionsDocument, ReimbursementListDocument, type ReimbursementListQuery } from '../../gql/graphql'
import type { ReimbursementFilters } from './reimbursement-filters'

export type ReimbursementListItem = ReimbursementListQuery['reimbursements']['nodes'][number]
export type ReimbursementTotals = ReimbursementListQuery['reimbursements']['totals']

export const PAGE_SIZE = 20

/** The filtered list, page by page: the filters come from the URL, "Voir plus" appends the next page. */
export function useReimbursementList(filters: Ref<ReimbursementFilters>) {
  const variables = computed(() => ({ ...filters.value, first: PAGE_SIZE }))
  const { result, loading, error, fetchMore, refetch } = useQuery(ReimbursementListDocument, variables)
  const options = useQuery(ReimbursementFilterOptionsDocument)
  const loadingMore = ref(false)
  const moreFailed = ref(false)

  const connection = computed(() => result.value?.reimbursements ?? null)

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
    items: computed(() => connection.value?.nodes ?? []),
    totals: computed(() => connection.value?.totals ?? null),
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    hasMore: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    beneficiaries: computed(() => options.result.value?.beneficiaries ?? []),
    // cached data stays on screen while it is refreshed
    loading: computed(() => loading.value && !connection.value),
    failed: computed(() => !!error.value && !connection.value),
    loadingMore,
    moreFailed,
    loadMore,
    retry: () => refetch(),
  }
}
