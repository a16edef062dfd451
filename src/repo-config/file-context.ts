// What every format reader does the same way: targets that remember their block, fields that remember their
// value's position, references to variables left to the step's inputs, and committed keys found anywhere.
import { scalarsOf, type ParsedTree, type TreeEntry, type TreeNode } from './tree.js'
import type { ConfigFinding, ConfigFormat, FileReading, FileTarget, SourcePosition, TargetField } from './types.js'
import {
  apiKeyMessage,
  escapeControls,
  isCommittedApiKey,
  isReference,
  locatedValue,
  readSdkEndpoint,
  type LineIndex
} from './values.js'

export class FileContext {
  readonly findings: ConfigFinding[] = []
  readonly secrets: string[] = []

  readonly file: string
  readonly format: ConfigFormat
  private readonly index: LineIndex

  constructor(file: string, format: ConfigFormat, index: LineIndex) {
    this.file = file
    this.format = format
    this.index = index
  }

  position(offset: number): SourcePosition {
    return this.index.positionAt(offset)
  }

  /** A target whose block is `node` (a list item, a section). */
  target(node: Pick<TreeNode, 'offset' | 'end'>, name?: string): FileTarget {
    const start = this.position(node.offset)
    return {
      file: this.file,
      format: this.format,
      ...start,
      block: { start: start.line, end: this.position(Math.max(node.offset, node.end - 1)).line },
      name: name === undefined ? undefined : escapeControls(name),
      fields: {},
      notes: [],
      problems: []
    }
  }

  /**
   * Sets `field` from `entry` when it holds a value. `key` is how messages name it (`AzureOpenAI:Endpoint`).
   * A reference to a variable (`os.environ/AZURE_API_BASE`) leaves the field to the step's input, and says so.
   */
  setField(target: FileTarget, field: TargetField, entry: TreeEntry | undefined, key = entry?.key ?? ''): void {
    if (!entry) return
    const node = entry.value
    const placeholder = templatePlaceholder(node)
    if (placeholder) {
      target.notes.push(
        `${escapeControls(key)} is the placeholder ${placeholder}, not a value: the step's input is used`
      )
      return
    }
    if (node.kind !== 'scalar') {
      target.problems.push({
        ...this.position(node.offset),
        message: `${escapeControls(key)} must be a single value, not ${node.kind === 'list' ? 'a list' : 'a section'}`
      })
      return
    }
    if (node.text === undefined || node.text.trim() === '') return
    if (isReference(node.text)) {
      target.notes.push(
        `${escapeControls(key)} refers to ${escapeControls(node.text.trim())}, which is set outside the file: ` +
          "the step's input is used"
      )
      return
    }
    target.fields[field] = locatedValue(node.text, key, this.position(node.offset))
  }

  invalid(offset: number, message: string): void {
    this.findings.push({ kind: 'invalid', file: this.file, ...this.position(offset), message })
  }

  /** Registers a committed key as a secret and reports where it is, never what it is. */
  apiKey(name: string, value: string, position: SourcePosition): void {
    if (!isCommittedApiKey(name, value)) return
    this.secrets.push(value.trim())
    this.findings.push({ kind: 'api-key', file: this.file, ...position, message: apiKeyMessage(name, value) })
  }

  /** Looks for committed keys in every value of the tree. */
  scanForKeys(root: TreeNode): void {
    for (const scalar of scalarsOf(root)) this.apiKey(scalar.name, scalar.text, this.position(scalar.offset))
  }

  noTargets(expected: string): void {
    this.findings.push({
      kind: 'no-targets',
      file: this.file,
      line: 1,
      column: 1,
      message: `names no target: ${expected}`
    })
  }

  reading(targets: FileTarget[]): FileReading {
    return { format: this.format, targets, findings: this.findings, secrets: this.secrets }
  }
}

/**
 * An endpoint written as an SDK takes it (`…/openai/v1/`, `…/openai/deployments/<d>/`) becomes the base URL, with
 * the API version or deployment its path implies (a deployment the file names itself wins), said in a note.
 */
export function readEndpointPath(target: FileTarget): void {
  const endpoint = target.fields.endpoint
  if (!endpoint || endpoint.problem) return
  const implied = readSdkEndpoint(endpoint.value, endpoint.key)
  endpoint.value = implied.endpoint
  if (implied.note) target.notes.push(implied.note)
  if (implied.apiVersion) target.fields.apiVersion = { ...endpoint, value: implied.apiVersion }
  if (implied.deployment && !target.fields.deployment) {
    target.fields.deployment = locatedValue(implied.deployment, endpoint.key, endpoint)
  }
}

/** `{tenant_id}` in a YAML template reads as a mapping of one key without a value: a placeholder. */
function templatePlaceholder(node: TreeNode): string | undefined {
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined
  const [only] = node.entries
  return only.value.kind === 'scalar' && only.value.text === undefined ? `{${escapeControls(only.key)}}` : undefined
}

/**
 * A YAML or JSON file opened for its reader: the root and a context in which every value was already searched for
 * committed keys; or, when the file does not parse or is empty, what it reads as (a finding naming `expected`).
 */
export function openStructured(
  tree: ParsedTree,
  file: string,
  format: ConfigFormat,
  expected: string
): { context: FileContext; root: TreeNode } | { reading: FileReading } {
  const context = new FileContext(file, format, tree.index)
  if (tree.errors.length > 0) return { reading: unreadable(context, tree, expected) }
  if (!tree.root) {
    context.noTargets(`the file is empty; expected ${expected}`)
    return { reading: context.reading([]) }
  }
  context.scanForKeys(tree.root)
  return { context, root: tree.root }
}

/** A file that did not parse: one `invalid` finding per syntax error, naming what the format expects. */
export function unreadable(context: FileContext, tree: ParsedTree, expected: string): FileReading {
  for (const error of tree.errors) context.invalid(error.offset, `${error.message}; expected ${expected}`)
  return context.reading([])
}
