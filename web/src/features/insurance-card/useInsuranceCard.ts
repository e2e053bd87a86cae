import { useQuery } from '@vue/apollo-composable'
import { computed, type Ref } from 'vue'
import { InsuranceCardPageDocument, type InsuranceCardPageQuery } from '../../gql/graphql'
import { isNotFound } from '../contracts/useContractSelection'

export type InsuranceCardDetail = InsuranceCardPageQuery['insuranceCard']

/** The SVG markup the API draws, as an image source: shown through <img>, never injected as HTML. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

export function useInsuranceCard(contractId: Ref<string | null>) {
  const { result, loading, error, refetch } = useQuery(InsuranceCardPageDocument, () => ({ contractId: contractId.value }))
  const card = computed(() => result.value?.insuranceCard ?? null)
  return {
    loading: computed(() => loading.value && !card.value),
    notFound: computed(() => isNotFound(error.value)),
    failed: computed(() => !!error.value && !card.value && !isNotFound(error.value)),
    retry: () => refetch(),
    contracts: computed(() => result.value?.contracts ?? []),
    card,
    pdfHref: computed(() => (card.value ? `/api/insurance-card.pdf?contractId=${encodeURIComponent(card.value.contract.id)}` : '')),
    attestationHref: computed(() => (card.value ? `/api/attestation-de-droits.pdf?contractId=${encodeURIComponent(card.value.contract.id)}` : '')),
    dataMatrixSrc: computed(() => (card.value ? svgDataUrl(card.value.dataMatrixSvg) : '')),
  }
}
