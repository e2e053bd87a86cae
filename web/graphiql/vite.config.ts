import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// `npm run build:graphiql`: a second, React-only build, served by the API under /graphiql/
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  // monaco's language workers are split into chunks: ES module workers allow that
  worker: { format: 'es' },
  build: {
    outDir: '../../dist/graphiql',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // framer-motion's "use client" directives mean nothing outside React Server Components
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4000' },
  },
})
