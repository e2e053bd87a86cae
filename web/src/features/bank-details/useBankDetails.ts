import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref } from 'vue'
import {
  type BankAccountChangeInput,
  type BankAccountChangeItemFragment,
  BankDetailsDocument,
  ConfirmBankAccountChangeDocument,
  StartBankAccountChangeDocument,
} from '../../gql/graphql'

export type BankChange = BankAccountChangeItemFragment

export function useBankDetails() {
  const { result, loading, error, refetch } = useQuery(BankDetailsDocument, null, { fetchPolicy: 'cache-and-network' })
  return {
    details: computed(() => result.value?.bankDetails ?? null),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
    retry: () => refetch(),
  }
}

/** The fields of the change form; the server's errors come back under the same names. */
export const CHANGE_FIELDS = ['iban', 'bic', 'holderName', 'usages', 'beneficiaryIds', 'acceptMandate', 'password', 'changeId'] as const
export type ChangeField = typeof CHANGE_FIELDS[number]
export type ChangeErrors = Partial<Record<ChangeField, string>>
const isChangeField = (field: string | null | undefined): field is ChangeField => CHANGE_FIELDS.includes(field as ChangeField)

const UNREACHABLE = 'Le service est momentanément indisponible. Vérifiez votre connexion puis réessayez.'

/** Steps 1–2 then 3 of the change: each payload's errors become field errors or messages for the whole form. */
export function useBankAccountChange() {
  const fieldErrors = ref<ChangeErrors>({})
  const formErrors = ref<string[]>([])
  const start = useMutation(StartBankAccountChangeDocument)
  const confirm = useMutation(ConfirmBankAccountChangeDocument, {
    // accounts, mandate and Mes démarches changed: read them again when next shown
    update: (cache, { data }) => {
      if (!data?.confirmBankAccountChange.change) return
      cache.evict({ fieldName: 'bankDetails' })
      cache.evict({ fieldName: 'procedures' })
      cache.gc()
    },
  })

  function collect(payload: { errors: { field?: string | null, message: string }[] } | undefined | null): boolean {
    fieldErrors.value = {}
    formErrors.value = []
    if (!payload) {
      formErrors.value = [UNREACHABLE]
      return false
    }
    for (const error of payload.errors) {
      if (isChangeField(error.field)) fieldErrors.value[error.field] ??= error.message
      else formErrors.value.push(error.message)
    }
    return payload.errors.length === 0
  }

  async function startChange(input: BankAccountChangeInput): Promise<BankChange | null> {
    try {
      const payload = (await start.mutate({ input }))?.data?.startBankAccountChange
      return collect(payload) ? payload?.change ?? null : null
    }
    catch {
      collect(null)
      return null
    }
  }

  async function confirmChange(changeId: string, password: string): Promise<BankChange | null> {
    try {
      const payload = (await confirm.mutate({ changeId, password }))?.data?.confirmBankAccountChange
      return collect(payload) ? payload?.change ?? null : null
    }
    catch {
      collect(null)
      return null
    }
  }

  return {
    startChange,
    confirmChange,
    busy: computed(() => start.loading.value || confirm.loading.value),
    fieldErrors,
    formErrors,
  }
}
