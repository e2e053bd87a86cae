import argon2 from 'argon2'

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1): about 25 ms a hash on one core here. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

/**
 * Hashes at the same time, at most: each holds its 19 MiB while it runs, and libuv's four threads
 * would otherwise run four (76 MiB) during a wave of sign-ins. Two keep both cores busy, so the
 * number of sign-ins a second does not change; the others wait their turn.
 */
const MAX_CONCURRENT_HASHES = 2
let running = 0
const waiting: (() => void)[] = []

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES)
    await new Promise<void>(resolve => waiting.push(resolve))
  else
    running++
  try {
    return await work()
  }
  finally {
    // the slot passes straight to the next in line, or frees up
    const next = waiting.shift()
    if (next)
      next()
    else
      running--
  }
}

export function hashPassword(password: string): Promise<string> {
  return bounded(() => argon2.hash(password, OPTIONS))
}

// verified against when the e-mail is unknown, so both paths take the same time
let dummyHash: Promise<string> | undefined

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password')
    const dummy = await dummyHash
    await bounded(() => argon2.verify(dummy, password))
    return false
  }
  try {
    return await bounded(() => argon2.verify(hash, password))
  }
  catch {
    return false
  }
}
