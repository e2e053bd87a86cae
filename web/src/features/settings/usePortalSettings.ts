import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { PortalSettingsDocument } from '../../gql/graphql'

/** The public directory until the server says which one this mutuelle uses. */
const FALLBACK_DIRECTORY = 'https://annuaire.sante.fr'

export function usePortalSettings() {
  const { result } = useQuery(PortalSettingsDocument, null, { fetchPolicy: 'cache-first' })
  return {
    healthDirectoryUrl: computed(() => result.value?.portalSettings.healthDirectoryUrl ?? FALLBACK_DIRECTORY),
  }
}
