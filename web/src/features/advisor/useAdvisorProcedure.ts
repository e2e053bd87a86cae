import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { AdvisorDecideProcedureDocument, AdvisorProcedureDocument, type AdvisorProcedureDetailFragment, type AdvisorProcedureQuery, type Decision } from '../../gql/graphql'

export type AdvisorTask = NonNullable<AdvisorProcedureQuery['advisorProcedure']>
export type AdvisorProcedure = AdvisorProcedureDetailFragment

/** One démarche for the advisor; each load is recorded in the member's audit trail by the server. */
export function useAdvisorProcedure(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(AdvisorProcedureDocument, () => ({ id: id.value }))
  const task = computed(() => result.value?.advisorProcedure ?? null)
  const notFound = computed(() => !task.value && !!error.value?.graphQLErrors.some(e => e.extensions?.code === 'NOT_FOUND'))
  return {
    task,
    loading: computed(() => loading.value && !task.value),
    notFound,
    failed: computed(() => !!error.value && !task.value && !notFound.value),
    retry: () => refetch(),
  }
}

export interface DecisionErrors { decision?: string, note?: string }

const UNREACHABLE = 'La décision n\'a pas pu être enregistrée. Vérifiez votre connexion puis réessayez.'

/** decideProcedure: the payload's errors become field errors (the note) or messages for the whole form. */
export function useAdvisorDecision() {
  const { mutate, loading } = useMutation(AdvisorDecideProcedureDocument, {
    // a decided démarche leaves the queue (or changes place): read it again when next shown
    update: (cache, { data }) => {
      if (!data?.decideProcedure.task) return
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'advisorQueue' })
      cache.gc()
    },
  })
  const fieldErrors = ref<DecisionErrors>({})
  const formErrors = ref<string[]>([])

  async function decide(procedureId: string, decision: Decision, note: string): Promise<AdvisorProcedure | null> {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ procedureId, decision, note: note.trim() || null }))?.data?.decideProcedure
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      for (const error of payload.errors) {
        if (error.field === 'note' || error.field === 'decision') fieldErrors.value[error.field] ??= error.message
        else formErrors.value.push(error.message)
      }
      return payload.errors.length ? null : payload.task?.procedure ?? null
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
  }

  return { decide, deciding: loading, fieldErrors, formErrors }
}
