import { createMemoryHistory, createRouter } from 'vue-router'

/** A router that accepts any path, so RouterLinks render their real href. */
export async function createTestRouter(path = '/') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:pathMatch(.*)*', component: { render: () => null } }],
  })
  await router.push(path)
  await router.isReady()
  return router
}
