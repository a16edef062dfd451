// Whatever a pull request puts in a config file, the readers return (never throw), no control character reaches
// a value or message, and every position they report lies within the file.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { readConfigText } from '../../src/repo-config/read-text.ts'
import type { FileReading, SourcePosition } from '../../src/repo-config/types.ts'

const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u
const NAMES = ['aoai-auth-check.yml', 'aoai-auth-check.json', '.env', 'appsettings.json', 'conn.yaml', 'config.yaml']

function texts(reading: FileReading): string[] {
  return [
    ...reading.findings.map((finding) => finding.message),
    ...reading.targets.flatMap((target) => [
      ...(target.name === undefined ? [] : [target.name]),
      ...target.notes,
      ...target.problems.map((problem) => problem.message),
      ...Object.values(target.fields).flatMap((field) => [field.value, field.key, field.problem ?? ''])
    ])
  ]
}

function positions(reading: FileReading): SourcePosition[] {
  return [
    ...reading.findings,
    ...reading.targets.flatMap((target) => [target, ...target.problems, ...Object.values(target.fields)])
  ]
}

function expectWellFormed(name: string, text: string): void {
  const reading = readConfigText(name, text)
  for (const shown of texts(reading)) expect(shown).not.toMatch(CONTROL)
  const lines = text.split('\n')
  for (const { line, column } of positions(reading)) {
    expect(line).toBeGreaterThanOrEqual(1)
    expect(line).toBeLessThanOrEqual(lines.length)
    expect(column).toBeGreaterThanOrEqual(1)
    expect(column).toBeLessThanOrEqual(lines[line - 1].length + 1)
  }
  for (const target of reading.targets) {
    expect(target.block.start).toBeLessThanOrEqual(target.block.end)
    expect(target.block.end).toBeLessThanOrEqual(lines.length)
  }
}

// Values a hostile pull request would try: workflow commands, line breaks, escapes, bidi overrides, keys, URLs.
const hostileValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '::error::owned',
    '\n::add-mask::x',
    '%0A::warning::x',
    '\r##[error]x',
    'https://evil.example/openai/deployments/x/',
    'https://a.openai.azure.com/openai/v1/',
    '0f9e8d7c6b5a49382716f5e4d3c2b1a0',
    '\u202eevil',
    '\u0000',
    '{x}',
    'os.environ/X',
    '"',
    "'",
    '`',
    '\\'
  )
)

const structured = fc
  .tuple(fc.constantFrom(...NAMES), hostileValue, hostileValue, hostileValue)
  .map(([name, endpoint, deployment, other]) => {
    const q = (value: string) => JSON.stringify(value)
    if (name === '.env') {
      return {
        name,
        text: `export AZURE_OPENAI_ENDPOINT=${q(endpoint)}\nAZURE_OPENAI_DEPLOYMENT=${deployment}\nAZURE_OPENAI_API_KEY='${other}'\n`
      }
    }
    if (name.endsWith('.json') && name.startsWith('appsettings')) {
      return {
        name,
        text: `{ "AzureOpenAI": { "Endpoint": ${q(endpoint)}, "DeploymentName": ${q(deployment)} },\n "ConnectionStrings": { ${q(other)}: ${q(`Endpoint=${endpoint};Deployment=${deployment};Key=${other}`)} } }`
      }
    }
    if (name.endsWith('.json'))
      return { name, text: `{"targets":[{"endpoint":${q(endpoint)},${q(other)}:${q(deployment)}}]}` }
    if (name === 'conn.yaml')
      return {
        name,
        text: `type: azure_open_ai\nname: ${q(other)}\napi_base: ${q(endpoint)}\napi_version: ${deployment}\n`
      }
    if (name === 'config.yaml') {
      return {
        name,
        text: `model_list:\n  - model_name: ${q(other)}\n    litellm_params:\n      model: ${q(`azure/${deployment}`)}\n      api_base: ${endpoint}\n`
      }
    }
    return { name, text: `targets:\n  - endpoint: ${q(endpoint)}\n    deployment: ${deployment}\n    ${other}: x\n` }
  })

describe('the readers on hostile files', () => {
  test('arbitrary text in any format: no crash, no control character out, positions within the file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.string({ unit: 'binary', maxLength: 300 }), (name, text) => {
        expectWellFormed(name, text)
      }),
      { numRuns: 600 }
    )
  })

  test('config-shaped files with hostile values', () => {
    fc.assert(
      fc.property(structured, ({ name, text }) => {
        expectWellFormed(name, text)
      }),
      { numRuns: 1500 }
    )
  })

  test('a file nested far deeper than any config is refused, not a crash', () => {
    expectWellFormed('aoai-auth-check.yml', `targets: ${'['.repeat(20000)}`)
    expectWellFormed('aoai-auth-check.json', `{"targets": ${'['.repeat(20000)}${']'.repeat(20000)}}`)
    expectWellFormed('appsettings.json', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)
  })
})
