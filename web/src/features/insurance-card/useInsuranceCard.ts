import { useQuery } from '@vue/apollo-composable'
import { computed, type Ref } from 'vue'
import { InsuranceCardPageDocument, type InsuranceCardPageQuery } from '../../gql/graphql'
import { isNotFound } from '../contracts/useContractSelection'
import { cardPdfHref } from './saved-card'
import { useSavedCard } from './useSavedCard'

export type InsuranceCardDetail = InsuranceCardPageQuery['insuranceCard']

/** The SVG markup the API draws, as an image source: shown through <img>, never injected as HTML. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

export function useInsuranceCard(contractId: Ref<string | null>) {
  const { result, loading, error, refetch } = useQuery(InsuranceCardPageDocument, () => ({ contractId: contractId.value }))
  const failed = computed(() => !!error.value && !result.value?.insuranceCard && !isNotFound(error.value))
  // no network, or no server: the card kept on this device stands in for the server's
  const saved = useSavedCard(computed(() => result.value ?? null), failed)
  const page = computed(() => result.value?.insuranceCard ? result.value : saved.offlinePage.value)
  const card = computed(() => page.value?.insuranceCard ?? null)
  return {
    loading: computed(() => loading.value && !card.value),
    notFound: computed(() => isNotFound(error.value)),
    failed: computed(() => failed.value && !card.value),
    retry: () => refetch(),
    contracts: computed(() => page.value?.contracts ?? []),
    card,
    saved,
    pdfHref: computed(() => (card.value ? cardPdfHref(card.value.contract.id) : '')),
    attestationHref: computed(() => (card.value ? `/api/attestation-de-droits.pdf?contractId=${encodeURIComponent(card.value.contract.id)}` : '')),
    dataMatrixSrc: computed(() => (card.value ? svgDataUrl(card.value.dataMatrixSvg) : '')),
  }
}
