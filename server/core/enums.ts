import { registerEnumType } from 'type-graphql'

/**
 * Registers a GraphQL enum from the `as const` value list the database schema already uses,
 * so the two never drift. Returns the `{ VALUE: 'VALUE' }` object type-graphql needs.
 */
export function enumFrom<const T extends readonly string[]>(values: T, name: string, description: string, valueDescriptions?: Partial<Record<T[number], string>>) {
  const e = Object.fromEntries(values.map(v => [v, v])) as { [K in T[number]]: K }
  const valuesConfig = valueDescriptions
    ? Object.fromEntries(Object.entries(valueDescriptions).map(([k, d]) => [k, { description: d as string }]))
    : undefined
  registerEnumType(e, { name, description, valuesConfig: valuesConfig as never })
  return e
}
