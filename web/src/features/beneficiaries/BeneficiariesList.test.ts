import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { BeneficiariesQuery } from '../../gql/graphql'
import { createTestClient } from '../../test/apollo'
import { pieces } from '../../test/pieces'
import { createTestRouter } from '../../test/router'
import BeneficiariesList from './BeneficiariesList.vue'

const base = { __typename: 'Beneficiary' as const, lastName: 'Garnier', coverageEnd: null, socialSecurityFund: 'CPAM de la Gironde', noemieHint: null }
const household: BeneficiariesQuery = {
  __typename: 'Query',
  beneficiaries: [
    { ...base, id: 'b1', firstName: 'Benoit', birthDate: '1984-03-21', relationship: 'SELF', rank: 1, coverageStart: '2022-01-01', nirMasked: '1 ** ** ** *** 127 45', noemieStatus: 'ACTIVE' },
    { ...base, id: 'b5', firstName: 'Léa', birthDate: '2019-04-27', relationship: 'CHILD', rank: 5, coverageStart: '2023-01-01', coverageEnd: '2026-12-31', nirMasked: null, noemieStatus: 'HELD_BY_PREVIOUS_INSURER', noemieHint: 'Votre ancienne mutuelle reçoit encore les décomptes de Léa : demandez-lui de clôturer la liaison, ou envoyez-nous l\'attestation de droits de la CPAM.' },
  ],
}

async function mountList() {
  const { provide } = createTestClient({ Beneficiaries: { data: household } })
  const router = await createTestRouter('/ma-mutuelle/beneficiaires')
  const wrapper = mount(BeneficiariesList, { global: { provide, plugins: [router] } })
  await vi.waitFor(() => expect(wrapper.findAll('article')).toHaveLength(2))
  return wrapper
}

describe('BeneficiariesList', () => {
  it('shows each person with relationship, rank 01–19, birth date, coverage and masked NIR', async () => {
    const [benoit, lea] = (await mountList()).findAll('article')
    expect(benoit!.get('h2').text()).toBe('Benoit Garnier')
    expect(pieces(benoit!)).toContain('Adhérent principal · Rang 01')
    expect(pieces(benoit!)).toContain('Date de naissance 21/03/1984')
    expect(pieces(benoit!)).toContain('Couverture depuis le 01/01/2022')
    expect(pieces(benoit!)).toContain('N° de sécurité sociale 1 ** ** ** *** 127 45')
    expect(pieces(lea!)).toContain('Enfant · Rang 05')
    expect(pieces(lea!)).toContain('Couverture du 01/01/2023 au 31/12/2026')
    expect(pieces(lea!)).toContain('N° de sécurité sociale Rattaché(e) au numéro d\'un parent')
  })

  it('gives the télétransmission status in words, and what to do only when it is not active', async () => {
    const [benoit, lea] = (await mountList()).findAll('article')
    expect(pieces(benoit!)).toContain('Télétransmission (NOEMIE) Active')
    expect(benoit!.find('[role="status"]').exists()).toBe(false)
    expect(pieces(lea!)).toContain('Télétransmission (NOEMIE) Détenue par votre ancienne mutuelle')
    expect(pieces(lea!.get('[role="status"]'))).toContain('Votre ancienne mutuelle reçoit encore les décomptes de Léa : demandez-lui de clôturer la liaison')
    expect(lea!.get('[role="status"] a').attributes('href')).toBe('/remboursements/demande')
  })
})
