import { useMutation } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { PAGE_SIZE, usePagedConnection } from '../../apollo/usePagedConnection'
import { AddProcedureDocumentsDocument, ProcedureListDocument, type ProcedureItemFragment } from '../../gql/graphql'
import type { ProcedureFilters } from './procedure-filters'

export type ProcedureItem = ProcedureItemFragment

export function useProcedureList(filters: Ref<ProcedureFilters>) {
  const variables = computed(() => ({ ...filters.value, first: PAGE_SIZE }))
  return usePagedConnection(ProcedureListDocument, variables, r => r.procedures)
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
