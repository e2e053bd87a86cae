import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { AccountContactDetailsQuery, UpdateContactDetailsMutation } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { spokenText } from '../../test/text'
import AccountContactForm from './AccountContactForm.vue'

const member: NonNullable<AccountContactDetailsQuery['me']> = {
  __typename: 'Member',
  id: 'm1',
  email: 'benoit@example.org',
  phone: '+33645721839',
  phoneFormatted: '06 45 72 18 39',
  address: { __typename: 'Address', line1: '12 rue des Tanneurs', line2: null, postalCode: '33000', city: 'Bordeaux', country: 'France' },
  pendingEmailChange: null,
}

const refused: UpdateContactDetailsMutation = {
  __typename: 'Mutation',
  updateContactDetails: {
    __typename: 'UpdateContactDetailsPayload',
    member: null,
    errors: [
      { __typename: 'UserError', field: 'address.postalCode', code: 'INVALID_POSTAL_CODE', message: 'Saisissez un code postal français de 5 chiffres, par exemple 75015.' },
      { __typename: 'UserError', field: 'currentPassword', code: 'WRONG_PASSWORD', message: 'Mot de passe actuel incorrect.' },
    ],
  },
}

function field(wrapper: ReturnType<typeof mount>, label: string) {
  const labelElement = wrapper.findAll('label').find(element => element.text() === label)
  if (!labelElement) throw new Error(`no label "${label}"`)
  return wrapper.get(`input#${CSS.escape(labelElement.attributes('for')!)}`)
}

describe('AccountContactForm', () => {
  it('starts from the recorded details and asks for the password before sending anything', async () => {
    const api = createTestClient({})
    const wrapper = mount(AccountContactForm, { props: { member }, global: { provide: api.provide }, attachTo: document.body })
    expect((field(wrapper, 'Téléphone (facultatif)').element as HTMLInputElement).value).toBe('06 45 72 18 39')
    expect(document.activeElement).toBe(field(wrapper, 'Adresse e-mail').element)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('Saisissez votre mot de passe actuel pour confirmer.')
    expect(document.activeElement).toBe(field(wrapper, 'Mot de passe actuel').element)
    expect(api.requests).toEqual([])
    wrapper.unmount()
  })

  it('shows the server\'s errors next to their fields, sums them up at the top with focus, and clears the password', async () => {
    const api = createTestClient({ UpdateContactDetails: { data: refused } })
    const wrapper = mount(AccountContactForm, { props: { member }, global: { provide: api.provide }, attachTo: document.body })
    await field(wrapper, 'Code postal').setValue('3300')
    await field(wrapper, 'Mot de passe actuel').setValue('pas-le-bon')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.requests[0]?.variables.input).toMatchObject({ currentPassword: 'pas-le-bon', phone: '06 45 72 18 39', address: { postalCode: '3300', city: 'Bordeaux', country: 'France' } })
    const postal = field(wrapper, 'Code postal')
    expect(postal.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${CSS.escape(postal.attributes('aria-describedby')!)}`).text()).toContain('code postal français de 5 chiffres')
    expect(wrapper.text()).toContain('Mot de passe actuel incorrect.')
    // two fields refused: the summary at the top takes focus and links to each of them
    const summary = wrapper.get('.error-summary')
    expect(document.activeElement).toBe(summary.element)
    expect(summary.get('h2').text()).toBe('Votre saisie contient 2 erreurs')
    const links = summary.findAll('a')
    expect(links.map(a => [a.attributes('href'), spokenText(a)])).toEqual([
      [`#${postal.attributes('id')}`, expect.stringMatching(/^Code postal : .*code postal français de 5 chiffres/)],
      [`#${field(wrapper, 'Mot de passe actuel').attributes('id')}`, 'Mot de passe actuel : Mot de passe actuel incorrect.'],
    ])
    await links[0]!.trigger('click')
    expect(document.activeElement).toBe(postal.element)
    expect((field(wrapper, 'Mot de passe actuel').element as HTMLInputElement).value).toBe('')
    expect(wrapper.emitted('saved')).toBeUndefined()
    wrapper.unmount()
  })
})
