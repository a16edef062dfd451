// LiteLLM proxy config.yaml: every `model_list[]` entry whose `litellm_params.model` is `azure/<deployment>`
// (or `azure/responses/<deployment>`) is a target, with its `api_base`, `api_version`, `client_id`, `tenant_id`.
import { openStructured, readEndpointPath, type FileContext } from './file-context.js'
import { entryOf, parseYaml, type TreeNode } from './tree.js'
import type { FileReading, FileTarget } from './types.js'
import { locatedValue } from './values.js'

const AZURE_MODEL = /^azure\/(?:responses\/)?(.+)$/
const EXPECTED =
  'a LiteLLM config: model_list entries with litellm_params (model: azure/<deployment>, api_base, api_version)'

export function readLitellm(text: string, file: string): FileReading {
  const opened = openStructured(parseYaml(text), file, 'litellm', EXPECTED)
  if ('reading' in opened) return opened.reading
  const { context, root } = opened
  const list = entryOf(root, 'model_list')?.value
  if (list?.kind !== 'list') {
    context.invalid(list?.offset ?? root.offset, `model_list must be a list; expected ${EXPECTED}`)
    return context.reading([])
  }
  const targets = list.items.flatMap((item) => modelTarget(context, item))
  if (targets.length === 0)
    context.noTargets(`no model_list entry uses an azure/<deployment> model; expected ${EXPECTED}`)
  return context.reading(targets)
}

function modelTarget(context: FileContext, item: TreeNode): FileTarget[] {
  const params = entryOf(item, 'litellm_params')?.value
  const model = entryOf(params, 'model')?.value
  if (model?.kind !== 'scalar' || model.text === undefined) return []
  const deployment = AZURE_MODEL.exec(model.text.trim())?.[1]
  if (!deployment) return []
  const name = entryOf(item, 'model_name')?.value
  const target = context.target(item, name?.kind === 'scalar' ? name.text : undefined)
  target.fields.deployment = locatedValue(deployment, 'litellm_params.model', context.position(model.offset))
  context.setField(target, 'endpoint', entryOf(params, 'api_base'), 'litellm_params.api_base')
  context.setField(target, 'apiVersion', entryOf(params, 'api_version'), 'litellm_params.api_version')
  context.setField(target, 'clientId', entryOf(params, 'client_id'), 'litellm_params.client_id')
  context.setField(target, 'tenantId', entryOf(params, 'tenant_id'), 'litellm_params.tenant_id')
  const mode = entryOf(entryOf(item, 'model_info')?.value, 'mode')?.value
  if (mode?.kind === 'scalar' && mode.text === 'embedding') {
    target.fields.probe = { ...target.fields.deployment, key: 'model_info.mode', value: 'embeddings' }
  }
  readEndpointPath(target)
  return [target]
}
