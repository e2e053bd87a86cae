import { useApolloClient } from '@vue/apollo-composable'
import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { MutuelleIdentityDocument, type InsuranceCardPageQuery } from '../../gql/graphql'
import { formatLongDate } from '../../utils/format-date'
import { useViewer } from '../auth/useViewer'
import { canKeepCard, cardFingerprint, forgetSavedCard, keepCard, readSavedCard, savedCardState } from './saved-card'

/**
 * The card page's side of « Garder ma carte sur cet appareil »: keep or forget the card shown, replace
 * the kept copy when the server's card changed, and show the kept card when the server cannot be
 * reached (no network at the pharmacy counter).
 */
export function useSavedCard(page: Ref<InsuranceCardPageQuery | null>, unreachable: Ref<boolean>) {
  const { viewer } = useViewer()
  const { resolveClient } = useApolloClient()
  const available = canKeepCard()
  const busy = ref(false)
  const problem = ref<string | null>(null)

  onMounted(() => void readSavedCard())

  const saved = computed(() => savedCardState.card)
  const fresh = computed(() => page.value?.insuranceCard ?? null)
  const keptHere = computed(() => !!fresh.value && saved.value?.page.insuranceCard?.contract.id === fresh.value.contract.id)
  /** The kept card, while the server cannot be reached. */
  const offlinePage = computed(() => (unreachable.value && !fresh.value ? saved.value?.page ?? null : null))
  // offline the mutuelle's name cannot be asked: the card and the frame show the one kept
  watch(offlinePage, (offline) => {
    const identity = saved.value?.identity
    if (offline && identity) resolveClient().writeQuery({ query: MutuelleIdentityDocument, data: identity })
  })
  const savedOn = computed(() => (saved.value ? formatLongDate(saved.value.savedAt) : null))

  // the server's card moved on (a beneficiary added, a new year): the copy kept here follows
  watch([fresh, saved], ([card, kept]) => {
    const keptCard = kept?.page.insuranceCard
    if (!card || !keptCard || keptCard.contract.id !== card.contract.id || busy.value) return
    if (cardFingerprint(card) !== cardFingerprint(keptCard)) void keep()
  })

  async function keep(): Promise<void> {
    const memberId = viewer.value?.member?.id
    if (!page.value || !memberId) return
    busy.value = true
    problem.value = null
    try {
      const client = resolveClient()
      await keepCard(page.value, memberId, client.readQuery({ query: MutuelleIdentityDocument }))
    }
    catch {
      problem.value = 'Votre carte n\'a pas pu être enregistrée sur cet appareil. Vérifiez votre connexion et réessayez.'
    }
    finally {
      busy.value = false
    }
  }

  async function forget(): Promise<void> {
    busy.value = true
    await forgetSavedCard()
    busy.value = false
  }

  return { available, busy, problem, keptHere, offlinePage, savedOn, keep, forget }
}
