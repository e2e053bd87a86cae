import { describe, expect, it } from 'vitest'
import { routes } from '../../router/routes'
import { siteMap } from './site-map'

describe('siteMap', () => {
  it('lists every page that opens by its address, once, and none that needs a parameter', () => {
    const listed = siteMap(routes).flatMap(section => section.pages.map(p => p.path))
    const openable = routes.filter(r => typeof r.meta?.title === 'string' && !r.path.includes(':') && r.meta?.access !== 'guest').map(r => r.path)
    expect(listed.sort()).toEqual(openable.sort())
    expect(new Set(listed).size).toBe(listed.length)
    expect(listed).not.toContain('/actualites/:id')
  })

  it('groups the pages under the sections of the menu', () => {
    const sections = siteMap(routes)
    expect(sections.find(s => s.title === 'Ma mutuelle')?.pages.map(p => p.title)).toContain('Mes documents')
    expect(sections.find(s => s.title === 'Informations')?.pages.map(p => p.title)).toContain('Mentions légales')
  })
})
