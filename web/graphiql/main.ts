// GraphiQL served by the API at /graphiql, built from local packages only: no CDN, works offline.
import 'graphiql/setup-workers/vite'
import 'graphiql/style.css'
import type { ExampleValues } from './examples'
import { createGraphiQLFetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import { createElement, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { exampleTabs } from './examples'

// the session cookie rides along (same origin); partner tabs send `Authorization: Bearer ptk_…`
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
})

async function exampleValues(): Promise<ExampleValues> {
  try {
    const res = await fetch('/graphiql/examples.json', { credentials: 'same-origin' })
    return res.ok ? await res.json() as ExampleValues : { partnerToken: null }
  }
  catch {
    return { partnerToken: null }
  }
}

const container = document.getElementById('graphiql')
if (!container) throw new Error('#graphiql is missing from index.html')

void exampleValues().then((values) => {
  createRoot(container).render(
    createElement(StrictMode, null, createElement(GraphiQL, { fetcher, defaultTabs: exampleTabs(values), defaultEditorToolsVisibility: true })),
  )
})
