// Free text typed by members and advisors (messages, names, notes) is stored as it will be shown:
// control characters and bidirectional overrides (which can disguise a file name or a sender,
// e.g. U+202E) are removed, and Unicode is normalised so equal-looking texts compare equal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g

/** Several lines kept (messages, notes): line breaks normalised to \n, tabs kept, trimmed. */
export function normaliseMultilineText(raw: string): string {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim()
}

/** One line (names, labels, subjects): every run of white space becomes one space, trimmed. */
export function normaliseLineText(raw: string): string {
  return raw.normalize('NFC').replace(CONTROL, '').replace(/\s+/g, ' ').trim()
}

/** A label as a URL word: "Rejet de prélèvement" → "rejet-de-prelevement" (accents and punctuation dropped). */
export function slugify(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036F]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
}
