import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref } from 'vue'
import {
  BeneficiaryRequestOptionsDocument,
  type BeneficiaryAdditionInput,
  type BeneficiaryRemovalInput,
  PendingBeneficiaryRequestsDocument,
  type PendingBeneficiaryRequestFragment,
  RequestBeneficiaryAdditionDocument,
  RequestBeneficiaryRemovalDocument,
} from '../../gql/graphql'

export type PendingRequest = PendingBeneficiaryRequestFragment

export function useBeneficiaryRequestOptions() {
  const { result, loading, error, refetch } = useQuery(BeneficiaryRequestOptionsDocument, null, { fetchPolicy: 'cache-and-network' })
  return {
    beneficiaries: computed(() => result.value?.beneficiaries ?? []),
    freeRanks: computed(() => result.value?.freeBeneficiaryRanks ?? []),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
    retry: () => refetch(),
  }
}

/** Additions and removals still waiting for the mutuelle, oldest last. */
export function usePendingBeneficiaryRequests() {
  const { result } = useQuery(PendingBeneficiaryRequestsDocument, null, { fetchPolicy: 'cache-and-network' })
  return computed<PendingRequest[]>(() => [...(result.value?.additions.nodes ?? []), ...(result.value?.removals.nodes ?? [])]
    .filter(p => p.status === 'SUBMITTED' || p.status === 'MISSING_DOCUMENTS')
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)))
}

const UNREACHABLE = 'Votre demande n\'a pas pu être envoyée. Vérifiez votre connexion puis réessayez.'

/**
 * One mutation of this section: its payload errors become messages by input field (the form shows
 * them beside the field) or messages for the whole form.
 */
function useRequest<TInput, TField extends string>(send: (input: TInput) => Promise<{ procedure?: PendingRequest | null, errors: { field?: string | null, message: string }[] } | null | undefined>, fields: readonly TField[]) {
  const fieldErrors = ref<Partial<Record<TField, string>>>({})
  const formErrors = ref<string[]>([])
  const sending = ref(false)

  async function submit(input: TInput): Promise<PendingRequest | null> {
    fieldErrors.value = {}
    formErrors.value = []
    sending.value = true
    try {
      const payload = await send(input)
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      for (const error of payload.errors) {
        const field = fields.find(f => f === error.field)
        if (field) fieldErrors.value[field] ??= error.message
        else formErrors.value.push(error.message)
      }
      return payload.errors.length ? null : payload.procedure ?? null
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
    finally {
      sending.value = false
    }
  }
  return { submit, fieldErrors, formErrors, sending }
}

// the démarches lists and the free ranks now miss this request: read them again when next shown
const refreshLists = {
  update: (cache: { evict: (o: { fieldName: string }) => void, gc: () => void }) => {
    cache.evict({ fieldName: 'procedures' })
    cache.evict({ fieldName: 'freeBeneficiaryRanks' })
    cache.gc()
  },
}

export const ADDITION_FIELDS = ['firstName', 'lastName', 'birthDate', 'relationship', 'rank', 'nir', 'nirOwner', 'coverageStart', 'documentKind', 'attachmentIds'] as const
export type AdditionField = typeof ADDITION_FIELDS[number]

export function useRequestBeneficiaryAddition() {
  const { mutate } = useMutation(RequestBeneficiaryAdditionDocument, refreshLists)
  return useRequest<BeneficiaryAdditionInput, AdditionField>(async input => (await mutate({ input }))?.data?.requestBeneficiaryAddition, ADDITION_FIELDS)
}

export const REMOVAL_FIELDS = ['beneficiaryId', 'coverageEnd', 'reason', 'attachmentIds'] as const
export type RemovalField = typeof REMOVAL_FIELDS[number]

export function useRequestBeneficiaryRemoval() {
  const { mutate } = useMutation(RequestBeneficiaryRemovalDocument, refreshLists)
  return useRequest<BeneficiaryRemovalInput, RemovalField>(async input => (await mutate({ input }))?.data?.requestBeneficiaryRemoval, REMOVAL_FIELDS)
}
