import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { MutuelleIdentityDocument, SiteInformationDocument } from '../../gql/graphql'

/** The mutuelle's identity, retention periods and cookies, as the server states them (public). */
export function useSiteInformation() {
  const { result, loading, error, refetch } = useQuery(SiteInformationDocument, {}, { fetchPolicy: 'cache-first' })
  const info = computed(() => result.value?.siteInformation ?? null)
  return {
    info,
    loading: computed(() => loading.value && !info.value),
    failed: computed(() => !!error.value && !info.value),
    retry: () => refetch(),
  }
}

/** The mutuelle's name and legal form, for the frame of every page. */
export function useMutuelleIdentity() {
  // configuration of the server: it does not change while a page is open, asked once
  const { result } = useQuery(MutuelleIdentityDocument, {}, { fetchPolicy: 'cache-first' })
  const mutuelle = computed(() => result.value?.siteInformation.mutuelle ?? null)
  return {
    mutuelle,
    // the name shows while the rest loads: the header never flickers to a blank brand
    mutuelleName: computed(() => mutuelle.value?.name ?? 'Votre mutuelle'),
  }
}
