import type { FieldNode, GraphQLResolveInfo, SelectionNode } from 'graphql'
import { Kind } from 'graphql'

/** Each field a selection asks for, fragments (named or inline) followed; directives are ignored, so @skip asks too. */
function eachField(selections: readonly SelectionNode[], info: GraphQLResolveInfo, visit: (name: string, selections: readonly SelectionNode[]) => void): void {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD)
      visit(selection.name.value, selection.selectionSet?.selections ?? [])
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      eachField(selection.selectionSet.selections, info, visit)
    else
      eachField(info.fragments[selection.name.value]?.selectionSet.selections ?? [], info, visit)
  }
}

/**
 * The names of the fields a query asks of a connection's items, under `nodes` and `edges { node }`:
 * a list can read fewer columns when every one of them is among those its narrow rows answer.
 */
function connectionNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>()
  const collect = (selections: readonly SelectionNode[]) => eachField(selections, info, name => names.add(name))
  for (const node of info.fieldNodes) {
    eachField(node.selectionSet?.selections ?? [], info, (name, selections) => {
      if (name === 'nodes')
        collect(selections)
      else if (name === 'edges')
        eachField(selections, info, (edgeField, nodeSelections) => edgeField === 'node' && collect(nodeSelections))
    })
  }
  return names
}

/**
 * Whether every field a query asks of a connection's items is among `answerable`: the list may then
 * read narrow rows. The answer depends on the query's document only (directives are not read), so
 * it is worked out once per document and remembered with its field node.
 */
export function asksOnly(answerable: ReadonlySet<string>): (info: GraphQLResolveInfo) => boolean {
  const known = new WeakMap<FieldNode, boolean>()
  return (info) => {
    const node = info.fieldNodes[0]!
    let answer = known.get(node)
    if (answer === undefined) {
      answer = [...connectionNodeFields(info)].every(field => answerable.has(field))
      known.set(node, answer)
    }
    return answer
  }
}
