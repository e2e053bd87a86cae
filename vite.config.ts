import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const api = 'http://localhost:4000'

export default defineConfig({
  root: 'web',
  plugins: [vue()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/graphql': api, '/api': api, '/graphiql': api, '/healthz': api },
  },
})
