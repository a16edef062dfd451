// promptflow connection YAML (`type: azure_open_ai`): `api_base` and `api_version`. A connection names no
// deployment (the flow does), so the step's `deployment` input applies.
import { openStructured, readEndpointPath } from './file-context.js'
import { entryOf, parseYaml } from './tree.js'
import type { FileReading } from './types.js'

const EXPECTED = 'a promptflow connection: type: azure_open_ai, api_base: https://<name>.openai.azure.com/, api_version'

export function readPromptflow(text: string, file: string): FileReading {
  const opened = openStructured(parseYaml(text), file, 'promptflow', EXPECTED)
  if ('reading' in opened) return opened.reading
  const { context, root } = opened
  const name = entryOf(root, 'name')?.value
  const target = context.target(root, name?.kind === 'scalar' ? name.text : undefined)
  context.setField(target, 'endpoint', entryOf(root, 'api_base'))
  context.setField(target, 'apiVersion', entryOf(root, 'api_version'))
  readEndpointPath(target)
  if (!entryOf(root, 'api_base')) {
    context.noTargets(`api_base is not set; expected ${EXPECTED}`)
    return context.reading([])
  }
  return context.reading([target])
}
