import { describe, expect, test } from 'vitest'
import { labelTargets, resolveTarget, type StepDefaults } from '../../src/config/targets.ts'
import { readConfigText } from '../../src/repo-config/read-text.ts'
import { readTargetsInput } from '../../src/repo-config/targets-input.ts'

const CLIENT = 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const step: StepDefaults = { apiVersion: '2024-10-21', probe: 'auto', clientId: CLIENT, tenantId: TENANT, auth: 'oidc' }

const fileTargets = (name: string, text: string) => readConfigText(name, text).targets

describe('a target from a file, resolved against the step', () => {
  test('takes what the file leaves unset from the step, and remembers where each value was', () => {
    const [target] = fileTargets(
      '.env',
      'AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\nAZURE_OPENAI_DEPLOYMENT=gpt-4o-mini\n'
    )
    expect(resolveTarget(target, step, false)).toMatchObject({
      endpoint: 'https://contoso.openai.azure.com/',
      deployment: 'gpt-4o-mini',
      apiVersion: '2024-10-21',
      clientId: CLIENT,
      source: { file: '.env', line: 2 },
      positions: { endpoint: { line: 1, column: 23 }, deployment: { line: 2, column: 25 } },
      problems: []
    })
  })

  test('a value that is not allowed is a problem on its line, naming the file; the value of an id is not shown', () => {
    const text =
      'targets:\n  - endpoint: https://contoso.openai.azure.com/\n    deployment: gpt 4o\n    api-version: latest\n    client-id: hunter2\n'
    const [target] = fileTargets('aoai-auth-check.yml', text)
    const { problems } = resolveTarget(target, step, false)
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [
        3,
        "aoai-auth-check.yml:3: deployment 'gpt 4o' is not a deployment name (letters, digits, '.', '_' and '-', up to 64)"
      ],
      [4, expect.stringMatching(/^aoai-auth-check\.yml:4: api-version 'latest' is not allowed; use a dated version/)],
      [5, 'aoai-auth-check.yml:5: client-id is not a GUID (the application (client) id); the value is not shown']
    ])
    expect(JSON.stringify(problems)).not.toContain('hunter2')
  })

  test('what neither the file nor the step gives is a problem of the target, on its block', () => {
    const [target] = fileTargets('.env', 'AZURE_OPENAI_DEPLOYMENT=gpt-4o-mini\n')
    const { problems } = resolveTarget(target, { ...step, clientId: undefined }, false)
    expect(problems.map((problem) => problem.message)).toEqual([
      '.env:1: no endpoint: the target names none and the endpoint input is not set',
      '.env:1: no client-id: the target names none and the client-id input is not set'
    ])
  })

  test('an item of the targets input is placed by its line in the input, with no file', () => {
    const [item] = readTargetsInput('- endpoint: https://contoso.openai.azure.com/\n  deployment: "a\\nb"\n').targets
    const resolved = resolveTarget(item, step, true)
    expect(resolved.source).toEqual({ kind: 'inputs' })
    expect(resolved.problems).toEqual([
      { message: 'targets input, line 2: deployment holds a line break; a setting is one line of text' }
    ])
  })
})

test('labels are readable and unique: the place is added where two would read alike', () => {
  const target = (deployment: string, source: { kind: 'inputs' } | { file: string; line: number }) => ({
    endpoint: 'https://contoso.openai.azure.com/',
    deployment,
    source
  })
  expect(
    labelTargets([
      { target: target('gpt-4o-mini', { kind: 'inputs' }), place: 'inputs' },
      { target: target('gpt-4o-mini', { file: '.env', line: 2 }), place: '.env:2' },
      { target: target('text-embedding-3-small', { file: '.env', line: 3 }), place: '.env:3' },
      { target: { endpoint: '', source: { file: 'bad.json', line: 4 } }, place: 'bad.json:4' }
    ])
  ).toEqual([
    'https://contoso.openai.azure.com/ (gpt-4o-mini) [inputs]',
    'https://contoso.openai.azure.com/ (gpt-4o-mini) [.env:2]',
    'https://contoso.openai.azure.com/ (text-embedding-3-small)',
    'bad.json'
  ])
})
