import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '../../router/routes'
import { availableService } from './online-service'

describe('availableService', () => {
  const router = createRouter({ history: createMemoryHistory(), routes })

  it('offers a service whose page the portal has', () => {
    const service = { label: 'Ajout de bénéficiaires', path: '/ma-mutuelle/beneficiaires/ajout' }
    expect(availableService(router, service)).toEqual(service)
  })

  it('leaves out an unknown path and no service at all', () => {
    expect(availableService(router, { label: 'Ailleurs', path: '/nulle-part' })).toBeNull()
    expect(availableService(router, null)).toBeNull()
  })
})
