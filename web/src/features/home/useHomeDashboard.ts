import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { HomeDashboardDocument, type HomeDashboardQuery } from '../../gql/graphql'

export type HomeCard = HomeDashboardQuery['insuranceCard']
export type HomeProcedure = HomeDashboardQuery['procedures']['nodes'][number]
export type HomeMissingDocuments = HomeDashboardQuery['missingDocuments']
export type HomeReimbursement = HomeDashboardQuery['reimbursements']['nodes'][number]
export type HomeNewsItem = HomeDashboardQuery['news']['nodes'][number]

export function useHomeDashboard() {
  const { result, loading, error, refetch } = useQuery(HomeDashboardDocument)
  const data = computed(() => result.value ?? null)
  return {
    data,
    // cached data stays on screen while it is refreshed: "loading" only means nothing to show yet
    loading: computed(() => loading.value && !data.value),
    failed: computed(() => !!error.value && !data.value),
    retry: () => refetch(),
    firstName: computed(() => data.value?.me?.firstName ?? null),
    card: computed(() => data.value?.insuranceCard ?? null),
    procedures: computed(() => data.value?.procedures.nodes ?? []),
    missingDocuments: computed(() => data.value?.missingDocuments ?? null),
    unfinishedJourney: computed(() => !!data.value?.commercialJourneys.some(j => j.status === 'IN_PROGRESS')),
    reimbursements: computed(() => data.value?.reimbursements.nodes ?? []),
    offer: computed(() => data.value?.news.nodes.find(item => item.kind === 'OFFER') ?? null),
  }
}
