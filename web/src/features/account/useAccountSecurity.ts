import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable'
import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import { AccountSecurityDocument, ChangePasswordDocument, SignOutOtherSessionsDocument, SignOutSessionDocument } from '../../gql/graphql'
import { clearSession } from '../auth/session'
import { splitUserErrors, UNREACHABLE } from './form-errors'

export function useAccountSecurity() {
  const { result, loading, error, refetch } = useQuery(AccountSecurityDocument, null, { fetchPolicy: 'cache-and-network' })
  return {
    passwordChangedAt: computed(() => result.value?.viewer?.passwordChangedAt ?? null),
    sessions: computed(() => result.value?.activeSessions ?? []),
    signIns: computed(() => result.value?.recentSignIns ?? []),
    loading: computed(() => loading.value && !result.value),
    failed: computed(() => !!error.value && !result.value),
    refetch: () => refetch(),
  }
}

export const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const
export type PasswordField = typeof PASSWORD_FIELDS[number]

export function useChangePassword() {
  // the other sessions are gone and the password's date moved: read the page's data again
  const { mutate, loading } = useMutation(ChangePasswordDocument, { refetchQueries: [AccountSecurityDocument] })
  const fieldErrors = ref<Partial<Record<PasswordField, string>>>({})
  const formErrors = ref<string[]>([])

  async function change(currentPassword: string, newPassword: string): Promise<number | null> {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ currentPassword, newPassword }))?.data?.changePassword
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      const { byField, form } = splitUserErrors(payload.errors, PASSWORD_FIELDS)
      fieldErrors.value = byField
      formErrors.value = form
      return payload.errors.length ? null : payload.signedOutCount
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
  }

  return { change, saving: loading, fieldErrors, formErrors }
}

/** « Se déconnecter de cet appareil » and « … des autres appareils ». Ending this browser's own session signs it out. */
export function useSessionSignOut() {
  const { resolveClient } = useApolloClient()
  const router = useRouter()
  const one = useMutation(SignOutSessionDocument, { refetchQueries: [AccountSecurityDocument] })
  const others = useMutation(SignOutOtherSessionsDocument, { refetchQueries: [AccountSecurityDocument] })
  const message = ref<string | null>(null)
  const failure = ref<string | null>(null)

  async function signOutSession(id: string, current: boolean, device: string): Promise<void> {
    message.value = null
    failure.value = null
    try {
      const payload = (await one.mutate({ sessionId: id }))?.data?.signOutSession
      if (!payload || payload.errors.length) {
        failure.value = payload?.errors[0]?.message ?? UNREACHABLE
        return
      }
      if (current) {
        await clearSession(resolveClient())
        await router.push({ name: 'sign-in', query: { motif: 'deconnexion' } })
        return
      }
      message.value = `L'appareil «\u00a0${device}\u00a0» a été déconnecté.`
    }
    catch {
      failure.value = UNREACHABLE
    }
  }

  async function signOutOthers(): Promise<void> {
    message.value = null
    failure.value = null
    try {
      const payload = (await others.mutate())?.data?.signOutOtherSessions
      if (!payload) {
        failure.value = UNREACHABLE
        return
      }
      const n = payload.signedOutCount
      message.value = n === 0 ? 'Aucun autre appareil n\'était connecté.' : n === 1 ? '1 autre appareil a été déconnecté.' : `${n} autres appareils ont été déconnectés.`
    }
    catch {
      failure.value = UNREACHABLE
    }
  }

  return { signOutSession, signOutOthers, busy: computed(() => one.loading.value || others.loading.value), message, failure }
}
