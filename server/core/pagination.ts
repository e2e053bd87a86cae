import type { ClassType } from 'type-graphql'
import type { SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { and, eq, gt, gte, lt, lte, or, sql } from 'drizzle-orm'
import { ArgsType, Field, Int, ObjectType } from 'type-graphql'
import { apiError } from './errors.ts'
import { lazy } from './lazy.ts'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

/** `first` and `after` of every connection; a list's own arguments class extends it. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null
}

@ObjectType({ simpleResolvers: true, description: 'Where a page ends, to ask for the next one.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean

  @Field(() => String, { nullable: true, description: 'Cursor of the last item, to pass as `after`.' })
  endCursor!: string | null
}

export interface Edge<T> { cursor: string, node: T }
export interface Page<T> { edges: Edge<T>[], nodes: T[], pageInfo: PageInfo, totalCount: number }

/** A cursor connection type for a GraphQL object class: `class XConnection extends Connection(X) {}`. */
export function Connection<T extends object>(Item: ClassType<T>) {
  const name = Item.name
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item.' })
    cursor!: string

    @Field(() => Item, { description: `The ${name}.` })
    node!: T
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: 'Items of the page with their cursors.' })
    edges!: Edge<T>[]

    @Field(() => [Item], { description: 'Items of the page.' })
    nodes!: T[]

    @Field(() => PageInfo, { description: 'Where the page ends.' })
    pageInfo!: PageInfo

    @Field(() => Int, { description: 'Number of items matching the filters, all pages together.' })
    totalCount!: number
  }
  return ConnectionType
}

export function clampFirst(first: number | null | undefined): number {
  if (first == null)
    return DEFAULT_PAGE_SIZE
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw apiError('BAD_USER_INPUT', `«\u00a0first\u00a0» doit être compris entre 0 et ${MAX_PAGE_SIZE}.`)
  return first
}

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url')
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(value) && value.length === 2 && value.every(v => typeof v === 'string'))
      return value as [string, string]
  }
  catch {}
  throw apiError('BAD_USER_INPUT', 'Curseur de pagination invalide.')
}

export interface KeysetOptions<Row> {
  first?: number | null
  after?: string | null
  /** Column sorted on, then the id column breaks ties; both must be text. */
  sortColumn: SQLiteColumn
  idColumn: SQLiteColumn
  direction: 'asc' | 'desc'
  where: SQL | undefined
  /** Runs the page query with the extra keyset condition, ordered, limited. */
  fetch: (where: SQL | undefined, limit: number) => Row[]
  /** Items matching `where`, all pages together. */
  count: () => number
  key: (row: Row) => [string, string]
}

/** Keyset pagination (sort key + id): stable under inserts and O(page) at any depth, unlike OFFSET. */
export function keysetPage<Row>(o: KeysetOptions<Row>): Page<Row> {
  const first = clampFirst(o.first)
  let where = o.where
  if (o.after) {
    const [sortKey, id] = decodeCursor(o.after)
    const beyond = o.direction === 'desc' ? lt : gt
    const upTo = o.direction === 'desc' ? lte : gte
    // the plain range bound is redundant with the OR, but it is what lets SQLite seek in the
    // index instead of reading every row before the cursor
    where = and(where, upTo(o.sortColumn, sortKey), or(beyond(o.sortColumn, sortKey), and(eq(o.sortColumn, sortKey), beyond(o.idColumn, id))))
  }
  return toPage(o.fetch(where, first + 1), first, o.key, o.count)
}

function toPage<Row>(rows: Row[], first: number, key: (row: Row) => [string, string], count: () => number): Page<Row> {
  const pageRows = rows.slice(0, first)
  const last = pageRows.at(-1)
  // a cursor per row only when the query asks for edges (the SPA reads nodes and endCursor), and
  // counted only when it asks for totalCount (the home page's lists do not)
  const edges = lazy(() => pageRows.map(node => ({ node, cursor: encodeCursor(...key(node)) })))
  const total = lazy(count)
  return {
    get edges() { return edges() },
    nodes: pageRows,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last === undefined ? null : encodeCursor(...key(last)) },
    get totalCount() { return total() },
  }
}

/** The values of the cursor placeholders (see `afterPlaceholders`). */
export interface AfterValues { afterKey: string, afterId: string }

/**
 * keysetPage's condition for prepared statements: the same SQL on the placeholders `afterKey`
 * and `afterId`, so one statement serves every cursor.
 */
export function afterPlaceholders(sortColumn: SQLiteColumn, idColumn: SQLiteColumn, direction: 'asc' | 'desc'): SQL {
  const beyond = direction === 'desc' ? lt : gt
  const upTo = direction === 'desc' ? lte : gte
  const key = sql.placeholder('afterKey')
  return and(upTo(sortColumn, key), or(beyond(sortColumn, key), and(eq(sortColumn, key), beyond(idColumn, sql.placeholder('afterId')))))!
}

export interface PreparedKeysetOptions<Row> {
  first?: number | null
  after?: string | null
  /** Runs the prepared page statement: with `afterPlaceholders` when `after` is given, limited. */
  fetch: (after: AfterValues | null, limit: number) => Row[]
  count: () => number
  key: (row: Row) => [string, string]
}

/** keysetPage for a list served by prepared statements (hot paths). */
export function preparedKeysetPage<Row>(o: PreparedKeysetOptions<Row>): Page<Row> {
  const first = clampFirst(o.first)
  const cursor = o.after ? decodeCursor(o.after) : null
  return toPage(o.fetch(cursor && { afterKey: cursor[0], afterId: cursor[1] }, first + 1), first, o.key, o.count)
}
