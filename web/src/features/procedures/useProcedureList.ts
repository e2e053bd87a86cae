import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { AddProcedureDocumentsDocument, ProcedureListDocument, type ProcedureItemFragment } from '../../gql/graphql'
import type { ProcedureFilters } from './procedure-filters'

export type ProcedureItem = ProcedureItemFragment
export const PAGE_SIZE = 20

export function useProcedureList(filters: Ref<ProcedureFilters>) {
  const variables = computed(() => ({ ...filters.value, first: PAGE_SIZE }))
  const { result, loading, error, fetchMore, refetch } = useQuery(ProcedureListDocument, variables)
  const connection = computed(() => result.value?.procedures ?? null)
  const loadingMore = ref(false)

  async function loadMore(): Promise<void> {
    const cursor = connection.value?.pageInfo.endCursor
    if (!cursor || loadingMore.value) return
    loadingMore.value = true
    try {
      await fetchMore({ variables: { ...variables.value, after: cursor } })
    }
    finally {
      loadingMore.value = false
    }
  }

  return {
    items: computed(() => connection.value?.nodes ?? []),
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    hasMore: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loading: computed(() => loading.value && !connection.value),
    failed: computed(() => !!error.value && !connection.value),
    loadingMore,
    loadMore,
    retry: () => refetch(),
  }
}

const UNREACHABLE = 'Vos pièces n\'ont pas pu être envoyées. Vérifiez votre connexion puis réessayez.'

/** Documents added to a démarche in "Pièces manquantes"; errors come back in French. */
export function useAddProcedureDocuments() {
  const { mutate, loading } = useMutation(AddProcedureDocumentsDocument)
  const error = ref<string | null>(null)

  async function add(procedureId: string, attachmentIds: string[]): Promise<boolean> {
    error.value = null
    try {
      const payload = (await mutate({ procedureId, attachmentIds }))?.data?.addProcedureDocuments
      if (!payload) {
        error.value = UNREACHABLE
        return false
      }
      if (payload.errors.length) {
        error.value = payload.errors.map(e => e.message).join(' ')
        return false
      }
      return true
    }
    catch {
      error.value = UNREACHABLE
      return false
    }
  }

  return { add, adding: loading, error }
}
