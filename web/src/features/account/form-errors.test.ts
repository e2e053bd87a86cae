import { describe, expect, it } from 'vitest'
import { splitUserErrors } from './form-errors'

describe('splitUserErrors', () => {
  it('puts each error next to its field, keeps the first per field, and the rest for the whole form', () => {
    const { byField, form } = splitUserErrors([
      { field: 'phone', message: 'Numéro invalide.' },
      { field: 'phone', message: 'Second message.' },
      { field: 'address.postalCode', message: 'Code postal invalide.' },
      { field: null, message: 'Rien à modifier.' },
      { field: 'unknown', message: 'Autre.' },
    ], ['phone', 'address.postalCode'] as const)
    expect(byField).toEqual({ 'phone': 'Numéro invalide.', 'address.postalCode': 'Code postal invalide.' })
    expect(form).toEqual(['Rien à modifier.', 'Autre.'])
  })
})
