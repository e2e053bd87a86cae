import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { UploadedFile } from './upload-file'
import UploadDropZone from './UploadDropZone.vue'

vi.mock('./upload-file', async (original) => {
  const actual = await original<typeof import('./upload-file')>()
  return {
    ...actual,
    uploadFile: vi.fn(async (file: File, onProgress: (f: number) => void) => {
      onProgress(0.5)
      if (file.name.startsWith('refus')) throw new actual.UploadError('Seuls les documents PDF, JPEG et PNG sont acceptés.', 415)
      return { id: `id-${file.name}`, name: file.name, sizeBytes: file.size, mimeType: 'application/pdf' }
    }),
  }
})

function mountZone(files: UploadedFile[] = [], max = 5) {
  const wrapper = mount(UploadDropZone, {
    props: { 'modelValue': files, max, 'onUpdate:modelValue': (value: UploadedFile[]) => wrapper.setProps({ modelValue: value }) },
    attachTo: document.body,
  })
  return wrapper
}

async function pick(wrapper: ReturnType<typeof mountZone>, files: File[]) {
  const input = wrapper.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
}

const pdf = (name: string, size = 100) => new File([new Uint8Array(size)], name, { type: 'application/pdf' })

describe('UploadDropZone', () => {
  it('labels its file picker and says what it accepts', () => {
    const wrapper = mountZone()
    const input = wrapper.get('input[type="file"]')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Choisir des fichiers')
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toBe('PDF, JPEG ou PNG, 10 Mo au plus par fichier, 5 fichiers au plus.')
    wrapper.unmount()
  })

  it('uploads each chosen file and adds it to the model, two at once included', async () => {
    const wrapper = mountZone()
    await pick(wrapper, [pdf('facture.pdf'), pdf('decompte.pdf')])
    await vi.waitFor(() => expect(wrapper.emitted('update:modelValue')).toHaveLength(2))
    expect(wrapper.props('modelValue').map((f: UploadedFile) => f.id)).toEqual(['id-facture.pdf', 'id-decompte.pdf'])
    expect(wrapper.get('[role="status"]').text()).toBe('decompte.pdf\u00a0: envoyé.')
    wrapper.unmount()
  })

  it('refuses other types, oversized files and a sixth file before sending, and shows the server\'s refusals', async () => {
    // three already there; while two uploads are in flight a sixth cannot join
    const wrapper = mountZone([1, 2, 3].map(n => ({ id: `f${n}`, name: `f${n}.pdf`, sizeBytes: 1, mimeType: 'application/pdf' })))
    await pick(wrapper, [pdf('page.html'), pdf('gros.pdf', 10 * 1024 * 1024 + 1), pdf('refus.pdf'), pdf('quatrieme.pdf'), pdf('sixieme.pdf')])
    await vi.waitFor(() => expect(wrapper.findAll('[role="alert"]')).toHaveLength(4))
    const alerts = wrapper.findAll('[role="alert"]').map(a => a.text())
    expect(alerts).toEqual([
      '«\u00a0page.html\u00a0» n\'est pas accepté\u00a0: envoyez un PDF, un JPEG ou un PNG.',
      '«\u00a0gros.pdf\u00a0» dépasse la taille maximale de 10 Mo.',
      'Seuls les documents PDF, JPEG et PNG sont acceptés.',
      '«\u00a0sixieme.pdf\u00a0» n\'a pas été ajouté\u00a0: 5 documents au plus.',
    ])
    expect(wrapper.props('modelValue').map((f: UploadedFile) => f.name)).toEqual(['f1.pdf', 'f2.pdf', 'f3.pdf', 'quatrieme.pdf'])
    wrapper.unmount()
  })

  it('removes a document and says so', async () => {
    const wrapper = mountZone([{ id: 'f1', name: 'facture.pdf', sizeBytes: 2048, mimeType: 'application/pdf' }])
    // the name is part of the button's accessible name (a regression: Vue dropped the space before it)
    const remove = wrapper.findAll('button').find(b => b.text() === 'Retirer facture.pdf')!
    await remove.trigger('click')
    expect(wrapper.emitted('update:modelValue')!.at(-1)).toEqual([[]])
    expect(wrapper.get('[role="status"]').text()).toBe('facture.pdf\u00a0: retiré.')
    wrapper.unmount()
  })
})
