import { useMutation } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { PAGE_SIZE, usePagedConnection } from '../../apollo/usePagedConnection'
import { AddProcedureDocumentsDocument, ProcedureListDocument, type ProcedureItemFragment } from '../../gql/graphql'
import type { ProcedureFilters } from './procedure-filters'

export type ProcedureItem = ProcedureItemFragment

// a démarche card is tall: ten a page keep Mes démarches a page one scrolls, not a wall
export const PROCEDURES_PAGE_SIZE = 10

/**
 * Mes démarches in two lists when no status is chosen: the démarches waiting for a document from
 * the member first (the member's move), then the others page by page. A chosen status is one list.
 */
export function useProcedureList(filters: Ref<ProcedureFilters>) {
  const split = computed(() => !filters.value.status)
  const missingVariables = computed(() => ({ status: 'MISSING_DOCUMENTS' as const, kind: filters.value.kind, first: PAGE_SIZE }))
  const missing = usePagedConnection(ProcedureListDocument, missingVariables, r => r.procedures, () => split.value)
  const variables = computed(() => split.value
    ? { exceptStatus: 'MISSING_DOCUMENTS' as const, kind: filters.value.kind, first: PROCEDURES_PAGE_SIZE }
    : { ...filters.value, first: PROCEDURES_PAGE_SIZE })
  const list = usePagedConnection(ProcedureListDocument, variables, r => r.procedures)
  return {
    ...list,
    split,
    missing: computed(() => (split.value ? missing.items.value : [])),
    missingHasMore: computed(() => split.value && missing.hasMore.value),
    loadMoreMissing: missing.loadMore,
    loading: computed(() => list.loading.value || (split.value && missing.loading.value)),
    failed: computed(() => list.failed.value || (split.value && missing.failed.value)),
    totalCount: computed(() => list.totalCount.value + (split.value ? missing.totalCount.value : 0)),
    retry: () => Promise.all([list.retry(), split.value ? missing.retry() : null]),
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
