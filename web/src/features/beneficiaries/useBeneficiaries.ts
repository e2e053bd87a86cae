import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { BeneficiariesDocument, type BeneficiariesQuery } from '../../gql/graphql'

export type BeneficiaryItem = BeneficiariesQuery['beneficiaries'][number]

export function useBeneficiaries() {
  const { result, loading, error, refetch } = useQuery(BeneficiariesDocument)
  const data = computed(() => result.value ?? null)
  return {
    loading: computed(() => loading.value && !data.value),
    failed: computed(() => !!error.value && !data.value),
    retry: () => refetch(),
    beneficiaries: computed(() => data.value?.beneficiaries ?? []),
  }
}
