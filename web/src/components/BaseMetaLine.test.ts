import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { spokenText, visibleText } from '../test/text'
import BaseMetaLine from './BaseMetaLine.vue'

describe('BaseMetaLine', () => {
  it('shows details apart with a dot and reads them as a list with commas', () => {
    const line = mount(BaseMetaLine, { props: { parts: ['Envoyée le 02/12/2026', 'référence DEM-2026-115353', 'réponse au plus tard le 02/01/2027'] } })
    expect(visibleText(line)).toBe('Envoyée le 02/12/2026 · référence DEM-2026-115353 · réponse au plus tard le 02/01/2027')
    expect(spokenText(line)).toBe('Envoyée le 02/12/2026, référence DEM-2026-115353, réponse au plus tard le 02/01/2027')
  })

  it('leaves a missing detail out, with neither its dot nor a lone comma', () => {
    const line = mount(BaseMetaLine, { props: { parts: [null, 'Enfant', '', 'Rang 05', false] } })
    expect(visibleText(line)).toBe('Enfant · Rang 05')
    expect(spokenText(line)).toBe('Enfant, Rang 05')
    expect(spokenText(mount(BaseMetaLine, { props: { parts: ['N° HRF-2024-0098214', undefined] } }))).toBe('N° HRF-2024-0098214')
  })
})
