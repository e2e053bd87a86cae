import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref, type Ref } from 'vue'
import { AdvisorAnswerThreadDocument, AdvisorThreadDocument } from '../../gql/graphql'

/** One thread for the advisor; each load is recorded in the member's audit trail by the server. */
export function useAdvisorThread(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(AdvisorThreadDocument, () => ({ id: id.value }))
  const task = computed(() => result.value?.advisorThread ?? null)
  const notFound = computed(() => !task.value && !!error.value?.graphQLErrors.some(e => e.extensions?.code === 'NOT_FOUND'))
  return {
    task,
    loading: computed(() => loading.value && !task.value),
    notFound,
    failed: computed(() => !!error.value && !task.value && !notFound.value),
    retry: () => refetch(),
  }
}

const UNREACHABLE = 'La réponse n\'a pas pu être envoyée. Vérifiez votre connexion puis réessayez.'

/** answerThread: the payload's errors become the text's error or messages for the whole form. */
export function useAdvisorAnswer() {
  const { mutate, loading } = useMutation(AdvisorAnswerThreadDocument, {
    // an answered thread leaves the queue: read it again when next shown
    update: (cache, { data }) => {
      if (!data?.answerThread.thread) return
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'advisorQueue' })
      cache.gc()
    },
  })
  const bodyError = ref<string | null>(null)
  const formErrors = ref<string[]>([])

  async function answer(threadId: string, body: string, attachmentIds: string[]): Promise<boolean> {
    bodyError.value = null
    formErrors.value = []
    try {
      const payload = (await mutate({ threadId, body, attachmentIds }))?.data?.answerThread
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return false
      }
      for (const error of payload.errors) {
        if (error.field === 'body') bodyError.value ??= error.message
        else formErrors.value.push(error.message)
      }
      return !payload.errors.length
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return false
    }
  }
  return { answer, answering: loading, bodyError, formErrors }
}
