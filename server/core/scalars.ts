import { GraphQLScalarType, Kind } from 'graphql'
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars'

// graphql-scalars does the strict parsing (RFC 3339, no 2026-02-30 rolled over); the names, French
// messages and plain-string values are ours, so services keep reading YYYY-MM-DD and ISO strings

function parseDate(value: unknown): string {
  try {
    return GraphQLLocalDate.parseValue(value) as string
  }
  catch {
    throw new TypeError('Date invalide\u00a0: format attendu AAAA-MM-JJ (par exemple 2026-03-31).')
  }
}

// what the database holds is already in the answer's form: a lists' every date went through the
// full parser before (2 % of a page's CPU); anything else still does
const CANONICAL_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/
const CANONICAL_INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (French calendar day, no time zone).',
  serialize: value => typeof value === 'string' && CANONICAL_DATE.test(value) && value.slice(8) <= '28' ? value : parseDate(value),
  parseValue: value => parseDate(value),
  parseLiteral: ast => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
})

function parseDateTime(value: unknown): string {
  try {
    return (GraphQLDateTime.parseValue(value instanceof Date ? value.toISOString() : value) as Date).toISOString()
  }
  catch {
    throw new TypeError('Horodatage invalide\u00a0: format ISO 8601 attendu (par exemple 2026-03-31T09:30:00Z).')
  }
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, RFC 3339 / ISO 8601 with a time zone, answered in UTC (e.g. 2026-08-25T09:30:00.000Z).',
  serialize: value => typeof value === 'string' && CANONICAL_INSTANT.test(value) && value.slice(8, 10) <= '28' ? value : parseDateTime(value),
  parseValue: value => parseDateTime(value),
  parseLiteral: ast => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
})
