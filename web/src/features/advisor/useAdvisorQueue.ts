import { computed, type Ref } from 'vue'
import { PAGE_SIZE, usePagedConnection } from '../../apollo/usePagedConnection'
import { AdvisorQueueDocument, type AdvisorQueueTaskFragment, type ProcedureKind } from '../../gql/graphql'

export type AdvisorQueueItem = AdvisorQueueTaskFragment

/** The démarches waiting for a decision, oldest first, page by page; the kind comes from the URL. */
export function useAdvisorQueue(kind: Ref<ProcedureKind | null>) {
  const variables = computed(() => ({ kind: kind.value, first: PAGE_SIZE }))
  const queue = usePagedConnection(AdvisorQueueDocument, variables, r => r.advisorQueue)
  return {
    ...queue,
    // today every task is a démarche; message threads will join the union when messaging lands
    items: computed(() => queue.items.value.filter((n): n is AdvisorQueueItem => n.__typename === 'ProcedureTask')),
  }
}
