import { useQuery } from '@vue/apollo-composable'
import { computed, type Ref } from 'vue'
import { ReimbursementDetailDocument, type ReimbursementDetailQuery } from '../../gql/graphql'

export type ReimbursementDetail = NonNullable<ReimbursementDetailQuery['reimbursement']>

export function useReimbursementDetail(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(ReimbursementDetailDocument, () => ({ id: id.value }))
  const reimbursement = computed(() => result.value?.reimbursement ?? null)
  // another household's id and an unknown one both come back NOT_FOUND
  const notFound = computed(() => !reimbursement.value && !!error.value?.graphQLErrors.some(e => e.extensions?.code === 'NOT_FOUND'))
  return {
    reimbursement,
    loading: computed(() => loading.value && !reimbursement.value),
    notFound,
    failed: computed(() => !!error.value && !reimbursement.value && !notFound.value),
    retry: () => refetch(),
  }
}
