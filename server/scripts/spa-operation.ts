import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Kind, parse, print, visit } from 'graphql'
import { projectRoot } from '../core/paths.ts'

const featuresDir = join(projectRoot, 'web/src/features')
let documents: Map<string, DocumentNode> | undefined

/** Every .graphql file of the SPA, parsed once: fragments are shared across files, as codegen shares them. */
function spaDocuments(): Map<string, DocumentNode> {
  documents ??= new Map(readdirSync(featuresDir, { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.graphql'))
    .map(file => [file, parse(readFileSync(join(featuresDir, file), 'utf8'))]))
  return documents
}

/** The SPA's own words: an operation of web/src/features/<file> with the fragments it spreads. */
export function spaOperation(file: string, name: string): string {
  const all = spaDocuments()
  const fragments = new Map([...all.values()].flatMap(doc => doc.definitions)
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map(d => [d.name.value, d]))
  const op = all.get(file)?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name)
  if (!op)
    throw new Error(`no operation ${name} in ${file}`)
  const needed = new Set<string>()
  const collect = (node: unknown) => visit(node as DocumentNode, {
    FragmentSpread(spread) {
      if (!needed.has(spread.name.value)) {
        needed.add(spread.name.value)
        collect(fragments.get(spread.name.value))
      }
    },
  })
  collect(op)
  return [op, ...[...needed].map(n => fragments.get(n)!)].map(d => print(d)).join('\n\n')
}
