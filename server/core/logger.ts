import pino from 'pino'

/*
 * One structured logger (JSON lines on stdout) for the whole server. Logs leave the box (shipped
 * to a log store, read by operators), so they never hold a secret nor health or bank data:
 * - keys that carry secrets are censored wherever they appear (REDACTED_KEYS);
 * - every line is scrubbed once more for what may hide in free text (an error message, a URL):
 *   IBANs, NIRs, partner and session tokens, passwords given as `password=…`.
 */

/** Keys censored at any depth up to three levels (pino's paths need one entry per level). */
export const REDACTED_KEYS = ['password', 'currentPassword', 'newPassword', 'token', 'sessionToken', 'authorization', 'cookie', 'iban', 'nir', 'secret']

const paths = [
  ...REDACTED_KEYS.flatMap(key => [key, `*.${key}`, `*.*.${key}`]),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
]

const SCRUBBERS: [RegExp, string][] = [
  // IBAN: two letters, two check digits, then 11 to 30 alphanumerics, grouped by four or not
  [/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g, '[IBAN]'],
  // NIR: sex, year, month, département (2A/2B in Corsica), commune, order, key: 15 characters
  [/\b[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}\b/g, '[NIR]'],
  [/\bptk_[\w-]{20,}/g, '[TOKEN]'],
  // 256-bit URL-safe tokens (sessions, resets): 43 characters of base64url
  [/(?<![\w-])[\w-]{43}(?![\w-])/g, '[TOKEN]'],
  [/(password|passwd|pwd)(["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, '$1$2[REDACTED]'],
]

/** What the scrubbing pass leaves of a text: used on every log line, exported for tests. */
export function scrubLogText(text: string): string {
  return SCRUBBERS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text)
}

type Tap = (line: string) => void
const taps = new Set<Tap>()

const destination = {
  write(line: string) {
    for (const tap of taps) tap(line)
    if (!taps.size)
      process.stdout.write(line)
  },
}

function defaultLevel(): pino.LevelWithSilent {
  const level = process.env.LOG_LEVEL
  if (level && level in pino.levels.values || level === 'silent')
    return level as pino.LevelWithSilent
  // the test suite forces errors on purpose: only what is worse than expected is printed
  return process.env.VITEST ? 'fatal' : 'info'
}

export const logger = pino({
  level: defaultLevel(),
  base: { service: 'espace-adherent' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths, censor: '[REDACTED]' },
  formatters: { level: label => ({ level: label }) },
  hooks: { streamWrite: scrubLogText },
}, destination)

/**
 * Every line the logger writes from now until `stop()`, at the given level (tests). Lines are
 * what would have reached stdout, after redaction and scrubbing.
 */
export function captureLogs(level: pino.LevelWithSilent = 'debug') {
  const lines: string[] = []
  const previous = logger.level
  const tap: Tap = line => lines.push(line)
  taps.add(tap)
  logger.level = level
  return {
    lines,
    stop() {
      taps.delete(tap)
      logger.level = previous
    },
  }
}
