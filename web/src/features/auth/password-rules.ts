// The server checks strength (common and breached passwords, the member's own names); the page
// only says at once what needs no server: the length.
export const MIN_PASSWORD_LENGTH = 12

export const NEW_PASSWORD_HINT = `${MIN_PASSWORD_LENGTH} caractères au moins. Une phrase de plusieurs mots sans rapport entre eux est facile à retenir et difficile à deviner\u00a0; évitez votre nom, votre prénom et votre adresse e-mail.`

/** The message for a new password that cannot pass, or null to let the server judge it. */
export function checkNewPasswordLocally(password: string): string | null {
  if (!password) return 'Choisissez un nouveau mot de passe.'
  if (password.length < MIN_PASSWORD_LENGTH) return `Votre mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`
  return null
}
