import type { UserError } from '../../core/errors.ts'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as fr from '@zxcvbn-ts/language-fr'
import { userError } from '../../core/errors.ts'

/** Long passphrases beat composition rules (ASVS 6.2.1): 12 characters at least, no rule on their kind. */
export const MIN_PASSWORD_LENGTH = 12
/** Room for any passphrase or password manager; the cap only bounds the estimator's work. */
export const MAX_PASSWORD_LENGTH = 128
/** zxcvbn's score 3: "safely unguessable", a fair defence against an offline attack on a slow hash. */
const MIN_SCORE = 3
/** Share of the password made of the member's own names, e-mail or numbers above which it is refused (half: « demo-camille-2026 » passes, « BenoitGarnier2026 » does not). */
const MAX_PERSONAL_SHARE = 0.5

// built on first use: the dictionaries (common passwords, French words and names) take ~80 ms to load
let estimator: ZxcvbnFactory | undefined
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
    useLevenshteinDistance: true,
  })
  return estimator
}

/** What the member is known by: the estimator treats these as the first words an attacker tries. */
export interface PersonalWords {
  firstName?: string | null
  lastName?: string | null
  email?: string | null
  birthDate?: string | null
  memberNumber?: string | null
}

function personalInputs(words: PersonalWords): string[] {
  const inputs = new Set<string>()
  const add = (value: string | null | undefined) => {
    const v = value?.trim().toLowerCase()
    if (v && v.length >= 3)
      inputs.add(v)
  }
  add(words.firstName)
  add(words.lastName)
  for (const part of [words.firstName, words.lastName].flatMap(n => n?.split(/[\s'-]+/) ?? []))
    add(part)
  if (words.email) {
    add(words.email)
    const local = words.email.split('@')[0]
    add(local)
    for (const part of local?.split(/[._+-]+/) ?? [])
      add(part)
  }
  if (words.birthDate) {
    const [y, m, d] = words.birthDate.split('-')
    add(y)
    add(`${d}${m}${y}`)
    add(`${d}${m}`)
  }
  add(words.memberNumber)
  return [...inputs]
}

/**
 * Checks a new password: length, then strength as a cracker would guess it (common and breached
 * passwords, French words and names, keyboard walks, dates, l33t), and the member's own names,
 * e-mail and numbers counted as the first dictionary tried. French errors on `field`.
 */
export function checkNewPassword(password: string, words: PersonalWords, field = 'newPassword'): UserError[] {
  if (!password)
    return [userError(field, 'REQUIRED', 'Choisissez un nouveau mot de passe.')]
  if (password.length < MIN_PASSWORD_LENGTH)
    return [userError(field, 'PASSWORD_TOO_SHORT', `Votre mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`)]
  if (password.length > MAX_PASSWORD_LENGTH)
    return [userError(field, 'TOO_LONG', `Votre mot de passe ne peut pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`)]
  const result = zxcvbn().check(password, personalInputs(words))
  const personal = result.sequence
    .filter(m => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs')
    .reduce((sum, m) => sum + m.token.length, 0)
  if (personal / password.length > MAX_PERSONAL_SHARE)
    return [userError(field, 'PASSWORD_PERSONAL', 'Votre mot de passe ne doit pas reprendre votre nom, votre prénom, votre adresse e-mail ou votre date de naissance.')]
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ?? result.feedback.suggestions[0]
    const advice = 'Allongez-le, par exemple avec plusieurs mots sans rapport entre eux.'
    return [userError(field, 'PASSWORD_WEAK', `Ce mot de passe est trop facile à deviner. ${hint ? `${hint} ` : ''}${advice}`)]
  }
  return []
}
