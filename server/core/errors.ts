import { GraphQLError } from 'graphql'
import { Field, ObjectType, registerEnumType } from 'type-graphql'

/** The closed set of top-level error codes; business failures are UserErrors in payloads instead. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INTERNAL'

export function apiError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } })
}

export const unauthenticated = () => apiError('UNAUTHENTICATED', 'Vous devez être connecté.')
export const forbidden = () => apiError('FORBIDDEN', 'Accès refusé.')
/** Missing and not-yours read the same, so ids of other households leak nothing. */
export const notFound = () => apiError('NOT_FOUND', 'Élément introuvable.')

/**
 * Every code a UserError may carry, with what it means: one registry, published as the GraphQL
 * enum UserErrorCode so clients can switch on it. A section adds its codes here.
 */
export const USER_ERROR_CODES = {
  REQUIRED: 'The field is empty or missing.',
  TOO_LONG: 'The text is longer than the field allows.',
  TOO_LARGE: 'The amount or size is above what the portal accepts.',
  TOO_MANY: 'More items than allowed (e.g. attachments).',
  NEGATIVE: 'An amount below zero.',
  NOT_POSITIVE: 'An amount of zero or below where a positive one is needed.',
  NOT_FOUND: 'The item referred to does not exist for this member (missing and not-yours read the same).',
  INVALID_EMAIL: 'Not an e-mail address.',
  INVALID_CREDENTIALS: 'Wrong e-mail or password (the same answer for both).',
  TEMPORARILY_LOCKED: 'Too many recent attempts (sign-in, password change, reset request) for this e-mail, account or address: wait, then try again. Sign-in answers known and unknown e-mails alike.',
  WRONG_PASSWORD: 'The current password given to confirm a sensitive change is wrong.',
  PASSWORD_TOO_SHORT: 'A new password shorter than 12 characters.',
  PASSWORD_WEAK: 'A new password too easy to guess (common, breached or predictable pattern).',
  PASSWORD_PERSONAL: 'A new password made mostly of the member\'s own names, e-mail or dates.',
  PASSWORD_UNCHANGED: 'The new password is the current one.',
  LINK_INVALID: 'A link (password reset, e-mail confirmation) that the portal never sent or that was mistyped.',
  LINK_EXPIRED: 'A link followed after its time limit (30 minutes for a password reset, 24 hours for an e-mail).',
  LINK_USED: 'A single-use link already followed, or replaced by a newer one.',
  INVALID_PHONE: 'Not a valid French or international phone number.',
  INVALID_POSTAL_CODE: 'Not a postal code: 5 digits of a French department in France.',
  INVALID_CITY: 'Not the name of a commune (letters, spaces, hyphens, apostrophes).',
  INVALID_COUNTRY: 'Not the name of a country.',
  EMAIL_TAKEN: 'The e-mail address is already that of another account.',
  NOTHING_TO_CHANGE: 'The form changes nothing compared with what is recorded.',
  FUTURE_DATE: 'A date in the future where a past one is needed.',
  TOO_OLD: 'A date beyond the time limit (e.g. care of more than two years ago).',
  NOT_COVERED: 'The beneficiary was not covered on that date, or the care is not covered.',
  NOT_ABROAD: 'An abroad request for care received in France.',
  NOT_EUR: 'A currency other than the euro for care in France.',
  UNSUPPORTED: 'A value the portal does not handle online (e.g. a currency).',
  EXCEEDS_AMOUNT: 'A figure above the amount paid.',
  EXCEEDS_BASE: 'A figure above its Social Security base.',
  NO_DECOMPTE_FOR_CARE: 'Social Security figures given for a care it does not reimburse (médecines douces).',
  ROUNDS_TO_ZERO: 'An amount in a foreign currency worth less than one euro cent once converted.',
  ALREADY_ATTACHED: 'A document already attached to another request or message.',
  ALREADY_DECIDED: 'The démarche has been decided already.',
  ALREADY_WAITING: 'The démarche is already waiting for the member.',
  NOT_WAITING_FOR_DOCUMENTS: 'Documents can be added only to a démarche waiting for them.',
  UNSUPPORTED_KIND: 'This kind of démarche cannot be decided this way.',
  INCOMPLETE_REQUEST: 'The request lacks what the decision needs.',
  NO_BANK_ACCOUNT: 'No bank account to pay into.',
  INVALID_IBAN_FORMAT: 'Not shaped like an IBAN: characters other than letters and digits, a letter where the country\'s format has a digit, or an unknown country code.',
  INVALID_IBAN_LENGTH: 'An IBAN of the wrong length for its country.',
  INVALID_IBAN_CHECKSUM: 'An IBAN whose check digits (or national key) do not match: a typing error.',
  IBAN_COUNTRY_NOT_SEPA: 'An IBAN of a country outside the SEPA area: it can neither be debited nor paid by SEPA.',
  INVALID_BIC: 'Not a BIC (8 or 11 characters).',
  INVALID_CHARACTERS: 'Control, invisible or other characters the field does not accept.',
  MANDATE_NOT_ACCEPTED: 'Contributions move to a new account but the SEPA mandate was not accepted.',
  CHANGE_EXPIRED: 'The pending change was not confirmed in time (15 minutes).',
  CHANGE_ALREADY_USED: 'The change was already confirmed, cancelled or expired.',
  DAILY_LIMIT: 'Too many changes of this kind in 24 hours.',
  RECENT_SECURITY_CHANGE: 'Refused for a while after a password or e-mail change (account takeover protection).',
  WRONG_CATEGORY: 'A message objet that belongs to another category than the one chosen.',
  INVALID_NIR: 'Not a Social Security number (NIR): wrong format or key.',
  RANK_TAKEN: 'The beneficiary rank is already used in the household or by a pending request.',
  RANK_OUT_OF_RANGE: 'A beneficiary rank outside 02–19.',
  ALREADY_COVERED: 'The person is already covered by the household\'s contract (same names and birth date).',
  ALREADY_REQUESTED: 'The same request is already waiting for a decision.',
  TOO_EARLY: 'A date before the earliest one allowed (e.g. coverage starting before birth or more than 6 months ago).',
  TOO_LATE: 'A date after the latest one allowed (e.g. coverage starting more than 3 months ahead).',
  NOT_REMOVABLE: 'The member themself cannot be removed from their own contract, nor someone no longer covered.',
  UNKNOWN_CODE: 'A quote line code outside the prise en charge nomenclature, or of another care domain than the one asked.',
  INVALID_FINESS: 'Not a FINESS number (9 characters: the department, then 7 digits).',
  INVALID_RPPS: 'Not an RPPS number (11 digits whose last is a Luhn check digit).',
  INVALID_ADELI: 'Not an ADELI number (9 digits).',
  PAST_DATE: 'A date in the past where a coming one is needed (the planned day of a care, the start of a change of option).',
  TOO_FAR_AHEAD: 'A date too far in the future (a prise en charge is asked at most six months before the care).',
  JOURNEY_CLOSED: 'The démarche commerciale was already finalised or abandoned: it can no longer change.',
  UNKNOWN_OPTION: 'An option that the contract\'s product does not offer.',
  SAME_OPTION: 'The option chosen is the one in force on the start date.',
  INVALID_START_DATE: 'A start date that is not the 1st of one of the coming months the portal offers.',
} as const

export type UserErrorCode = keyof typeof USER_ERROR_CODES

export const UserErrorCodeEnum = Object.fromEntries(Object.keys(USER_ERROR_CODES).map(k => [k, k])) as { [K in UserErrorCode]: K }

registerEnumType(UserErrorCodeEnum, {
  name: 'UserErrorCode',
  description: 'Stable machine code of a UserError; the message says the same in French for the member.',
  valuesConfig: Object.fromEntries(Object.entries(USER_ERROR_CODES).map(([k, description]) => [k, { description }])),
})

@ObjectType({ description: 'A validation failure the user can fix, shown next to the field it concerns.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'Input field concerned (dotted path, e.g. "address.postalCode"), or null for the whole form.' })
  field!: string | null

  @Field(() => UserErrorCodeEnum, { description: 'Stable machine code (see the UserErrorCode enum for each meaning).' })
  code!: UserErrorCode

  @Field(() => String, { description: 'Message in French, ready to show to the member.' })
  message!: string
}

export function userError(field: string | null, code: UserErrorCode, message: string): UserError {
  return Object.assign(new UserError(), { field, code, message })
}
