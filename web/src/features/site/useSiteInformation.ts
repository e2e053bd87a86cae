import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { SiteInformationDocument } from '../../gql/graphql'

/** The mutuelle's identity, retention periods and cookies, as the server states them (public). */
export function useSiteInformation() {
  const { result, loading, error, refetch } = useQuery(SiteInformationDocument)
  const info = computed(() => result.value?.siteInformation ?? null)
  return {
    info,
    // the name shows while the rest loads: the header never flickers to a blank brand
    mutuelleName: computed(() => info.value?.mutuelle.name ?? 'Votre mutuelle'),
    loading: computed(() => loading.value && !info.value),
    failed: computed(() => !!error.value && !info.value),
    retry: () => refetch(),
  }
}
