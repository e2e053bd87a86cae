import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { ViewerDocument } from '../../gql/graphql'

/** The signed-in person as the router guard last learnt it (read from the cache). */
export function useViewer() {
  const { result } = useQuery(ViewerDocument, null, { fetchPolicy: 'cache-first' })
  const viewer = computed(() => result.value?.viewer ?? null)
  return {
    viewer,
    role: computed(() => viewer.value?.role ?? null),
  }
}
