import type { TestApp } from '../../test/harness.ts'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../db/demo/index.ts'
import { startTestApp, testClock } from '../../test/harness.ts'

const SESSIONS = '{ activeSessions { id device place signedInAt lastSeenAt current } }'
const SIGN_INS = '{ recentSignIns { at success device place } }'
const END_ONE = 'mutation($id: ID!) { signOutSession(sessionId: $id) { signedOutCount errors { field code message } } }'
const END_OTHERS = 'mutation { signOutOtherSessions { signedOutCount errors { code } } }'
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { errors { code } } }'
const ME = '{ me { firstName } }'

let app: TestApp
beforeEach(async () => { app = await startTestApp({ clock: testClock() }) })
afterEach(() => app.close())

describe('active sessions', () => {
  it('lists the devices signed in now, the current one marked, with the device and the start of the IP', async () => {
    const phone = await app.as('benoit')
    app.clock.advance(2 * 60_000)
    const desk = await app.as('benoit')
    await app.as('camille')
    const r = await desk.gql(SESSIONS)
    const sessions = r.data.activeSessions
    expect(sessions).toHaveLength(2)
    expect(sessions.map((s: { current: boolean }) => s.current)).toEqual([true, false])
    expect(sessions[0]).toMatchObject({ device: 'Appareil inconnu', place: '127.0.0.x' })
    expect(sessions[1].signedInAt < sessions[0].signedInAt).toBe(true)
    expect((await phone.gql(SESSIONS)).data.activeSessions.map((s: { current: boolean }) => s.current)).toEqual([false, true])
  })

  it('signs one other device out, and refuses another household\'s session like a missing one', async () => {
    const phone = await app.as('benoit')
    const desk = await app.as('benoit')
    const camille = await app.as('camille')
    const phoneSession = (await phone.gql(SESSIONS)).data.activeSessions.find((s: { current: boolean }) => s.current).id
    const camilleSession = (await camille.gql(SESSIONS)).data.activeSessions[0].id

    const foreign = await desk.gql(END_ONE, { id: camilleSession })
    expect(foreign.data.signOutSession).toEqual({ signedOutCount: 0, errors: [{ field: 'sessionId', code: 'NOT_FOUND', message: 'Cette session est introuvable ou déjà terminée.' }] })
    expect((await camille.gql(ME)).data.me).toEqual({ firstName: 'Camille' })

    expect((await desk.gql(END_ONE, { id: phoneSession })).data.signOutSession).toEqual({ signedOutCount: 1, errors: [] })
    expect((await phone.gql(ME)).data.me).toBeNull()
    expect((await desk.gql(ME)).data.me).toEqual({ firstName: 'Benoit' })
    expect((await desk.gql(END_ONE, { id: phoneSession })).data.signOutSession.errors[0].code).toBe('NOT_FOUND')
  })

  it('signs this browser out when its own session is ended', async () => {
    const desk = await app.as('benoit')
    const own = (await desk.gql(SESSIONS)).data.activeSessions[0].id
    const r = await desk.gql(END_ONE, { id: own })
    expect(r.data.signOutSession.signedOutCount).toBe(1)
    expect(desk.cookie).toBeNull()
  })

  it('signs every other device out at once', async () => {
    const others = [await app.as('benoit'), await app.as('benoit')]
    const desk = await app.as('benoit')
    expect((await desk.gql(END_OTHERS)).data.signOutOtherSessions).toEqual({ signedOutCount: 2, errors: [] })
    for (const other of others)
      expect((await other.gql(ME)).data.me).toBeNull()
    expect((await desk.gql(SESSIONS)).data.activeSessions).toHaveLength(1)
  })
})

describe('recent sign-ins', () => {
  it('shows the last ten attempts, failed ones included, newest first', async () => {
    const { email, password } = DEMO_ACCOUNTS.benoit
    for (let i = 0; i < 3; i++) {
      app.clock.advance(60_000)
      await app.client().gql(SIGN_IN, { e: email, p: 'pas-le-bon-mot-de-passe' })
    }
    for (let i = 0; i < 8; i++) {
      app.clock.advance(60_000)
      await app.client().gql(SIGN_IN, { e: email, p: password })
    }
    app.clock.advance(60_000)
    await app.client().gql(SIGN_IN, { e: email, p: 'encore-faux' })
    const desk = await app.as('benoit')
    const list = (await desk.gql(SIGN_INS)).data.recentSignIns
    expect(list).toHaveLength(10)
    expect(list.map((s: { success: boolean }) => s.success)).toEqual([true, false, true, true, true, true, true, true, true, true])
    expect(list[0]).toMatchObject({ device: 'Appareil inconnu', place: '127.0.0.x' })
    expect([...list].sort((a: { at: string }, b: { at: string }) => b.at.localeCompare(a.at))).toEqual(list)
    // another member sees only their own
    const camille = await app.as('camille')
    expect((await camille.gql(SIGN_INS)).data.recentSignIns).toHaveLength(1)
  })
})
