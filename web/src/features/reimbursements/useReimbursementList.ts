import { useQuery } from '@vue/apollo-composable'
import { computed, type Ref } from 'vue'
import { PAGE_SIZE, usePagedConnection } from '../../apollo/usePagedConnection'
import { ReimbursementFilterOptionsDocument, ReimbursementListDocument, type ReimbursementListQuery } from '../../gql/graphql'
import type { ReimbursementFilters } from './reimbursement-filters'

export type ReimbursementListItem = ReimbursementListQuery['reimbursements']['nodes'][number]
export type ReimbursementTotals = ReimbursementListQuery['reimbursements']['totals']

/** The filtered list, page by page: the filters come from the URL, "Voir plus" appends the next page. */
export function useReimbursementList(filters: Ref<ReimbursementFilters>) {
  const variables = computed(() => ({ ...filters.value, first: PAGE_SIZE }))
  const list = usePagedConnection(ReimbursementListDocument, variables, r => r.reimbursements)
  const options = useQuery(ReimbursementFilterOptionsDocument)
  return {
    ...list,
    totals: computed(() => list.connection.value?.totals ?? null),
    beneficiaries: computed(() => options.result.value?.beneficiaries ?? []),
  }
}
