import type { TestApp } from '../../test/harness.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mutuelleIdentity } from '../../core/mutuelle.ts'
import { startTestApp } from '../../test/harness.ts'
import { IDLE_TIMEOUT_MS } from '../auth/session.service.ts'
import { RETENTION_YEARS } from '../messages/message-retention.ts'
import { ABANDONED_UPLOAD_DAYS } from '../uploads/uploads.service.ts'

const QUERY = `{ siteInformation { mutuelle { name address } retention { key duration } cookies { name strictlyNecessary } } }`

describe('siteInformation', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ demo: false })
  })
  afterAll(() => app.close())

  it('is readable signed out, for the legal pages, and says nothing of any member', async () => {
    const r = await app.client().gql(QUERY)
    expect(r.errors).toBeUndefined()
    expect(r.data.siteInformation.mutuelle.name).toBe('Mutuelle Horizon')
    expect(r.data.siteInformation.cookies).toEqual([{ name: 'sid', strictlyNecessary: true }])
  })

  it('states the retention periods the code enforces', async () => {
    const { retention } = (await app.client().gql(QUERY)).data.siteInformation
    const duration = (key: string) => retention.find((p: { key: string }) => p.key === key)?.duration
    expect(duration('SESSION_IDLE')).toBe(`${IDLE_TIMEOUT_MS / 60_000} minutes`)
    expect(duration('UNSENT_UPLOADS')).toBe(`${ABANDONED_UPLOAD_DAYS} jours`)
    expect(duration('MESSAGES')).toBe(RETENTION_YEARS === 1 ? '1 an' : `${RETENTION_YEARS} ans`)
  })

  it('takes the mutuelle\'s identity from its configuration', () => {
    expect(mutuelleIdentity({ MUTUELLE_NAME: 'Mutuelle des Tilleuls', MUTUELLE_ADDRESS: ' ' })).toMatchObject({ name: 'Mutuelle des Tilleuls', address: '1 place de la Santé, 75000 Paris' })
  })
})
