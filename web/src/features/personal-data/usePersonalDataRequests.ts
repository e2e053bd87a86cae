import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref } from 'vue'
import {
  type ConsentKind,
  type DataRight,
  PersonalDataConsentsDocument,
  PersonalDataExportsDocument,
  PersonalDataRightsRequestsDocument,
  RequestDataExportDocument,
  RequestDataRightsDocument,
  SetConsentDocument,
} from '../../gql/graphql'

const UNREACHABLE = 'Votre demande n\'a pas pu être envoyée. Vérifiez votre connexion puis réessayez.'

// Mes démarches and these lists now miss the new démarche: read them again
const evictProcedures = {
  update: (cache: { evict: (o: { fieldName: string }) => void, gc: () => void }) => {
    cache.evict({ fieldName: 'procedures' })
    cache.gc()
  },
}

/** The archives built so far (newest first) and « Préparer mon archive ». */
export function useDataExports() {
  const { result, loading } = useQuery(PersonalDataExportsDocument, null, { fetchPolicy: 'cache-and-network' })
  const { mutate, loading: building } = useMutation(RequestDataExportDocument, evictProcedures)
  const error = ref<string | null>(null)

  async function build() {
    error.value = null
    try {
      const payload = (await mutate())?.data?.requestDataExport
      if (!payload) error.value = UNREACHABLE
      else if (payload.errors.length) error.value = payload.errors.map(e => e.message).join(' ')
      return payload?.procedure ?? null
    }
    catch {
      error.value = UNREACHABLE
      return null
    }
  }
  return {
    exports: computed(() => (result.value?.procedures.nodes ?? []).filter(p => p.dataExport)),
    loading: computed(() => loading.value && !result.value),
    building,
    error,
    build,
  }
}

/** Requests of rectification, erasure, limitation, objection: the list and the form's submission. */
export function useDataRightsRequests() {
  const { result } = useQuery(PersonalDataRightsRequestsDocument, null, { fetchPolicy: 'cache-and-network' })
  const { mutate, loading: sending } = useMutation(RequestDataRightsDocument, evictProcedures)
  const fieldErrors = ref<{ right?: string, message?: string }>({})
  const formErrors = ref<string[]>([])

  async function submit(right: DataRight, message: string) {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ input: { right, message } }))?.data?.requestDataRights
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      for (const e of payload.errors) {
        if (e.field === 'right' || e.field === 'message') fieldErrors.value[e.field] ??= e.message
        else formErrors.value.push(e.message)
      }
      return payload.errors.length ? null : payload.procedure ?? null
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
  }
  return { requests: computed(() => result.value?.procedures.nodes ?? []), submit, sending, fieldErrors, formErrors }
}

export function useConsents() {
  const { result, loading, error } = useQuery(PersonalDataConsentsDocument)
  // consents have no id of their own: the list is read again after a change
  const { mutate, loading: saving } = useMutation(SetConsentDocument, { refetchQueries: ['PersonalDataConsents'], awaitRefetchQueries: true })
  const failure = ref<string | null>(null)
  async function set(kind: ConsentKind, granted: boolean) {
    failure.value = null
    try {
      await mutate({ kind, granted })
    }
    catch {
      failure.value = 'Votre choix n\'a pas pu être enregistré. Vérifiez votre connexion puis réessayez.'
    }
  }
  return {
    consents: computed(() => result.value?.consents ?? []),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
    saving,
    failure,
    set,
  }
}
