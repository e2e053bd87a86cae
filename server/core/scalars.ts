import { GraphQLScalarType, Kind } from 'graphql'

const DATE = /^\d{4}-\d{2}-\d{2}$/

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value))
    throw new TypeError('Date attendue au format AAAA-MM-JJ.')
  const d = new Date(`${value}T00:00:00Z`)
  // rejects 2026-02-30, which Date would silently roll over
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw new TypeError('Date invalide.')
  return value
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (French calendar day, no time zone).',
  serialize: value => parseDate(value),
  parseValue: value => parseDate(value),
  parseLiteral: ast => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
})

function parseDateTime(value: unknown): string {
  const d = typeof value === 'string' ? new Date(value) : value instanceof Date ? value : undefined
  if (!d || Number.isNaN(d.getTime()))
    throw new TypeError('Horodatage ISO 8601 attendu.')
  return d.toISOString()
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 in UTC (e.g. 2026-08-25T09:30:00.000Z).',
  serialize: value => parseDateTime(value),
  parseValue: value => parseDateTime(value),
  parseLiteral: ast => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
})
