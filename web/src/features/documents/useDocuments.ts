import { useQuery } from '@vue/apollo-composable'
import { computed, type Ref } from 'vue'
import { DocumentsDocument, type DocumentKind, type DocumentsQuery } from '../../gql/graphql'

export type DocumentItem = DocumentsQuery['documents']['nodes'][number]

const PAGE = 20

export function useDocuments(kind: Ref<DocumentKind | null>) {
  const { result, loading, error, refetch, fetchMore } = useQuery(DocumentsDocument, () => ({ kind: kind.value, first: PAGE }))
  const data = computed(() => result.value?.documents ?? null)
  return {
    loading: computed(() => loading.value && !data.value),
    failed: computed(() => !!error.value && !data.value),
    retry: () => refetch(),
    documents: computed(() => data.value?.nodes ?? []),
    totalCount: computed(() => data.value?.totalCount ?? 0),
    hasMore: computed(() => !!data.value?.pageInfo.hasNextPage),
    loadingMore: computed(() => loading.value && !!data.value),
    loadMore: () => fetchMore({
      variables: { after: data.value?.pageInfo.endCursor ?? null },
      updateQuery: (previous, { fetchMoreResult }) => (fetchMoreResult
        ? { ...fetchMoreResult, documents: { ...fetchMoreResult.documents, nodes: [...previous.documents.nodes, ...fetchMoreResult.documents.nodes] } }
        : previous),
    }),
  }
}
