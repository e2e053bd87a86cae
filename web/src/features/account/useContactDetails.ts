import { useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref } from 'vue'
import { AccountContactDetailsDocument, type ContactDetailsInput, UpdateContactDetailsDocument } from '../../gql/graphql'
import { splitUserErrors, UNREACHABLE } from './form-errors'

export const CONTACT_FIELDS = ['email', 'phone', 'address.line1', 'address.line2', 'address.postalCode', 'address.city', 'address.country', 'currentPassword'] as const
export type ContactField = typeof CONTACT_FIELDS[number]
export type ContactErrors = Partial<Record<ContactField, string>>

export function useContactDetails() {
  const { result, loading, error, refetch } = useQuery(AccountContactDetailsDocument)
  return {
    member: computed(() => result.value?.me ?? null),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
    retry: () => refetch(),
  }
}

/** Sends the form; the member comes back normalised (E.164 phone, trimmed address) into the cache. */
export function useUpdateContactDetails() {
  const { mutate, loading } = useMutation(UpdateContactDetailsDocument)
  const fieldErrors = ref<ContactErrors>({})
  const formErrors = ref<string[]>([])

  async function save(input: ContactDetailsInput) {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ input }))?.data?.updateContactDetails
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      const { byField, form } = splitUserErrors(payload.errors, CONTACT_FIELDS)
      fieldErrors.value = byField
      formErrors.value = form
      return payload.errors.length ? null : payload
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
  }

  return { save, saving: loading, fieldErrors, formErrors }
}
