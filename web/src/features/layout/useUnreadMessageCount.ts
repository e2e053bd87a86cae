import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { UnreadMessageCountDocument } from '../../gql/graphql'
import { unreadMessagesLabel } from '../../utils/labels'

// an advisor may answer while the member browses: look again every minute
const POLL_MS = 60_000

export function useUnreadMessageCount() {
  const { result } = useQuery(UnreadMessageCountDocument, null, { pollInterval: POLL_MS })
  const count = computed(() => result.value?.unreadMessageCount ?? 0)
  return {
    count,
    /** What the badge shows: the count, capped so it stays small. */
    badge: computed(() => (count.value > 99 ? '99+' : String(count.value))),
    label: computed(() => unreadMessagesLabel(count.value)),
  }
}
