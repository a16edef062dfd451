// .env files (`.env`, `*.env`, `.env.*`): the variables the OpenAI SDKs and Semantic Kernel read, parsed by dotenv
// (export prefixes, quotes, comments), with the line of each variable found beside it.
import { parse } from 'dotenv'
import { FileContext } from './file-context.js'
import type { FileReading, FileTarget, LocatedValue, ProbeHint, SourcePosition } from './types.js'
import { isReference, LineIndex, locatedValue, readSdkEndpoint } from './values.js'

export const DOTENV_ENDPOINT_KEYS = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_BASE', 'AZURE_OPENAI_BASE_URL']
/** Deployment variables; an embeddings variable means the probe calls embeddings. */
export const DOTENV_DEPLOYMENT_KEYS: readonly (readonly [string, ProbeHint?])[] = [
  ['AZURE_OPENAI_DEPLOYMENT'],
  ['AZURE_OPENAI_DEPLOYMENT_NAME'],
  ['AZURE_OPENAI_CHAT_DEPLOYMENT_NAME'],
  ['AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'embeddings'],
  ['AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME', 'embeddings']
]
export const DOTENV_API_VERSION_KEYS = ['AZURE_OPENAI_API_VERSION', 'OPENAI_API_VERSION']

const EXPECTED = `${DOTENV_ENDPOINT_KEYS.join(', ')} or ${DOTENV_DEPLOYMENT_KEYS.map(([key]) => key).join(', ')}`

export function readDotenv(text: string, file: string): FileReading {
  const index = new LineIndex(text)
  const context = new FileContext(file, 'dotenv', index)
  const variables = parse(text)
  const where = assignmentPositions(text)
  const positionOf = (key: string): SourcePosition => where.get(key) ?? { line: 1, column: 1 }
  const valueOf = (key: string): LocatedValue | undefined => {
    const raw = Object.hasOwn(variables, key) ? variables[key] : undefined
    if (raw === undefined || raw.trim() === '' || isReference(raw)) return undefined
    return locatedValue(raw, key, positionOf(key))
  }

  for (const [key, value] of Object.entries(variables)) context.apiKey(key, value, positionOf(key))

  const notes: string[] = []
  const endpointKey = DOTENV_ENDPOINT_KEYS.find((key) => valueOf(key))
  const endpoint = endpointKey ? valueOf(endpointKey) : undefined
  const implied = endpoint && !endpoint.problem ? readSdkEndpoint(endpoint.value, endpoint.key) : undefined
  if (endpoint && implied) endpoint.value = implied.endpoint
  if (implied?.note) notes.push(implied.note)
  for (const other of DOTENV_ENDPOINT_KEYS.filter((key) => key !== endpointKey && valueOf(key))) {
    notes.push(`${other} is also set; ${endpointKey} is the endpoint checked`)
  }

  const apiVersionKey = DOTENV_API_VERSION_KEYS.find((key) => valueOf(key))
  let apiVersion = apiVersionKey ? valueOf(apiVersionKey) : undefined
  if (endpoint && implied?.apiVersion) apiVersion = { ...endpoint, value: implied.apiVersion }

  const deployments: { value: LocatedValue; probe?: ProbeHint }[] = []
  if (endpoint && implied?.deployment) {
    deployments.push({ value: locatedValue(implied.deployment, endpoint.key, endpoint) })
  }
  for (const [key, probe] of DOTENV_DEPLOYMENT_KEYS) {
    const value = valueOf(key)
    if (value && !deployments.some((known) => known.value.value === value.value)) deployments.push({ value, probe })
  }
  if (!endpoint && deployments.length === 0) {
    context.noTargets(`expected ${EXPECTED}`)
    return context.reading([])
  }

  // The whole file is every target's block: a key committed anywhere in it concerns them all.
  const block = { start: 1, end: index.lineCount }
  const targetAt = (position: SourcePosition): FileTarget => ({
    file,
    format: 'dotenv',
    line: position.line,
    column: position.column,
    block,
    fields: { ...(endpoint ? { endpoint } : {}), ...(apiVersion ? { apiVersion } : {}) },
    notes: [...notes],
    problems: []
  })
  if (deployments.length === 0) return context.reading([targetAt(endpoint ?? { line: 1, column: 1 })])
  return context.reading(
    deployments.map(({ value, probe }) => {
      const target = targetAt({ line: value.line, column: 1 })
      target.fields.deployment = value
      if (probe) target.fields.probe = { ...value, value: probe }
      return target
    })
  )
}

// `KEY=`, `export KEY=`, `KEY: ` as dotenv reads them; a variable set twice takes its last line, as dotenv does.
const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([\w.-]+)([ \t]*=[ \t]*|:[ \t]+)(['"`]?)/

/** Where each variable's value starts: its last assignment's line, and the column after any opening quote. */
function assignmentPositions(text: string): Map<string, SourcePosition> {
  const positions = new Map<string, SourcePosition>()
  text.split('\n').forEach((line, lineIndex) => {
    const match = ASSIGNMENT.exec(line)
    if (!match) return
    const [, lead, key, separator, quote] = match
    positions.set(key, { line: lineIndex + 1, column: lead.length + key.length + separator.length + quote.length + 1 })
  })
  return positions
}
