import { registerEnumType } from 'type-graphql'

/**
 * Registers a GraphQL enum from the `as const` value list the database schema already uses,
 * so the two never drift. Every value is described (GraphiQL is the developers' documentation):
 * a value added to the list without its description does not compile. Returns the
 * `{ VALUE: 'VALUE' }` object type-graphql needs.
 */
export function enumFrom<const T extends readonly string[]>(values: T, name: string, description: string, valueDescriptions: Record<T[number], string>) {
  const e = Object.fromEntries(values.map(v => [v, v])) as { [K in T[number]]: K }
  const valuesConfig = Object.fromEntries(Object.entries(valueDescriptions).map(([k, d]) => [k, { description: d as string }]))
  registerEnumType(e, { name, description, valuesConfig: valuesConfig as never })
  return e
}
