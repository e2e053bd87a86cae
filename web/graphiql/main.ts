// GraphiQL served by the API at /graphiql, built from local packages only: no CDN, works offline.
import 'graphiql/setup-workers/vite'
import 'graphiql/style.css'
import { createGraphiQLFetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import { createElement, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

// the session cookie rides along (same origin); partners add `Authorization: Bearer ptk_…` in Headers
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
})

const defaultQuery = `# Espace adhérent API: sign in on the portal first, or send a partner token in Headers.
query WhoAmI {
  viewer {
    role
    displayName
  }
}
`

const container = document.getElementById('graphiql')
if (!container) throw new Error('#graphiql is missing from index.html')

createRoot(container).render(
  createElement(StrictMode, null, createElement(GraphiQL, { fetcher, defaultQuery })),
)
