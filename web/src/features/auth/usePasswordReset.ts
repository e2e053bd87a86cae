import { useApolloClient, useMutation } from '@vue/apollo-composable'
import { ref } from 'vue'
import { RequestPasswordResetDocument, ResetPasswordDocument } from '../../gql/graphql'
import { splitUserErrors, UNREACHABLE } from '../account/form-errors'
import { clearSession } from './session'

/** « Mot de passe oublié ? »: the answer never says whether the address has an account. */
export function useRequestPasswordReset() {
  const { mutate, loading } = useMutation(RequestPasswordResetDocument)
  const fieldErrors = ref<{ email?: string }>({})
  const formErrors = ref<string[]>([])

  async function request(email: string): Promise<number | null> {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ email }))?.data?.requestPasswordReset
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      const { byField, form } = splitUserErrors(payload.errors, ['email'] as const)
      fieldErrors.value = byField
      formErrors.value = form
      return payload.errors.length ? null : payload.linkValidMinutes
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
  }

  return { request, loading, fieldErrors, formErrors }
}

export function useResetPassword() {
  const { resolveClient } = useApolloClient()
  const { mutate, loading } = useMutation(ResetPasswordDocument)
  const fieldErrors = ref<{ newPassword?: string }>({})
  const formErrors = ref<string[]>([])

  async function reset(token: string, newPassword: string): Promise<boolean> {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ token, newPassword }))?.data?.resetPassword
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return false
      }
      const { byField, form } = splitUserErrors(payload.errors, ['newPassword'] as const)
      fieldErrors.value = byField
      formErrors.value = form
      if (payload.errors.length) return false
      // every session of the account ended, this browser's too if it had one
      await clearSession(resolveClient())
      return true
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return false
    }
  }

  return { reset, loading, fieldErrors, formErrors }
}
