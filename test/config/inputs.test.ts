import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CLOUDS } from '../../src/azure/clouds.ts'
import { getInputs, getReportSettings, InvalidInputError } from '../../src/config/inputs.ts'

const CLIENT_ID = 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01'
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'

// The runner passes every input as INPUT_<NAME> (upper case, hyphens kept), defaults already applied.
function setInputs(inputs: Record<string, string>): void {
  for (const name of Object.keys(process.env).filter((name) => name.startsWith('INPUT_'))) delete process.env[name]
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value
}

const minimal = { endpoint: 'https://contoso.openai.azure.com/', deployment: 'gpt-4o-mini', 'client-id': CLIENT_ID, 'tenant-id': TENANT_ID }

function problemsOf(inputs: Record<string, string>): { input: string; message: string }[] {
  setInputs(inputs)
  try {
    getInputs()
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems
    throw error
  }
  return []
}

describe('reading the inputs', () => {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
  })
  afterEach(() => {
    process.env = saved
  })

  it('gives the documented defaults for everything not set', () => {
    setInputs(minimal)
    const { targets, timeoutSeconds, report } = getInputs()
    expect(targets).toHaveLength(1)
    expect(targets[0]).toMatchObject({
      endpoint: 'https://contoso.openai.azure.com/',
      deployment: 'gpt-4o-mini',
      apiVersion: '2024-10-21',
      auth: 'oidc',
      clientId: CLIENT_ID,
      tenantId: TENANT_ID,
      cloud: CLOUDS.azurecloud,
      oidcAudience: 'api://AzureADTokenExchange',
      authorityHost: 'https://login.microsoftonline.com',
      probe: 'auto',
      allowedHosts: []
    })
    expect(targets[0].scope).toBeUndefined()
    expect(timeoutSeconds).toBe(30)
    expect(report.failOn).toBe('error')
  })

  it('gives each step of a job its own report file, so a second check does not overwrite the first', () => {
    setInputs(minimal)
    process.env.RUNNER_TEMP = '/home/runner/work/_temp'
    process.env.GITHUB_ACTION = 'check-prod'
    const first = getReportSettings().reportFile
    process.env.GITHUB_ACTION = '__contoso_aoai-auth-check_2'
    const second = getReportSettings().reportFile
    expect(first).toBe('/home/runner/work/_temp/aoai-auth-check/check-prod/report.json')
    expect(second).toBe('/home/runner/work/_temp/aoai-auth-check/__contoso_aoai-auth-check_2/report.json')
  })

  it('takes the sign-in host and token-exchange audience from the chosen cloud', () => {
    setInputs({ ...minimal, environment: 'AzureUSGovernment' })
    const [target] = getInputs().targets
    expect(target.cloud.name).toBe('azureusgovernment')
    expect(target.oidcAudience).toBe('api://AzureADTokenExchangeUSGov')
    expect(target.authorityHost).toBe('https://login.microsoftonline.us')
  })

  it('lets audience, scope and authority-host override the cloud defaults', () => {
    setInputs({
      ...minimal,
      audience: 'api://custom',
      scope: 'https://ai.azure.com/.default',
      'authority-host': 'https://login.example-cloud.test/',
      // A custom cloud's sign-in host receives the GitHub token only when the workflow lists it.
      'allowed-hosts': 'login.example-cloud.test'
    })
    const [target] = getInputs().targets
    expect(target).toMatchObject({ oidcAudience: 'api://custom', scope: 'https://ai.azure.com/.default' })
    expect(target.authorityHost).toBe('https://login.example-cloud.test')
  })

  it('reads allowed-hosts separated by commas, spaces or new lines', () => {
    setInputs({ ...minimal, 'allowed-hosts': 'Gw1.azure-api.net, gw2.azure-api.net\n*.internal.example' })
    expect(getInputs().targets[0].allowedHosts).toEqual(['gw1.azure-api.net', 'gw2.azure-api.net', '*.internal.example'])
  })

  it('needs only the endpoint and the key with auth api-key', () => {
    setInputs({ endpoint: 'https://contoso.openai.azure.com/', auth: 'api-key', 'api-key': 'k'.repeat(32), probe: 'models' })
    expect(getInputs().targets[0]).toMatchObject({ auth: 'api-key', apiKey: 'k'.repeat(32), probe: 'models' })
  })

  it('names each bad input and what is allowed', () => {
    const problems = problemsOf({
      ...minimal,
      auth: 'password',
      probe: 'completion',
      environment: 'azuregermancloud',
      'api-version': 'latest',
      'timeout-seconds': 'soon',
      'fail-on': 'never'
    })
    expect(problems.map((problem) => problem.input)).toEqual([
      'auth',
      'probe',
      'fail-on',
      'environment',
      'api-version',
      'timeout-seconds'
    ])
    expect(problems.find((p) => p.input === 'auth')?.message).toBe("'password' is not allowed; use one of: oidc, api-key")
    expect(problems.find((p) => p.input === 'environment')?.message).toContain('azurecloud, azureusgovernment, azurechinacloud')
    expect(problems.find((p) => p.input === 'api-version')?.message).toContain('YYYY-MM-DD or YYYY-MM-DD-preview')
  })

  it('accepts v1 and preview dated api-versions', () => {
    for (const apiVersion of ['v1', '2025-04-01-preview', '2024-06-01']) {
      expect(problemsOf({ ...minimal, 'api-version': apiVersion })).toEqual([])
    }
  })

  it('asks for client-id and tenant-id with auth oidc, and for GUIDs', () => {
    expect(problemsOf({ endpoint: minimal.endpoint, deployment: 'gpt-4o-mini' }).map((p) => p.input)).toEqual([
      'client-id',
      'tenant-id'
    ])
    const problems = problemsOf({ ...minimal, 'client-id': 'my-app', 'tenant-id': 'contoso.onmicrosoft.com' })
    expect(problems).toEqual([{
      input: 'client-id',
      message: 'is not a GUID (the application (client) id): the value given (6 characters) is not shown'
    }])
  })

  it('never echoes a client secret typed into client-id or tenant-id, and says what it looks like', () => {
    const secret = 'abc8Q~xY1zW2vU3tS4rQ5pO6nM7lK8jI9hG0fE1d'
    const problems = problemsOf({ ...minimal, 'client-id': secret, 'tenant-id': secret })
    expect(problems.map((p) => p.input)).toEqual(['client-id', 'tenant-id'])
    for (const problem of problems) {
      expect(problem.message).not.toContain(secret)
      expect(problem.message).toContain('it looks like a secret')
    }
  })

  it('masks a secret-shaped value in any input it echoes', () => {
    const key = '0123456789abcdef0123456789abcdef'
    const [problem] = problemsOf({ ...minimal, deployment: `gpt/${key}` })
    expect(problem.message).toBe("'gpt/***' is not a deployment name (letters, digits, '.', '_' and '-', up to 64)")
  })

  it('needs a deployment unless the probe is models or none', () => {
    const { deployment: _, ...withoutDeployment } = minimal
    expect(problemsOf(withoutDeployment).map((p) => p.input)).toEqual(['deployment'])
    expect(problemsOf({ ...withoutDeployment, probe: 'models' })).toEqual([])
  })

  it('refuses a scope without /.default, an http authority and allowed-hosts given as URLs', () => {
    const problems = problemsOf({
      ...minimal,
      scope: 'https://cognitiveservices.azure.com',
      'authority-host': 'http://login.microsoftonline.com',
      'allowed-hosts': 'https://gw.azure-api.net/'
    })
    expect(problems.map((p) => p.input)).toEqual(['scope', 'allowed-hosts', 'authority-host'])
  })

  it('requires the endpoint', () => {
    expect(problemsOf({ ...minimal, endpoint: '' })).toEqual([
      { input: 'endpoint', message: 'is required, e.g. https://<name>.openai.azure.com/' }
    ])
  })
})
