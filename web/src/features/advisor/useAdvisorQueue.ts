import { computed, type Ref } from 'vue'
import { PAGE_SIZE, usePagedConnection } from '../../apollo/usePagedConnection'
import { AdvisorQueueDocument, type AdvisorQueueTaskFragment, type AdvisorQueueThreadFragment } from '../../gql/graphql'
import { type QueueFilter, queueVariables } from './advisor-queue-filter'

export type AdvisorQueueItem = AdvisorQueueTaskFragment | AdvisorQueueThreadFragment

/** The work waiting for an advisor, longest wait first, page by page; the filter comes from the URL. */
export function useAdvisorQueue(filter: Ref<QueueFilter>) {
  const variables = computed(() => ({ ...queueVariables(filter.value), first: PAGE_SIZE }))
  const queue = usePagedConnection(AdvisorQueueDocument, variables, r => r.advisorQueue)
  return {
    ...queue,
    items: computed(() => queue.items.value.filter((n): n is AdvisorQueueItem => n.__typename === 'ProcedureTask' || n.__typename === 'ThreadTask')),
  }
}
