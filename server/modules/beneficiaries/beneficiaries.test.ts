import type { ApiClient, TestApp } from '../../test/harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../test/harness.ts'
import { noemieHint } from './beneficiary.service.ts'

const BENEFICIARIES = `{ beneficiaries { id firstName lastName birthDate relationship rank coverageStart coverageEnd socialSecurityFund nirMasked noemieStatus noemieHint } }`

describe('Mes bénéficiaires', () => {
  let app: TestApp
  let benoit: ApiClient
  beforeAll(async () => {
    app = await startTestApp()
    benoit = await app.as('benoit')
  })
  afterAll(() => app.close())

  it('lists the household by rank with relationship, birth date and coverage dates', async () => {
    const { data, errors } = await benoit.gql(BENEFICIARIES)
    expect(errors).toBeUndefined()
    expect(data.beneficiaries.map((b: any) => [b.firstName, b.relationship, b.rank, b.birthDate, b.coverageStart, b.coverageEnd])).toEqual([
      ['Benoit', 'SELF', 1, '1984-03-21', '2022-01-01', null],
      ['Sarah', 'SPOUSE', 2, '1986-06-09', '2022-01-01', null],
      ['Louise', 'CHILD', 3, '2006-09-15', '2022-01-01', null],
      ['Hélia', 'CHILD', 4, '2010-11-02', '2022-01-01', null],
      ['Léa', 'CHILD', 5, '2019-04-27', '2023-01-01', null],
    ])
    expect(data.beneficiaries.every((b: any) => b.socialSecurityFund === 'CPAM de la Gironde')).toBe(true)
  })

  it('shows the NIR masked, never whole, and nothing for children attached to a parent\'s number', async () => {
    const { data } = await benoit.gql(BENEFICIARIES)
    const benoitNir = data.beneficiaries[0].nirMasked
    expect(benoitNir).toMatch(/^1 \*\* \*\* \*\* \*\*\* \d{3} \d{2}$/)
    expect(data.beneficiaries[1].nirMasked).toMatch(/^2 \*\*/)
    expect(data.beneficiaries.find((b: any) => b.firstName === 'Léa').nirMasked).toBeNull()
    expect(JSON.stringify(data)).not.toMatch(/\d{13}/)
  })

  it('explains in plain French why Léa\'s décomptes do not arrive, and says nothing when télétransmission works', async () => {
    const { data } = await benoit.gql(BENEFICIARIES)
    const lea = data.beneficiaries.find((b: any) => b.firstName === 'Léa')
    expect(lea.noemieStatus).toBe('HELD_BY_PREVIOUS_INSURER')
    expect(lea.noemieHint).toMatch(/^Votre ancienne mutuelle reçoit encore les décomptes de Léa\s: demandez-lui de clôturer la liaison, ou envoyez-nous l'attestation de droits de la CPAM\./)
    for (const b of data.beneficiaries.filter((x: any) => x.firstName !== 'Léa'))
      expect([b.noemieStatus, b.noemieHint]).toEqual(['ACTIVE', null])
  })

  it('words the hint for every link state, and for the member himself', () => {
    const base = { firstName: 'Louise', relationship: 'CHILD' as const, socialSecurityFund: 'CPAM de la Gironde' }
    expect(noemieHint({ ...base, noemieStatus: 'PENDING' })).toMatch(/^La télétransmission est en cours d'activation auprès de CPAM de la Gironde\s: d'ici quelques jours, les décomptes de Louise/)
    expect(noemieHint({ ...base, noemieStatus: 'INACTIVE' })).toMatch(/^La télétransmission n'est pas active\s: les décomptes de Louise ne nous parviennent pas/)
    expect(noemieHint({ ...base, relationship: 'SELF', noemieStatus: 'HELD_BY_PREVIOUS_INSURER' })).toMatch(/^Votre ancienne mutuelle reçoit encore vos décomptes/)
  })

  it('shows each household only its own people, and nobody to anonymous callers', async () => {
    const camille = await app.as('camille')
    const { data } = await camille.gql(BENEFICIARIES)
    expect(data.beneficiaries.map((b: any) => b.firstName)).toEqual(['Camille', 'Noé'])
    const anonymous = await app.client().gql(BENEFICIARIES)
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(anonymous.data?.beneficiaries ?? null).toBeNull()
  })
})
