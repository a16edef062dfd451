// YAML and JSON (with comments, as .NET reads appsettings.json) parsed into one small tree that remembers where
// every key and value starts, so the format readers do not care which syntax a file used.
import { parseTree as parseJsonTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser'
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml'
import { LineIndex } from './values.js'

/** `offset` is where the node starts, `end` where it ends (exclusive). */
export type TreeNode = { offset: number; end: number } & (
  | { kind: 'map'; entries: TreeEntry[] }
  | { kind: 'list'; items: TreeNode[] }
  /** `text` is the value as written (a plain `4.10` stays `4.10`); undefined for null or an empty value. */
  | { kind: 'scalar'; text: string | undefined }
  /** Anything else (an alias, a nesting too deep to follow): never a setting. */
  | { kind: 'other' }
)

export interface TreeEntry {
  key: string
  keyOffset: number
  value: TreeNode
}

export interface ParsedTree {
  root?: TreeNode
  /** The first syntax errors, worded without the file's text (which may hold a secret). */
  errors: { offset: number; message: string }[]
  index: LineIndex
}

// Deeper than any config file: a hostile file nested further is not followed (and cannot exhaust the stack).
const MAX_DEPTH = 64
const MAX_ERRORS = 3

const YAML_ERRORS: Record<string, string> = {
  BAD_INDENT: 'the indentation does not line up with the enclosing block',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML indents with spaces',
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  MULTILINE_IMPLICIT_KEY: 'a key runs over more than one line (a missing ":" or quote?)',
  BLOCK_AS_IMPLICIT_KEY: 'a mapping starts where a value was expected (a missing line break or space after ":"?)',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  UNEXPECTED_TOKEN: 'unexpected text where a key or value was expected',
  BAD_SCALAR_START: 'a value starts with a character that needs quotes',
  MULTIPLE_DOCS: 'the file holds several YAML documents; one is expected'
}

export function parseYaml(text: string): ParsedTree {
  const index = new LineIndex(text)
  try {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
    if (document.errors.length > 0) {
      return {
        index,
        errors: document.errors.slice(0, MAX_ERRORS).map((error) => ({
          offset: error.pos[0],
          message: `not valid YAML: ${YAML_ERRORS[error.code] ?? `a syntax error (${error.code})`}`
        }))
      }
    }
    return { index, errors: [], root: document.contents ? fromYaml(document.contents, 0) : undefined }
  } catch {
    return { index, errors: [{ offset: 0, message: 'not valid YAML: nested too deeply to read' }] }
  }
}

function fromYaml(node: YamlNode, depth: number): TreeNode {
  const [offset, , end] = node.range ?? [0, 0, 0]
  if (depth > MAX_DEPTH || isAlias(node)) return { kind: 'other', offset, end }
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return { kind: 'scalar', text: undefined, offset, end }
    const written = node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : scalarText(node.value)
    return written === undefined ? { kind: 'other', offset, end } : { kind: 'scalar', text: written, offset, end }
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => childOf(item as YamlNode | null, depth, end))
    return { kind: 'list', items, offset, end }
  }
  if (isMap(node)) {
    const entries: TreeEntry[] = []
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue
      const key = scalarText(pair.key.value)
      if (key === undefined) continue
      const keyOffset = pair.key.range?.[0] ?? offset
      const keyEnd = pair.key.range?.[2] ?? keyOffset
      entries.push({ key, keyOffset, value: childOf(pair.value as YamlNode | null, depth, keyEnd) })
    }
    return { kind: 'map', entries, offset, end }
  }
  return { kind: 'other', offset, end }
}

/** A scalar's value as text: strings, numbers and booleans (a YAML timestamp or binary is not a setting). */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return undefined
}

function childOf(node: YamlNode | null, depth: number, at: number): TreeNode {
  return node ? fromYaml(node, depth + 1) : { kind: 'scalar', text: undefined, offset: at, end: at }
}

export function parseJson(text: string): ParsedTree {
  const index = new LineIndex(text)
  const problems: ParseError[] = []
  try {
    const root = parseJsonTree(text, problems, { allowTrailingComma: true, disallowComments: false })
    if (problems.length > 0 || !root) {
      const errors = problems.slice(0, MAX_ERRORS).map((problem) => ({
        offset: problem.offset,
        message: `not valid JSON: ${jsonProblem(printParseErrorCode(problem.error))}`
      }))
      return { index, errors: errors.length ? errors : [{ offset: 0, message: 'not valid JSON: the file is empty' }] }
    }
    return { index, errors: [], root: fromJson(root, text, 0) }
  } catch {
    return { index, errors: [{ offset: 0, message: 'not valid JSON: nested too deeply to read' }] }
  }
}

function jsonProblem(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return `${words} (JSON with comments is read as .NET reads appsettings.json)`
}

function fromJson(node: JsonNode, text: string, depth: number): TreeNode {
  const { offset } = node
  const end = offset + node.length
  if (depth > MAX_DEPTH) return { kind: 'other', offset, end }
  switch (node.type) {
    case 'object': {
      const entries: TreeEntry[] = []
      for (const property of node.children ?? []) {
        // A property is its key and its value; a file that parsed has both.
        if (property.children?.length !== 2) continue
        const [key, value] = property.children
        if (typeof key.value !== 'string') continue
        entries.push({ key: key.value, keyOffset: key.offset, value: fromJson(value, text, depth + 1) })
      }
      return { kind: 'map', entries, offset, end }
    }
    case 'array':
      return {
        kind: 'list',
        items: (node.children ?? []).map((child) => fromJson(child, text, depth + 1)),
        offset,
        end
      }
    case 'null':
      return { kind: 'scalar', text: undefined, offset, end }
    case 'number':
      return { kind: 'scalar', text: text.slice(offset, end), offset, end }
    case 'string':
    case 'boolean':
      return { kind: 'scalar', text: String(node.value), offset, end }
    default:
      return { kind: 'other', offset, end }
  }
}

/** The last entry named `key` (YAML refuses duplicates; .NET configuration takes the last one). */
export function entryOf(map: TreeNode | undefined, key: string, caseInsensitive = false): TreeEntry | undefined {
  if (map?.kind !== 'map') return undefined
  const wanted = caseInsensitive ? key.toLowerCase() : key
  return map.entries.findLast((entry) => (caseInsensitive ? entry.key.toLowerCase() : entry.key) === wanted)
}

/** Every scalar under `node` with the names leading to it: where committed keys are looked for. */
export function* scalarsOf(node: TreeNode, name = ''): Generator<{ name: string; text: string; offset: number }> {
  if (node.kind === 'scalar' && node.text !== undefined) yield { name, text: node.text, offset: node.offset }
  if (node.kind === 'list') for (const item of node.items) yield* scalarsOf(item, name)
  if (node.kind === 'map') for (const entry of node.entries) yield* scalarsOf(entry.value, entry.key)
}
