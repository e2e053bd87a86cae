import type { GraphQLResolveInfo, SelectionNode } from 'graphql'
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
export function connectionNodeFields(info: GraphQLResolveInfo): Set<string> {
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

/** Whether every field a query asks of a connection's items is among `answerable`: the list may then read narrow rows. */
export function asksOnly(info: GraphQLResolveInfo, answerable: ReadonlySet<string>): boolean {
  for (const field of connectionNodeFields(info)) {
    if (!answerable.has(field))
      return false
  }
  return true
}
