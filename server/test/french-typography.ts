import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { parse as parseSfc } from 'vue/compiler-sfc'

/**
 * French typography of what members read: a non-breaking space (U+00A0, or the narrow U+202F)
 * before « ? ! : ; » and inside « », so « ? » never starts a line on its own. Code is not text:
 * only template text, static attributes and the string literals of scripts (in templates too) are
 * read, and a literal counts as French text only when it holds a letter.
 */
export interface TypographyFault {
  file: string
  line: number
  text: string
  /** where the text is in the file's source (a template literal has several pieces), and how a space is written there */
  ranges: [number, number][]
  syntax: 'html' | 'js'
}

// a plain space before ? ! : ; » or after «
const FAULT = / [?!:;»]|« /
const LETTER = /\p{L}/u

// SQL's placeholders are code too
const SQL = /^\s*(?:SELECT|INSERT|UPDATE|DELETE|VACUUM|PRAGMA|CREATE|WHERE|AND|OR)\b|[=<>] \?/

function faultsInText(text: string): boolean {
  return LETTER.test(text) && FAULT.test(text) && !SQL.test(text)
}

function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length
}

/** String literals of TS code (a file or a template expression), with their offset in `code`. */
interface Literal { text: string, offset: number, ranges: [number, number][] }

function literalsOf(code: string, kind: ts.ScriptKind, api = false): Literal[] {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, kind)
  const found: Literal[] = []
  const range = (node: ts.Node): [number, number] => [node.getStart(file), node.end]
  const visit = (node: ts.Node): void => {
    // GraphQL descriptions in decorators are the API's English documentation, not text members read
    if (ts.isDecorator(node)) return
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // import paths and object keys are code; the server's `description`s document the API in English
      const property = ts.isPropertyAssignment(node.parent) ? node.parent.name.getText(file) : null
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent) && !ts.isLiteralTypeNode(node.parent) && !(property !== null && (node.parent as ts.PropertyAssignment).name === node) && !(api && property === 'description'))
        found.push({ text: node.text, offset: node.getStart(file), ranges: [range(node)] })
    }
    else if (ts.isTemplateExpression(node)) {
      // the pieces around ${…} read as one sentence: `${n} démarches : …`
      const text = [node.head.text, ...node.templateSpans.map(span => `x${span.literal.text}`)].join('')
      found.push({ text, offset: node.getStart(file), ranges: [range(node.head), ...node.templateSpans.map(span => range(span.literal))] })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

interface Located { loc: { start: { offset: number }, end: { offset: number } } }
interface TemplateNode extends Located {
  type: number
  content?: unknown
  children?: TemplateNode[]
  props?: TemplateNode[]
  branches?: TemplateNode[]
  name?: string
  value?: ({ content: string } & Located) | null
  exp?: ({ content?: string } & Located) | null
}

// node types of @vue/compiler-core
const TEXT = 2
const INTERPOLATION = 5
const ATTRIBUTE = 6
const DIRECTIVE = 7

type Push = (text: string, ranges: [number, number][], syntax: TypographyFault['syntax']) => void

function scriptFaults(code: string, base: number, push: Push, api = false): void {
  for (const literal of literalsOf(code, ts.ScriptKind.TS, api)) {
    if (faultsInText(literal.text)) push(literal.text, literal.ranges.map(([a, b]) => [base + a, base + b]), 'js')
  }
}

function templateFaults(children: TemplateNode[], push: Push): void {
  // an expression is parsed inside parentheses: one character before its own offsets
  const expression = (exp: TemplateNode['exp']) => {
    if (exp?.content) scriptFaults(`(${exp.content})`, exp.loc.start.offset - 1, push)
  }
  const walk = (node: TemplateNode): void => {
    // template text is always text, even « {{ a }} : {{ b }} » without a letter of its own
    if (node.type === TEXT && typeof node.content === 'string' && FAULT.test(node.content))
      push(node.content.trim(), [[node.loc.start.offset, node.loc.end.offset]], 'html')
    if (node.type === INTERPOLATION) expression(node.content as TemplateNode['exp'])
    for (const prop of node.props ?? []) {
      if (prop.type === ATTRIBUTE && prop.value && faultsInText(prop.value.content))
        push(prop.value.content, [[prop.value.loc.start.offset, prop.value.loc.end.offset]], 'html')
      if (prop.type === DIRECTIVE && prop.name !== 'for') expression(prop.exp)
    }
    node.children?.forEach(walk)
    node.branches?.forEach(walk)
  }
  children.forEach(walk)
}

/**
 * What the test reads: the SPA and the server, not tests, fixtures, generated files or the GraphQL
 * types (whose descriptions document the API in English).
 */
export const SCANNED = {
  dirs: ['web/src', 'server'],
  keep: (path: string) => /\.(?:vue|ts)$/.test(path) && !/\.test\.ts$|\.d\.ts$|\/gql\/|\/test\/|fixtures\.ts$|server\/.*\.type\.ts$/.test(path),
}

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name))
    .filter(keep)
}

/** The faults of one file's source, `.vue` or `.ts`. */
export function faultsInSource(file: string, source: string): TypographyFault[] {
  const faults: TypographyFault[] = []
  const push: Push = (text, ranges, syntax) => faults.push({ file, line: lineAt(source, ranges[0]![0]), text, ranges, syntax })
  if (!file.endsWith('.vue')) {
    scriptFaults(source, 0, push, file.startsWith('server/'))
    return faults
  }
  const { descriptor } = parseSfc(source, { filename: file })
  if (descriptor.template?.ast) templateFaults(descriptor.template.ast.children as unknown as TemplateNode[], push)
  for (const script of [descriptor.script, descriptor.scriptSetup]) {
    if (script) scriptFaults(script.content, script.loc.start.offset, push)
  }
  return faults.sort((a, b) => a.ranges[0]![0] - b.ranges[0]![0])
}

/** Every fault of the files under `dirs` that `keep` selects, with its file and line. */
export function typographyFaults(root: string, dirs: string[], keep: (path: string) => boolean): TypographyFault[] {
  return dirs.flatMap(dir => files(join(root, dir), keep)).flatMap(path => faultsInSource(relative(root, path), readFileSync(path, 'utf8')))
}

/** The source with its faults mended: `&nbsp;` in templates, `\u00a0` in scripts. */
export function mendTypography(source: string, faults: TypographyFault[]): string {
  let out = source
  const pieces = faults.flatMap(fault => fault.ranges.map(([start, end]) => ({ start, end, space: fault.syntax === 'html' ? '&nbsp;' : '\\u00a0' })))
  for (const { start, end, space } of pieces.sort((a, b) => b.start - a.start)) {
    const piece = out.slice(start, end).replace(/ ([?!:;»])/g, `${space}$1`).replace(/« /g, `«${space}`)
    out = out.slice(0, start) + piece + out.slice(end)
  }
  return out
}
