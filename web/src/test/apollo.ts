import { ApolloLink, Observable, type FetchResult } from '@apollo/client/core'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { createApolloClient } from '../apollo/client'

// @vue/apollo-composable 4 calls ObservableQuery.getLastResult, deprecated in Apollo Client 3.14:
// its warning says nothing about the code under test
;(globalThis as Record<symbol, unknown>)[Symbol.for('apollo.deprecations')] = true

type Answer = FetchResult | Error
type Handler = (variables: Record<string, unknown>) => Answer

/**
 * The app's Apollo client whose server is a table of answers by operation name; every request is recorded so
 * a test can tell what was asked. An operation with no answer fails loudly.
 */
export function createTestClient(answers: Record<string, Answer | Handler>) {
  const requests: { operationName: string, variables: Record<string, unknown> }[] = []
  const link = new ApolloLink(operation => new Observable(observer => {
    requests.push({ operationName: operation.operationName, variables: operation.variables })
    const entry = answers[operation.operationName]
    const answer = typeof entry === 'function' ? entry(operation.variables) : entry
    if (!answer) observer.error(new Error(`no answer for ${operation.operationName}`))
    else if (answer instanceof Error) observer.error(answer)
    else {
      observer.next(answer)
      observer.complete()
    }
  }))
  // the app's own client (cache policies, defaults) with a fake server behind it
  const client = createApolloClient({ transport: link })
  return { client, requests, provide: { [DefaultApolloClient]: client } }
}
