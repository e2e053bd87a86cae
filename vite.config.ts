import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { precompress } from './server/core/static-files.ts'
import { buildServiceWorker } from './web/sw/build.ts'

const api = 'http://localhost:4000'

/** The service worker, written once the build's files are known; then brotli and gzip once, so the server never compresses on a request. */
function precompressed(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    closeBundle() {
      const dir = fileURLToPath(new URL('dist/web', import.meta.url))
      const { version, files: kept, bytes: keptBytes } = buildServiceWorker(dir)
      this.info(`service worker ${version}: keeps ${kept} files, ${(keptBytes / 1024).toFixed(0)} KiB`)
      const { files, bytes, brotliBytes } = precompress(dir)
      this.info(`precompressed ${files} files: ${(bytes / 1024).toFixed(0)} KiB → ${(brotliBytes / 1024).toFixed(0)} KiB brotli`)
    },
  }
}

export default defineConfig({
  root: 'web',
  plugins: [vue(), precompressed()],
  define: {
    // every component uses <script setup>: Vue's Options API need not ship
    __VUE_OPTIONS_API__: 'false',
    // Apollo Client's development checks and messages, dropped from the production bundle
    'globalThis.__DEV__': 'false',
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // the small shared pieces every page uses travel together: one request instead of a dozen
        codeSplitting: { groups: [{ name: 'kit', test: /web\/src\/(?:components\/|utils\/|features\/procedures\/(?:procedure-title|ProcedureStatusBadge))/ }] },
      },
    },
  },
  server: {
    proxy: { '/graphql': api, '/api': api, '/graphiql': api, '/healthz': api },
  },
})
