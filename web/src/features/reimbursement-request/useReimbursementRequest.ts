import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable'
import { computed, type InjectionKey, ref, type Ref } from 'vue'
import {
  ReimbursementRequestEstimateDocument,
  ReimbursementRequestOptionsDocument,
  type ReimbursementEstimateInput,
  SubmitReimbursementRequestDocument,
  type SubmitReimbursementRequestMutation,
} from '../../gql/graphql'
import { errorsUpTo, isRequestField, type RequestErrors, type RequestForm, serverCheckedInput, type StepNumber, toRequestInput } from './request-form'

export type SubmittedProcedure = NonNullable<SubmitReimbursementRequestMutation['submitReimbursementRequest']['procedure']>

/** What the steps share with the wizard (provided by it, injected by each step). */
export interface RequestWizardState {
  form: RequestForm
  errors: Ref<RequestErrors>
  rates: Ref<{ currency: string, label: string, unitsPerEuro: number }[]>
  ratesDate: Ref<string | null>
  beneficiaries: Ref<{ id: string, firstName: string, lastName: string, relationship: string, coverageStart: string, coverageEnd?: string | null }[]>
}
export const REQUEST_WIZARD: InjectionKey<RequestWizardState> = Symbol('request-wizard')

export function useReimbursementRequestOptions() {
  const { result, loading, error, refetch } = useQuery(ReimbursementRequestOptionsDocument)
  return {
    beneficiaries: computed(() => result.value?.beneficiaries ?? []),
    rates: computed(() => result.value?.exchangeRates.rates ?? []),
    ratesDate: computed(() => result.value?.exchangeRates.date ?? null),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
    retry: () => refetch(),
  }
}

/** The engine's estimate for the summary step; asked only when `input` is set. */
export function useRequestEstimate(input: Ref<ReimbursementEstimateInput | null>) {
  const { result, loading, error } = useQuery(
    ReimbursementRequestEstimateDocument,
    () => ({ input: input.value! }),
    () => ({ enabled: !!input.value, fetchPolicy: 'network-only' }),
  )
  const payload = computed(() => result.value?.reimbursementRequestEstimate ?? null)
  return {
    estimate: computed(() => payload.value?.estimate ?? null),
    errors: computed(() => payload.value?.errors ?? []),
    loading,
    failed: computed(() => !!error.value),
  }
}

/**
 * After a step, the server's rules for what was entered so far (the estimate query runs every
 * check of a request): their errors for this step and the earlier ones, in the server's words.
 * The server also says whether the care type has a Social Security décompte to ask for.
 */
export function useServerStepCheck() {
  const { resolveClient } = useApolloClient()
  const checking = ref(false)
  async function checkOnServer(step: StepNumber, form: RequestForm): Promise<RequestErrors | 'UNREACHABLE'> {
    const input = serverCheckedInput(step, form)
    if (!input) return {}
    checking.value = true
    try {
      const { data } = await resolveClient().query({ query: ReimbursementRequestEstimateDocument, variables: { input }, fetchPolicy: 'network-only' })
      const estimate = data.reimbursementRequestEstimate.estimate
      if (step === 2 && estimate) {
        form.decompteAsked = estimate.socialSecurityStatementAsked
        if (!form.decompteAsked) Object.assign(form, { hasDecompte: 'NO', socialSecurityBase: '', socialSecurityPaid: '' })
      }
      return errorsUpTo(step, data.reimbursementRequestEstimate.errors)
    }
    catch {
      return 'UNREACHABLE'
    }
    finally {
      checking.value = false
    }
  }
  return { checkOnServer, checking }
}

const UNREACHABLE = 'Votre demande n\'a pas pu être envoyée. Vérifiez votre connexion puis réessayez.'

/** Sends the request; the payload's errors become field errors (by step) or messages for the whole form. */
export function useSubmitReimbursementRequest() {
  const { mutate, loading } = useMutation(SubmitReimbursementRequestDocument, {
    // the démarches lists now miss this request: read them again when next shown
    update: (cache, { data }) => {
      if (!data?.submitReimbursementRequest.procedure) return
      cache.evict({ fieldName: 'procedures' })
      cache.gc()
    },
  })
  const fieldErrors = ref<RequestErrors>({})
  const formErrors = ref<string[]>([])

  async function submit(form: RequestForm): Promise<SubmittedProcedure | null> {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ input: toRequestInput(form) }))?.data?.submitReimbursementRequest
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      for (const error of payload.errors) {
        if (isRequestField(error.field)) fieldErrors.value[error.field] ??= error.message
        else formErrors.value.push(error.message)
      }
      return payload.errors.length ? null : payload.procedure ?? null
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
  }

  return { submit, submitting: loading, fieldErrors, formErrors }
}
