import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readConfigText } from '../../src/repo-config/read-text.ts'
import { readTargetsInput } from '../../src/repo-config/targets-input.ts'
import type { FileReading, FileTarget } from '../../src/repo-config/types.ts'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const read = (name: string, text = fixture(name)): FileReading => readConfigText(name, text)

/** A target as the tests compare it: each field's value and line. */
function summary(target: FileTarget): Record<string, unknown> {
  return {
    line: target.line,
    ...Object.fromEntries(
      Object.entries(target.fields).map(([field, value]) => [field, `${value.value} @${value.line}`])
    )
  }
}

describe('the native format', () => {
  test('aoai-auth-check.yml lists its targets with the line of every value', () => {
    const reading = read('aoai-auth-check.yml')
    expect(reading.format).toBe('native')
    expect(reading.findings).toEqual([])
    expect(reading.targets.map(summary)).toEqual([
      { line: 3, endpoint: 'https://contoso.openai.azure.com/ @3', deployment: 'gpt-4o-mini @4' },
      {
        line: 5,
        endpoint: 'https://contoso.openai.azure.com/ @5',
        deployment: 'text-embedding-3-small @6',
        probe: 'embeddings @7',
        apiVersion: '2024-10-21 @8'
      },
      {
        line: 9,
        endpoint: 'https://contoso-eu.openai.azure.com/ @9',
        deployment: 'gpt-4o-mini @10',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47 @11',
        clientId: 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01 @12'
      }
    ])
    expect(reading.targets[1].block).toEqual({ start: 5, end: 8 })
    expect(reading.targets[0].fields.deployment).toMatchObject({ line: 4, column: 17 })
  })

  test('any YAML or JSON file with a top-level targets list is native', () => {
    const json =
      '{\n  "targets": [\n    { "endpoint": "https://contoso.openai.azure.com/", "deployment": "gpt-4o-mini" }\n  ]\n}\n'
    const reading = readConfigText('config/ai.json', json)
    expect(reading.format).toBe('native')
    expect(reading.targets.map(summary)).toEqual([
      { line: 3, endpoint: 'https://contoso.openai.azure.com/ @3', deployment: 'gpt-4o-mini @3' }
    ])
    expect(readConfigText('deploy/ai.yaml', 'targets:\n  - endpoint: https://a.openai.azure.com/\n').format).toBe(
      'native'
    )
  })

  test('a file cannot say where credentials go: those keys are refused on their line, the target fails', () => {
    const text = [
      'targets:',
      '  - endpoint: https://evil.example/',
      '    allowed-hosts: evil.example',
      '    authority-host: https://login.evil.example',
      '    audience: api://evil',
      '    scope: https://evil.example/.default',
      '    colour: blue'
    ].join('\n')
    const [target] = read('aoai-auth-check.yml', text).targets
    expect(target.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [3, expect.stringMatching(/^allowed-hosts can be set only by the workflow/)],
      [4, expect.stringMatching(/^authority-host can be set only by the workflow/)],
      [5, expect.stringMatching(/^audience can be set only by the workflow/)],
      [6, expect.stringMatching(/^scope can be set only by the workflow/)],
      [
        7,
        'colour is not a target setting; a target takes endpoint, deployment, api-version, probe, client-id, tenant-id'
      ]
    ])
    expect(Object.keys(target.fields)).toEqual(['endpoint'])
  })

  test('an item without an endpoint, or one that is not a mapping, is a problem of that item only', () => {
    const reading = read(
      'aoai-auth-check.yml',
      'targets:\n  - deployment: gpt-4o-mini\n  - just-a-string\n  - endpoint: https://a.openai.azure.com/\n'
    )
    expect(reading.targets.map((target) => target.problems.map((problem) => [problem.line, problem.message]))).toEqual([
      [[2, 'endpoint is required in every target']],
      [[3, expect.stringMatching(/^each target must be a mapping/)]],
      []
    ])
  })

  test('a malformed file is one finding naming its line and what is expected, and no target', () => {
    const reading = read(
      'aoai-auth-check.yml',
      'targets:\n  - endpoint: https://a.openai.azure.com/\n   deployment: [gpt\n'
    )
    expect(reading.targets).toEqual([])
    expect(reading.findings[0]).toMatchObject({ kind: 'invalid', file: 'aoai-auth-check.yml', line: 3 })
    expect(reading.findings[0].message).toMatch(/^not valid YAML: .*; expected a top-level "targets:" list/)
  })

  test('a native file without a targets list says what it expects', () => {
    expect(read('aoai-auth-check.yml', 'endpoint: https://a.openai.azure.com/\n').findings).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        line: 1,
        message: expect.stringMatching(/^has no top-level "targets:"/)
      })
    ])
    expect(read('aoai-auth-check.yml', '# nothing yet\n').findings).toEqual([
      expect.objectContaining({ kind: 'no-targets' })
    ])
  })

  test('a value with a line break keeps an escaped form and says why it cannot be used', () => {
    const [target] = read(
      'aoai-auth-check.yml',
      'targets:\n  - endpoint: https://a.openai.azure.com/\n    deployment: "gpt\\n::error::owned"\n'
    ).targets
    expect(target.fields.deployment).toEqual({
      value: 'gpt\\n::error::owned',
      key: 'deployment',
      line: 3,
      column: 17,
      problem: 'holds a line break; a setting is one line of text'
    })
  })
})

describe('.env files', () => {
  test('export prefixes and quotes: the endpoint, deployment and API version with their lines', () => {
    const reading = read('the-vortex.env')
    expect(reading.format).toBe('dotenv')
    expect(reading.targets.map(summary)).toEqual([
      {
        line: 4,
        endpoint: 'https://mh-open-ai-east-us2.openai.azure.com/ @2',
        apiVersion: '2024-10-21 @5',
        deployment: 'dev-chat-ai-gpt4.1-mini @4'
      }
    ])
    // The column of the value itself, after `export NAME="`.
    expect(reading.targets[0].fields.endpoint).toMatchObject({
      line: 2,
      column: 'export AZURE_OPENAI_ENDPOINT="'.length + 1
    })
  })

  test('a committed key is found on its line, registered as a secret, and never echoed', () => {
    const reading = read('the-vortex.env')
    expect(reading.secrets).toEqual(['5f4dcc3b5aa765d61d8327deb882cf99'])
    expect(reading.findings).toEqual([
      expect.objectContaining({ kind: 'api-key', file: 'the-vortex.env', line: 3, column: 30 })
    ])
    expect(JSON.stringify({ ...reading, secrets: [] })).not.toContain('5f4dcc3b5aa765d61d8327deb882cf99')
  })

  test('one target per deployment; an embeddings variable probes embeddings; a base URL with a deployment path is read', () => {
    const reading = read('semantic-kernel.env')
    expect(reading.targets.map(summary)).toEqual([
      {
        line: 3,
        endpoint: 'https://contoso.openai.azure.com/ @3',
        apiVersion: '2024-10-21 @7',
        deployment: 'gpt-4o-mini @3'
      },
      {
        line: 5,
        endpoint: 'https://contoso.openai.azure.com/ @3',
        apiVersion: '2024-10-21 @7',
        deployment: 'text-embedding-3-small @5',
        probe: 'embeddings @5'
      }
    ])
    expect(reading.targets[0].notes).toEqual([
      'AZURE_OPENAI_BASE_URL ends in /openai/deployments/gpt-4o-mini/: read as the base URL ' +
        'https://contoso.openai.azure.com/ with deployment gpt-4o-mini'
    ])
    // An empty key means "use Entra ID": nothing to flag.
    expect(reading.findings).toEqual([])
  })

  test('an endpoint ending in /openai/v1/ is the base URL with the v1 API', () => {
    const [target] = read('rfp-chatbot.env').targets
    expect(summary(target)).toEqual({
      line: 3,
      endpoint: 'https://contoso.openai.azure.com/ @2',
      apiVersion: 'v1 @2',
      deployment: 'gpt-4o-mini @3'
    })
  })

  test('names of the .env family: .env, *.env, .env.*', () => {
    const text = 'AZURE_OPENAI_ENDPOINT=https://a.openai.azure.com/\n'
    for (const name of ['.env', 'config/azure.env', '.env.production', 'app/.env.example']) {
      expect(readConfigText(name, text).format, name).toBe('dotenv')
    }
  })

  test('an 84-character key under a key-like name is a committed key; the same value under another name is not', () => {
    const key = 'A'.repeat(40) + '7'.repeat(40) + 'AAAA'
    const reading = read('.env', `AZURE_OPENAI_KEY=${key}\nAZURE_OPENAI_DEPLOYMENT=${key}\n`)
    expect(reading.findings).toEqual([expect.objectContaining({ kind: 'api-key', line: 1 })])
    expect(reading.findings[0].message).toContain('84 characters')
    expect(reading.secrets).toEqual([key])
  })

  test('a variable set twice takes its last line, as dotenv does; comments are not values', () => {
    const reading = read(
      '.env',
      '# AZURE_OPENAI_ENDPOINT=https://old.openai.azure.com/\nAZURE_OPENAI_ENDPOINT=https://a.openai.azure.com/\nAZURE_OPENAI_ENDPOINT=https://b.openai.azure.com/ # prod\n'
    )
    expect(summary(reading.targets[0])).toEqual({ line: 3, endpoint: 'https://b.openai.azure.com/ @3' })
  })

  test('a .env with no Azure OpenAI variable names no target and says which it reads', () => {
    const reading = read('.env', 'DATABASE_URL=postgres://localhost/app\n')
    expect(reading.targets).toEqual([])
    expect(reading.findings).toEqual([
      expect.objectContaining({ kind: 'no-targets', message: expect.stringContaining('AZURE_OPENAI_ENDPOINT') })
    ])
  })
})

describe('appsettings*.json', () => {
  test('Semantic Kernel sections, with comments and a trailing comma; embeddings take the chat endpoint', () => {
    const reading = read('appsettings.json')
    expect(reading.format).toBe('appsettings')
    expect(reading.findings).toEqual([])
    expect(reading.targets.map(summary)).toEqual([
      { line: 4, endpoint: 'https://contoso.openai.azure.com/ @5', deployment: 'gpt-4o-mini @6' },
      {
        line: 9,
        endpoint: 'https://contoso.openai.azure.com/ @5',
        deployment: 'text-embedding-3-small @10',
        probe: 'embeddings @10'
      }
    ])
  })

  test('Aspire connection strings: a bare URL, Endpoint=…;Key=…;Deployment=…, the /openai/v1 template; SQL strings ignored', () => {
    const reading = read('appsettings.Aspire.json')
    expect(reading.targets.map((target) => [target.name, summary(target)])).toEqual([
      ['openai', { line: 3, endpoint: 'https://contoso.openai.azure.com/ @3' }],
      ['chat', { line: 4, endpoint: 'https://contoso.openai.azure.com/ @4', deployment: 'gpt-4o-mini @4' }],
      ['template', { line: 5, endpoint: 'https://contoso.openai.azure.com/ @5', apiVersion: 'v1 @5' }],
      ['openai1', { line: 8, endpoint: 'https://account1.openai.azure.com/ @8' }]
    ])
    const line4 = fixture('appsettings.Aspire.json').split('\n')[3]
    expect(reading.targets[1].fields.deployment?.column).toBe(line4.indexOf('gpt-4o-mini') + 1)
    expect(reading.findings).toEqual([
      expect.objectContaining({ kind: 'api-key', line: 4, column: line4.indexOf('Key=') + 5 })
    ])
    expect(reading.secrets).toEqual(['0f9e8d7c6b5a49382716f5e4d3c2b1a0'])
  })

  test('keys are read case-insensitively, as .NET configuration does', () => {
    const reading = read(
      'appsettings.Development.json',
      '{ "azureopenai": { "endpoint": "https://a.openai.azure.com/", "deploymentname": "gpt-4o-mini" } }'
    )
    expect(reading.targets.map(summary)).toEqual([
      { line: 1, endpoint: 'https://a.openai.azure.com/ @1', deployment: 'gpt-4o-mini @1' }
    ])
  })

  test('Deployment and Model together are refused, as Aspire refuses them', () => {
    const reading = read(
      'appsettings.json',
      '{ "ConnectionStrings": { "ai": "Endpoint=https://a.openai.azure.com/;Deployment=x;Model=y" } }'
    )
    expect(reading.targets[0].problems).toEqual([
      expect.objectContaining({
        line: 1,
        message: 'ConnectionStrings:ai sets both Deployment and Model; Aspire accepts only one of them'
      })
    ])
  })

  test('malformed JSON is a finding on its line naming what is expected', () => {
    const reading = read(
      'appsettings.json',
      '{\n  "AzureOpenAI": {\n    "Endpoint": "https://a.openai.azure.com/"\n    "DeploymentName": "x"\n  }\n}\n'
    )
    expect(reading.targets).toEqual([])
    expect(reading.findings[0]).toMatchObject({ kind: 'invalid', line: 4 })
    expect(reading.findings[0].message).toMatch(
      /^not valid JSON: comma expected .*; expected JSON with an "AzureOpenAI" section/
    )
  })
})

describe('promptflow connections', () => {
  test('the promptflow example: api_base and api_version, the placeholder key is no key', () => {
    const reading = read('azure_openai.yml')
    expect(reading.format).toBe('promptflow')
    expect(reading.findings).toEqual([])
    expect(reading.targets.map((target) => [target.name, summary(target)])).toEqual([
      [
        'my_azure_open_ai_connection',
        { line: 1, endpoint: 'aoai-api-endpoint @5', apiVersion: '2023-03-15-preview @7' }
      ]
    ])
  })

  test('the Entra form', () => {
    expect(read('azure_openai_entra.yml').targets.map(summary)).toEqual([
      { line: 1, endpoint: 'https://contoso.openai.azure.com/ @4', apiVersion: '2024-02-01 @6' }
    ])
  })

  test('a committed key in a connection is flagged on its line', () => {
    const reading = read(
      'conn.yaml',
      'type: azure_open_ai\napi_base: https://a.openai.azure.com/\napi_key: "0f9e8d7c6b5a49382716f5e4d3c2b1a0"\n'
    )
    expect(reading.findings).toEqual([expect.objectContaining({ kind: 'api-key', line: 3, column: 10 })])
  })
})

describe('LiteLLM config.yaml', () => {
  test('one target per azure/<deployment> model; references and placeholders are left to the step; other providers ignored', () => {
    const reading = read('litellm-config.yaml')
    expect(reading.format).toBe('litellm')
    expect(reading.findings).toEqual([])
    expect(reading.targets.map((target) => [target.name, summary(target)])).toEqual([
      [
        'gpt-4o',
        {
          line: 2,
          deployment: 'gpt-4o @4',
          endpoint: 'https://contoso.cognitiveservices.azure.com/ @5',
          apiVersion: '2025-01-01-preview @10'
        }
      ],
      ['embeddings', { line: 11, deployment: 'text-embedding-3-small @13', probe: 'embeddings @13' }]
    ])
    expect(reading.targets[0].notes).toEqual([
      "litellm_params.client_id is the placeholder {client_id}, not a value: the step's input is used",
      "litellm_params.tenant_id is the placeholder {tenant_id}, not a value: the step's input is used"
    ])
    expect(reading.targets[1].notes).toEqual([
      "litellm_params.api_base refers to os.environ/AZURE_API_BASE, which is set outside the file: the step's input is used"
    ])
  })

  test('client and tenant ids written in the file are read', () => {
    const text =
      'model_list:\n  - model_name: m\n    litellm_params:\n      model: azure/responses/gpt-4o\n      tenant_id: 72f988bf-86f1-41af-91ab-2d7cd011db47\n      client_id: "a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01"\n'
    expect(read('config.yaml', text).targets.map(summary)).toEqual([
      {
        line: 2,
        deployment: 'gpt-4o @4',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47 @5',
        clientId: 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01 @6'
      }
    ])
  })
})

test('a file in no known format says which formats the action reads', () => {
  expect(readConfigText('.github/workflows/ci.yml', 'on: push\njobs: {}\n').findings).toEqual([
    expect.objectContaining({ kind: 'unrecognised', message: expect.stringContaining('appsettings*.json') })
  ])
  expect(readConfigText('notes.txt', 'AZURE_OPENAI_ENDPOINT=x').format).toBeUndefined()
})

describe('the targets input', () => {
  test('is a YAML list of the native items', () => {
    const reading = readTargetsInput(
      '- endpoint: https://contoso.openai.azure.com/\n  deployment: gpt-4o-mini\n- endpoint: https://contoso-eu.openai.azure.com/\n'
    )
    expect(reading.targets.map(summary)).toEqual([
      { line: 1, endpoint: 'https://contoso.openai.azure.com/ @1', deployment: 'gpt-4o-mini @2' },
      { line: 3, endpoint: 'https://contoso-eu.openai.azure.com/ @3' }
    ])
  })

  test('that is not a list, or not YAML, says what is expected', () => {
    expect(readTargetsInput('endpoint: https://contoso.openai.azure.com/').findings[0].message).toMatch(
      /^"targets" must be a list of targets/
    )
    expect(readTargetsInput('- endpoint: [x\n').findings[0].message).toMatch(
      /^not valid YAML: .*; expected a YAML list/
    )
  })
})
