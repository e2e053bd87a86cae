import { describe, expect, it } from 'vitest'
import type { RouteMeta } from 'vue-router'
import { accessDecision, redirectAfterSignIn } from './access'

const page = (fullPath: string, meta: Partial<RouteMeta> = {}) => ({ fullPath, meta: { title: 'Page', ...meta } })

describe('accessDecision', () => {
  it('sends a visitor to sign-in, remembering the page asked for', () => {
    expect(accessDecision(page('/remboursements?beneficiaire=b2'), null))
      .toEqual({ name: 'sign-in', query: { redirect: '/remboursements?beneficiaire=b2' } })
    expect(accessDecision(page('/'), null)).toEqual({ name: 'sign-in' })
  })

  it('lets a member in and keeps the advisor area to advisors', () => {
    expect(accessDecision(page('/remboursements'), 'MEMBER')).toBe(true)
    expect(accessDecision(page('/conseiller', { access: 'advisor' }), 'MEMBER')).toBe('/')
    expect(accessDecision(page('/conseiller', { access: 'advisor' }), 'ADVISOR')).toBe(true)
    expect(accessDecision(page('/remboursements'), 'ADVISOR')).toBe('/conseiller')
  })

  it('sends a signed-in person away from the sign-in page, and lets anyone read public pages', () => {
    expect(accessDecision(page('/connexion', { access: 'guest' }), 'MEMBER')).toBe('/')
    expect(accessDecision(page('/connexion', { access: 'guest' }), null)).toBe(true)
    expect(accessDecision(page('/accessibilite', { access: 'public' }), null)).toBe(true)
  })
})

describe('redirectAfterSignIn', () => {
  it('returns to the page asked for, or to the role\'s home', () => {
    expect(redirectAfterSignIn('/messagerie', 'MEMBER')).toBe('/messagerie')
    expect(redirectAfterSignIn(undefined, 'MEMBER')).toBe('/')
    expect(redirectAfterSignIn(undefined, 'ADVISOR')).toBe('/conseiller')
  })

  it('never leaves the site', () => {
    expect(redirectAfterSignIn('//evil.example/phish', 'MEMBER')).toBe('/')
    expect(redirectAfterSignIn('/\\evil.example', 'MEMBER')).toBe('/')
    expect(redirectAfterSignIn('https://evil.example', 'MEMBER')).toBe('/')
  })
})
