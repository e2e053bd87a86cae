import { ApolloLink, Observable } from '@apollo/client/core'
import { describe, expect, it, vi } from 'vitest'
import { UnreadMessageCountDocument } from '../gql/graphql'
import { createApolloClient } from './client'

function answering(code: string) {
  return new ApolloLink(() => Observable.of({ data: null, errors: [{ message: 'non', extensions: { code } }] }))
}

describe('createApolloClient', () => {
  it('reports an expired session so the app can ask to sign in again', async () => {
    const onUnauthenticated = vi.fn()
    const client = createApolloClient({ transport: answering('UNAUTHENTICATED'), onUnauthenticated })
    await client.query({ query: UnreadMessageCountDocument }).catch(() => {})
    expect(onUnauthenticated).toHaveBeenCalledOnce()
  })

  it('leaves other errors to the page that asked', async () => {
    const onUnauthenticated = vi.fn()
    const client = createApolloClient({ transport: answering('FORBIDDEN'), onUnauthenticated })
    await client.query({ query: UnreadMessageCountDocument }).catch(() => {})
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })
})
