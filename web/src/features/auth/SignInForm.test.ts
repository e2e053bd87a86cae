import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { SignInMutation, ViewerQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import SignInForm from './SignInForm.vue'

const rejected: SignInMutation = {
  __typename: 'Mutation',
  signIn: {
    __typename: 'SignInPayload',
    role: null,
    member: null,
    errors: [{ __typename: 'UserError', field: null, code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' }],
  },
}
const accepted: SignInMutation = {
  __typename: 'Mutation',
  signIn: { __typename: 'SignInPayload', role: 'MEMBER', member: { __typename: 'Member', id: 'm1', firstName: 'Benoit' }, errors: [] },
}
const benoit: ViewerQuery = {
  __typename: 'Query',
  viewer: { __typename: 'Viewer', role: 'MEMBER', displayName: 'Benoit Martin', member: { __typename: 'Member', id: 'm1', firstName: 'Benoit' } },
}

function mountForm(answers: Parameters<typeof createTestClient>[0]) {
  const api = createTestClient(answers)
  const wrapper = mount(SignInForm, { global: { provide: api.provide }, attachTo: document.body })
  return { ...api, wrapper }
}

function field(wrapper: ReturnType<typeof mount>, label: string) {
  const labelElement = wrapper.findAll('label').find(element => element.text() === label)
  if (!labelElement) throw new Error(`no label "${label}"`)
  return wrapper.get(`input#${CSS.escape(labelElement.attributes('for')!)}`)
}

async function fillAndSubmit(wrapper: ReturnType<typeof mount>, email: string, password: string) {
  await field(wrapper, 'Adresse e-mail').setValue(email)
  await field(wrapper, 'Mot de passe').setValue(password)
  await wrapper.get('form').trigger('submit')
}

describe('SignInForm', () => {
  it('labels its two fields and offers to sign in', () => {
    const { wrapper } = mountForm({})
    expect(field(wrapper, 'Adresse e-mail').attributes()).toMatchObject({ type: 'email', autocomplete: 'username' })
    expect(field(wrapper, 'Mot de passe').attributes()).toMatchObject({ type: 'password', autocomplete: 'current-password' })
    expect(wrapper.get('button[type="submit"]').text()).toBe('Se connecter')
    wrapper.unmount()
  })

  it('shows the server\'s French message in an alert when the credentials are wrong', async () => {
    const { wrapper, requests } = mountForm({ SignIn: { data: rejected } })
    await fillAndSubmit(wrapper, 'benoit@example.org', 'mauvais')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toBe('Adresse e-mail ou mot de passe incorrect.')
    expect(requests[0]).toEqual({ operationName: 'SignIn', variables: { email: 'benoit@example.org', password: 'mauvais' } })
    wrapper.unmount()
  })

  it('ties a field error to its field', async () => {
    const onEmail: SignInMutation = {
      ...rejected,
      signIn: { ...rejected.signIn, errors: [{ __typename: 'UserError', field: 'email', code: 'INVALID_EMAIL', message: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.' }] },
    }
    const { wrapper } = mountForm({ SignIn: { data: onEmail } })
    await fillAndSubmit(wrapper, 'benoit@example.org', 'x')
    const email = field(wrapper, 'Adresse e-mail')
    await vi.waitFor(() => expect(email.attributes('aria-invalid')).toBe('true'))
    const description = wrapper.get(`#${CSS.escape(email.attributes('aria-describedby')!)}`)
    expect(description.text()).toBe('Erreur\u00a0: Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')
    expect(document.activeElement).toBe(email.element)
    wrapper.unmount()
  })

  it('asks for the missing fields before calling the server', async () => {
    const { wrapper, requests } = mountForm({})
    await fillAndSubmit(wrapper, '', '')
    expect(wrapper.text()).toContain('Saisissez votre adresse e-mail.')
    expect(wrapper.text()).toContain('Saisissez votre mot de passe.')
    expect(requests).toHaveLength(0)
    wrapper.unmount()
  })

  it('learns who signed in, then tells the page with the role', async () => {
    const { wrapper, requests } = mountForm({ SignIn: { data: accepted }, Viewer: { data: benoit } })
    await fillAndSubmit(wrapper, ' benoit@example.org ', 'demo-benoit-2026')
    await vi.waitFor(() => expect(wrapper.emitted('signedIn')).toEqual([['MEMBER']]))
    expect(requests.map(request => request.operationName)).toEqual(['SignIn', 'Viewer'])
    expect(requests[0]?.variables.email).toBe('benoit@example.org')
    wrapper.unmount()
  })

  it('says so in French when the server cannot be reached', async () => {
    const { wrapper } = mountForm({ SignIn: new Error('Failed to fetch') })
    await fillAndSubmit(wrapper, 'benoit@example.org', 'demo')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toContain('Le service est momentanément indisponible')
    wrapper.unmount()
  })
})
