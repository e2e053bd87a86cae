import { useQuery } from '@vue/apollo-composable'
import { computed, type Ref } from 'vue'
import { ContractContributionsDocument, ContractDetailDocument, ContractGuaranteesDocument, type ContractContributionsQuery, type ContractDetailQuery, type ContractGuaranteesQuery } from '../../gql/graphql'
import { isNotFound } from './useContractSelection'

export type ContractDetail = NonNullable<ContractDetailQuery['contract']>
export type ContractTabItem = ContractDetailQuery['contracts'][number]
export type ContributionContract = NonNullable<ContractContributionsQuery['contract']>
export type GuaranteesContract = NonNullable<ContractGuaranteesQuery['contract']>
export type GuaranteeItem = GuaranteesContract['guarantees'][number]
export type ForfaitCounterItem = GuaranteesContract['forfaitCounters'][number]

function shape<T extends { contract?: unknown, contracts: ContractTabItem[] }>(query: { result: Ref<T | undefined>, loading: Ref<boolean>, error: Ref<import('@apollo/client/core').ApolloError | null>, refetch: () => unknown }) {
  const data = computed(() => query.result.value ?? null)
  return {
    // cached data stays on screen while it is refreshed: "loading" only means nothing to show yet
    loading: computed(() => query.loading.value && !data.value?.contract),
    notFound: computed(() => isNotFound(query.error.value)),
    failed: computed(() => !!query.error.value && !data.value?.contract && !isNotFound(query.error.value)),
    retry: () => query.refetch(),
    contracts: computed(() => data.value?.contracts ?? []),
  }
}

export function useContractDetail(id: Ref<string | null>) {
  const query = useQuery(ContractDetailDocument, () => ({ id: id.value }))
  return { ...shape(query), contract: computed(() => query.result.value?.contract ?? null) }
}

export function useContractGuarantees(id: Ref<string | null>) {
  const query = useQuery(ContractGuaranteesDocument, () => ({ id: id.value }))
  return { ...shape(query), contract: computed(() => query.result.value?.contract ?? null) }
}

export function useContractContributions(id: Ref<string | null>) {
  const query = useQuery(ContractContributionsDocument, () => ({ id: id.value }))
  return { ...shape(query), contract: computed(() => query.result.value?.contract ?? null) }
}
