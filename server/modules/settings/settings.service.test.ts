import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_HEALTH_DIRECTORY_URL, healthDirectoryUrl } from './settings.service.ts'

describe('healthDirectoryUrl', () => {
  it('defaults to the public Annuaire santé', () => {
    expect(healthDirectoryUrl({})).toBe(DEFAULT_HEALTH_DIRECTORY_URL)
  })

  it('takes the mutuelle\'s directory from HEALTH_DIRECTORY_URL', () => {
    expect(healthDirectoryUrl({ HEALTH_DIRECTORY_URL: 'https://reseau.example.org/praticiens' })).toBe('https://reseau.example.org/praticiens')
  })

  it('refuses anything but an http(s) URL, which would end up in an href', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(healthDirectoryUrl({ HEALTH_DIRECTORY_URL: 'javascript:alert(1)' })).toBe(DEFAULT_HEALTH_DIRECTORY_URL)
    expect(healthDirectoryUrl({ HEALTH_DIRECTORY_URL: 'pas une adresse' })).toBe(DEFAULT_HEALTH_DIRECTORY_URL)
    warn.mockRestore()
  })
})
