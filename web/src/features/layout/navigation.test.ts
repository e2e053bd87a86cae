import { describe, expect, it } from 'vitest'
import { menuContains, memberNavigation, type NavMenu } from './navigation'

const menu = (id: string) => memberNavigation.find((e): e is NavMenu => e.kind === 'menu' && e.id === id)!

describe('menuContains', () => {
  it('marks Mon compte, not Ma mutuelle, on the bank details page both menus list', () => {
    expect(menu('ma-mutuelle').items.some(i => i.kind === 'link' && i.to === '/mon-compte/informations-bancaires')).toBe(true)
    expect(menuContains(menu('mon-compte'), '/mon-compte/informations-bancaires/modifier')).toBe(true)
    expect(menuContains(menu('ma-mutuelle'), '/mon-compte/informations-bancaires')).toBe(false)
    expect(menuContains(menu('ma-mutuelle'), '/ma-mutuelle/cotisations')).toBe(true)
  })
})
