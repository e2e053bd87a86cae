import argon2 from 'argon2'

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1): about 25 ms a hash on one core here. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS)
}

// verified against when the e-mail is unknown, so both paths take the same time
let dummyHash: Promise<string> | undefined

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password')
    await argon2.verify(await dummyHash, password)
    return false
  }
  try {
    return await argon2.verify(hash, password)
  }
  catch {
    return false
  }
}
