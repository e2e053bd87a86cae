import { useQuery } from '@vue/apollo-composable'
import { computed, type Ref } from 'vue'
import { HelpCenterDocument, HelpFaqDocument, HelpGuideDocument } from '../../gql/graphql'

/** The topics shown first (the seed's six); the others behind « Afficher toutes les catégories ». */
export const FIRST_TOPICS = 6
export const MAX_SEARCH_LENGTH = 200

export function useHelpCenter() {
  const { result, loading, error } = useQuery(HelpCenterDocument)
  return {
    topics: computed(() => result.value?.helpCategories ?? []),
    guides: computed(() => result.value?.guides ?? []),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
  }
}

export function useFaq(search: Ref<string>, categoryId: Ref<string | null>) {
  const { result, loading, error } = useQuery(HelpFaqDocument, () => ({ search: search.value || null, categoryId: categoryId.value }))
  return {
    entries: computed(() => result.value?.faq ?? []),
    loading: computed(() => loading.value && !result.value),
    // the server's French message (a search too long), else a generic one
    error: computed(() => (error.value ? error.value.graphQLErrors[0]?.message ?? 'Les questions fréquentes n\'ont pas pu être chargées.' : null)),
  }
}

export function useGuide(slug: Ref<string>) {
  const { result, loading, error } = useQuery(HelpGuideDocument, () => ({ slug: slug.value }))
  return {
    guide: computed(() => result.value?.guide ?? null),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
  }
}
