import { describe, expect, it } from 'vitest'
import { describeDevice, ipPrefix } from './device.ts'

describe('describeDevice', () => {
  it('names the browser and the system in French', () => {
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox sur Windows')
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1')).toBe('Safari sur iPhone')
    expect(describeDevice('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36')).toBe('Chrome sur Android')
    expect(describeDevice('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe('Edge sur macOS')
  })

  it('says so when it recognises nothing', () => {
    expect(describeDevice(null)).toBe('Appareil inconnu')
    expect(describeDevice('curl/8.5.0')).toBe('Appareil inconnu')
  })
})

describe('ipPrefix', () => {
  it('keeps only the network part of an address', () => {
    expect(ipPrefix('203.0.113.42')).toBe('203.0.113.x')
    expect(ipPrefix('::ffff:198.51.100.7')).toBe('198.51.100.x')
    expect(ipPrefix('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3:…')
    expect(ipPrefix(null)).toBeNull()
  })
})
