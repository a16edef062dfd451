// .NET configuration (appsettings*.json): Semantic Kernel's `AzureOpenAI` section, Aspire's
// `ConnectionStrings:<name>` (`Endpoint=https://…;Deployment=…`, or a bare URL) and `Aspire:Azure:AI:OpenAI`.
// .NET reads keys case-insensitively and allows comments; so does this reader.
import { openStructured, readEndpointPath, type FileContext } from './file-context.js'
import { entryOf, parseJson, type TreeEntry, type TreeNode } from './tree.js'
import type { FileReading, FileTarget, ProbeHint } from './types.js'
import { escapeControls, isReference, locatedValue } from './values.js'

export const APPSETTINGS_SECTION_KEYS: readonly (readonly [string, ProbeHint?])[] = [
  ['DeploymentName'],
  ['ChatDeploymentName'],
  ['EmbeddingDeploymentName', 'embeddings']
]

const EXPECTED =
  'an "AzureOpenAI" section with Endpoint and DeploymentName / ChatDeploymentName / EmbeddingDeploymentName, ' +
  '"ConnectionStrings" in the form "Endpoint=https://<name>.openai.azure.com/;Deployment=<deployment>", or ' +
  '"Aspire:Azure:AI:OpenAI" with Endpoint'

export function readAppsettings(text: string, file: string): FileReading {
  const opened = openStructured(parseJson(text), file, 'appsettings', `JSON with ${EXPECTED}`)
  if ('reading' in opened) return opened.reading
  const { context, root } = opened
  const chat = entryOf(root, 'AzureOpenAI', true)
  const embeddings = entryOf(root, 'AzureOpenAIEmbeddings', true)
  const targets = [
    ...sectionTargets(context, chat, 'AzureOpenAI'),
    // Semantic Kernel's embeddings section: its deployments are embeddings ones, on its own endpoint or the chat one's.
    ...sectionTargets(context, embeddings, 'AzureOpenAIEmbeddings', chat),
    ...connectionStringTargets(context, entryOf(root, 'ConnectionStrings', true)),
    ...aspireTargets(context, root)
  ]
  if (targets.length === 0) context.noTargets(`expected ${EXPECTED}`)
  return context.reading(targets)
}

/**
 * `AzureOpenAI: { Endpoint, DeploymentName, ChatDeploymentName, EmbeddingDeploymentName, ApiVersion }`; an
 * embeddings section (`embeddingsOf` the chat section) probes embeddings and may take the chat section's endpoint.
 */
function sectionTargets(
  context: FileContext,
  section: TreeEntry | undefined,
  name: string,
  embeddingsOf?: TreeEntry
): FileTarget[] {
  if (section?.value.kind !== 'map') return []
  const node = section.value
  const own = entryOf(node, 'Endpoint', true)
  const shared = own ? undefined : entryOf(embeddingsOf?.value, 'Endpoint', true)
  const endpointKey = own ? `${name}:Endpoint` : `${embeddingsOf?.key ?? name}:Endpoint`
  const deployments = APPSETTINGS_SECTION_KEYS.flatMap(([key, probe]) => {
    const entry = entryOf(node, key, true)
    return entry ? [{ entry, probe: embeddingsOf ? 'embeddings' : probe }] : []
  })
  if (!own && deployments.length === 0) return []
  const base = (): FileTarget => {
    const target = context.target({ offset: section.keyOffset, end: node.end })
    context.setField(target, 'endpoint', own ?? shared, endpointKey)
    context.setField(target, 'apiVersion', entryOf(node, 'ApiVersion', true), `${name}:ApiVersion`)
    readEndpointPath(target)
    return target
  }
  if (deployments.length === 0) return [base()]
  const seen = new Set<string>()
  return deployments.flatMap(({ entry, probe }) => {
    const target = base()
    context.setField(target, 'deployment', entry, `${name}:${entry.key}`)
    const deployment = target.fields.deployment
    if (deployment && seen.has(deployment.value)) return []
    if (deployment) seen.add(deployment.value)
    if (deployment && probe) target.fields.probe = { ...deployment, value: probe }
    return [target]
  })
}

/** Aspire: `ConnectionStrings: { <name>: "Endpoint=https://…;Key=…;Deployment=…" }` or a bare URL. */
function connectionStringTargets(context: FileContext, section: TreeEntry | undefined): FileTarget[] {
  if (section?.value.kind !== 'map') return []
  return section.value.entries.flatMap((entry) => {
    const node = entry.value
    if (node.kind !== 'scalar' || node.text === undefined || isReference(node.text)) return []
    const parts = connectionStringParts(node.text)
    const bareUrl = /^https?:\/\//i.test(node.text.trim())
    if (!bareUrl && !parts.has('endpoint')) return []
    if (parts.get('isazure')?.value.toLowerCase() === 'false') return []
    const key = `ConnectionStrings:${entry.key}`
    const target = context.target({ offset: entry.keyOffset, end: node.end }, entry.key)
    // The value's text starts after its opening quote.
    const at = (offset: number) => context.position(node.offset + 1 + offset)
    if (bareUrl) {
      target.fields.endpoint = locatedValue(node.text, key, at(0))
    } else {
      const endpoint = parts.get('endpoint')
      if (endpoint) target.fields.endpoint = locatedValue(endpoint.value, `${key} Endpoint`, at(endpoint.offset))
      const deployment = parts.get('deployment')
      const model = parts.get('model')
      if (deployment && model) {
        target.problems.push({
          ...at(model.offset),
          message: `${escapeControls(key)} sets both Deployment and Model; Aspire accepts only one of them`
        })
      }
      const named = deployment ?? model
      if (named) {
        target.fields.deployment = locatedValue(
          named.value,
          `${key} ${deployment ? 'Deployment' : 'Model'}`,
          at(named.offset)
        )
      }
      const apiKey = parts.get('key')
      if (apiKey) context.apiKey(`${key} Key`, apiKey.value, at(apiKey.offset))
    }
    readEndpointPath(target)
    return [target]
  })
}

/** `Aspire: { Azure: { AI: { OpenAI: { Endpoint } } } }` and its named clients `OpenAI: { <name>: { Endpoint } }`. */
function aspireTargets(context: FileContext, root: TreeNode): FileTarget[] {
  let node: TreeNode | undefined = root
  for (const name of ['Aspire', 'Azure', 'AI', 'OpenAI']) node = entryOf(node, name, true)?.value
  if (node?.kind !== 'map') return []
  const clients: { name?: string; entry: TreeEntry; settings: TreeNode }[] = []
  const direct = entryOf(node, 'Endpoint', true)
  if (direct) clients.push({ entry: direct, settings: node })
  for (const entry of node.entries) {
    if (entry.value.kind === 'map' && entryOf(entry.value, 'Endpoint', true)) {
      clients.push({ name: entry.key, entry, settings: entry.value })
    }
  }
  return clients.map(({ name, entry, settings }) => {
    const target = context.target(
      { offset: entry.keyOffset, end: settings === node ? entry.value.end : settings.end },
      name
    )
    const prefix = `Aspire:Azure:AI:OpenAI${name ? `:${name}` : ''}`
    context.setField(target, 'endpoint', entryOf(settings, 'Endpoint', true), `${prefix}:Endpoint`)
    readEndpointPath(target)
    return target
  })
}

/** `Endpoint=…;Key=…;Deployment=…` → lower-cased names with each value and its offset in the string. */
function connectionStringParts(text: string): Map<string, { value: string; offset: number }> {
  const parts = new Map<string, { value: string; offset: number }>()
  let offset = 0
  for (const part of text.split(';')) {
    const equals = part.indexOf('=')
    if (equals > 0) {
      const raw = part.slice(equals + 1)
      const lead = raw.length - raw.trimStart().length
      parts.set(part.slice(0, equals).trim().toLowerCase(), { value: raw.trim(), offset: offset + equals + 1 + lead })
    }
    offset += part.length + 1
  }
  return parts
}
