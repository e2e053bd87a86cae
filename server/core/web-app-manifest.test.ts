import { describe, expect, it } from 'vitest'
import { startTestApp } from '../test/harness.ts'

describe('the web app manifest', () => {
  it('names the mutuelle that runs the portal, and is served as a manifest', async () => {
    process.env.MUTUELLE_NAME = 'Mutuelle des Tilleuls'
    const app = await startTestApp()
    try {
      const res = await fetch(`${app.url}/manifest.webmanifest`)
      expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/)
      const manifest = await res.json() as { name: string, shortcuts: { url: string }[] }
      expect(manifest.name).toBe('Espace adhérent — Mutuelle des Tilleuls')
      expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toContain('/ma-mutuelle/carte')
    }
    finally {
      delete process.env.MUTUELLE_NAME
      await app.close()
    }
  })
})
