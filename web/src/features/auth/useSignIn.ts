import { useApolloClient, useMutation } from '@vue/apollo-composable'
import { ref } from 'vue'
import { SignInDocument, ViewerDocument, type Role } from '../../gql/graphql'
import { refreshSavedCard } from '../insurance-card/refresh-saved-card'

export type SignInField = 'email' | 'password'
export type SignInFieldErrors = Partial<Record<SignInField, string>>

const UNREACHABLE = 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.'

function isSignInField(field: string | null): field is SignInField {
  return field === 'email' || field === 'password'
}

/** Signs in; the payload's user errors become field errors or messages for the whole form. */
export function useSignIn() {
  const { resolveClient } = useApolloClient()
  const { mutate, loading } = useMutation(SignInDocument)
  const fieldErrors = ref<SignInFieldErrors>({})
  const formErrors = ref<string[]>([])

  async function signIn(email: string, password: string): Promise<Role | null> {
    fieldErrors.value = {}
    formErrors.value = []
    try {
      const payload = (await mutate({ email, password }))?.data?.signIn
      if (!payload) {
        formErrors.value = [UNREACHABLE]
        return null
      }
      for (const error of payload.errors) {
        if (isSignInField(error.field)) fieldErrors.value[error.field] ??= error.message
        else formErrors.value.push(error.message)
      }
      if (payload.errors.length || !payload.role) return null
      // a new person: drop what the cache may hold from before and refetch the watched queries
      // (the header's viewer among them); clearStore alone leaves watchers on the old answer
      const client = resolveClient()
      await client.resetStore()
      await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' })
      // a card kept here by someone else goes now, not at the next visit
      void refreshSavedCard(client)
      return payload.role
    }
    catch {
      formErrors.value = [UNREACHABLE]
      return null
    }
  }

  return { signIn, loading, fieldErrors, formErrors }
}
