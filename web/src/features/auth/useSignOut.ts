import { useApolloClient, useMutation } from '@vue/apollo-composable'
import { useRouter } from 'vue-router'
import { SignOutDocument } from '../../gql/graphql'
import { clearSession } from './session'

export function useSignOut() {
  const { resolveClient } = useApolloClient()
  const router = useRouter()
  const { mutate, loading } = useMutation(SignOutDocument)

  async function signOut(): Promise<void> {
    try {
      await mutate()
    }
    catch {
      // the server could not be reached: this tab forgets the session all the same
    }
    await clearSession(resolveClient())
    await router.push({ name: 'sign-in', query: { motif: 'deconnexion' } })
  }

  return { signOut, loading }
}
