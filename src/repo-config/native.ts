// The action's own format: a `targets:` list whose items are the `targets` input's (aoai-auth-check.yml, .yaml,
// .json, or any YAML/JSON file with a top-level `targets:` list).
import { openStructured, type FileContext } from './file-context.js'
import { entryOf, parseJson, parseYaml, type TreeNode } from './tree.js'
import type { FileReading, FileTarget, TargetField } from './types.js'
import { escapeControls } from './values.js'

/** The keys a target item takes, and the field each sets. */
export const TARGET_KEYS: Readonly<Record<string, TargetField>> = {
  endpoint: 'endpoint',
  deployment: 'deployment',
  'api-version': 'apiVersion',
  probe: 'probe',
  'client-id': 'clientId',
  'tenant-id': 'tenantId'
}

// Inputs that decide where credentials go or how the run is judged: the workflow's alone, never a file's.
const WORKFLOW_ONLY = new Set([
  'allowed-hosts',
  'authority-host',
  'audience',
  'scope',
  'environment',
  'auth',
  'api-key',
  'timeout-seconds',
  'fail-on',
  'github-token',
  'config-file',
  'only-changed',
  'comment-on-pr',
  'sarif-file',
  'targets'
])

const ITEM_SHAPE = `a list of targets, each a mapping of ${Object.keys(TARGET_KEYS).join(', ')} (endpoint required)`

export function readNative(text: string, file: string): FileReading {
  const tree = /\.json$/i.test(file) ? parseJson(text) : parseYaml(text)
  const opened = openStructured(tree, file, 'native', `a top-level "targets:" list (${ITEM_SHAPE})`)
  if ('reading' in opened) return opened.reading
  const { context, root } = opened
  const list = entryOf(root, 'targets')
  if (!list) {
    context.invalid(root.offset, `has no top-level "targets:"; expected ${ITEM_SHAPE}`)
    return context.reading([])
  }
  return context.reading(readTargetList(context, list.value))
}

/** The items of a `targets` list (a file's, or the `targets` input's). */
export function readTargetList(context: FileContext, list: TreeNode): FileTarget[] {
  if (list.kind === 'scalar' && list.text === undefined) return []
  if (list.kind !== 'list') {
    context.invalid(list.offset, `"targets" must be ${ITEM_SHAPE}`)
    return []
  }
  return list.items.map((item) => readItem(context, item))
}

function readItem(context: FileContext, item: TreeNode): FileTarget {
  const target = context.target(item)
  if (item.kind !== 'map') {
    target.problems.push({
      ...context.position(item.offset),
      message: `each target must be a mapping of ${Object.keys(TARGET_KEYS).join(', ')}, e.g. "- endpoint: https://<name>.openai.azure.com/"`
    })
    return target
  }
  for (const entry of item.entries) {
    const field = Object.hasOwn(TARGET_KEYS, entry.key) ? TARGET_KEYS[entry.key] : undefined
    if (field) {
      context.setField(target, field, entry)
      continue
    }
    const key = escapeControls(entry.key)
    target.problems.push({
      ...context.position(entry.keyOffset),
      message: WORKFLOW_ONLY.has(entry.key)
        ? `${key} can be set only by the workflow (the step's inputs), never by a file a pull request can change`
        : `${key} is not a target setting; a target takes ${Object.keys(TARGET_KEYS).join(', ')}`
    })
  }
  if (!entryOf(item, 'endpoint')) {
    target.problems.push({ ...context.position(item.offset), message: 'endpoint is required in every target' })
  }
  return target
}
