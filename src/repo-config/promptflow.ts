// promptflow connection YAML (`type: azure_open_ai`): `api_base` and `api_version`. A connection names no
// deployment (the flow does), so the step's `deployment` input applies.
import { FileContext, readEndpointPath, unreadable } from './file-context.js'
import { entryOf, parseYaml } from './tree.js'
import type { FileReading } from './types.js'

const EXPECTED = 'a promptflow connection: type: azure_open_ai, api_base: https://<name>.openai.azure.com/, api_version'

export function readPromptflow(text: string, file: string): FileReading {
  const tree = parseYaml(text)
  const context = new FileContext(file, 'promptflow', tree.index)
  if (tree.errors.length > 0) return unreadable(context, tree, EXPECTED)
  if (!tree.root) return context.reading([])
  context.scanForKeys(tree.root)
  const name = entryOf(tree.root, 'name')?.value
  const target = context.target(tree.root, name?.kind === 'scalar' ? name.text : undefined)
  context.setField(target, 'endpoint', entryOf(tree.root, 'api_base'))
  context.setField(target, 'apiVersion', entryOf(tree.root, 'api_version'))
  readEndpointPath(target)
  if (!entryOf(tree.root, 'api_base')) {
    context.noTargets(`api_base is not set; expected ${EXPECTED}`)
    return context.reading([])
  }
  return context.reading([target])
}
