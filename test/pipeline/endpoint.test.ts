import { describe, expect, it } from 'vitest'
import { CLOUDS, type CloudName } from '../../src/azure/clouds.ts'
import type { TargetConfig } from '../../src/config/inputs.ts'
import { fixText } from '../../src/causes/fix.ts'
import { credentialHostVerdict } from '../../src/azure/host-policy.ts'
import { Deadline } from '../../src/net/deadline.ts'
import type { CheckResult } from '../../src/pipeline/types.ts'
import { explainError } from '../../src/pipeline/diagnose.ts'
import { checksFor, newRunContext } from '../../src/pipeline/pipeline.ts'
import { runChecks } from '../../src/pipeline/runner.ts'
import { SecretRegistry } from '../../src/security/secrets.ts'
import { analyseEndpoint } from '../../src/azure/endpoint.ts'
import type { TargetContext } from '../../src/pipeline/types.ts'

function target(endpoint: string, changes: Partial<TargetConfig> & { environment?: CloudName } = {}): TargetConfig {
  const cloud = CLOUDS[changes.environment ?? 'azurecloud']
  return {
    endpoint,
    deployment: 'gpt-4o-mini',
    apiVersion: '2024-10-21',
    auth: 'oidc',
    clientId: 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    cloud,
    oidcAudience: cloud.tokenExchangeAudience,
    authorityHost: cloud.authorityHost,
    probe: 'auto',
    allowedHosts: [],
    armChecks: 'off',
    waitForRoleSeconds: 0,
    ...changes
  }
}

/** Runs only the static endpoint checks (no network: they come before any stage that sends anything). */
async function staticChecks(config: TargetConfig): Promise<Record<string, CheckResult>> {
  const steps = checksFor(config).filter((step) => step.stage === 'inputs' || step.stage === 'endpoint')
  const event = { name: 'push', isForkPullRequest: false, isDependabot: false }
  const run: TargetContext = { ...newRunContext(new Deadline(5), event, new SecretRegistry()), config }
  const results = await runChecks(steps, run, run.deadline, (r, _step, error) =>
    explainError(r, error, { source: 'a static check' })
  )
  return Object.fromEntries(results.map((result) => [result.id, result]))
}

describe('static endpoint checks', () => {
  it('pass a custom subdomain endpoint and derive the Cognitive Services scope', async () => {
    const checks = await staticChecks(target('https://contoso.openai.azure.com/'))
    expect(Object.values(checks).map((check) => check.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass'])
    expect(checks['endpoint-host'].evidence.scope).toBe('https://cognitiveservices.azure.com/.default')
  })

  it.each(['https://contoso.cognitiveservices.azure.com', 'https://contoso.services.ai.azure.com/'])(
    'accept the other custom subdomain form %s',
    async (endpoint) => {
      const checks = await staticChecks(target(endpoint))
      expect(checks['endpoint-host'].status).toBe('pass')
    }
  )

  it('derive the Foundry audience for a Foundry project endpoint', () => {
    const { facts, problem } = analyseEndpoint(target('https://contoso.services.ai.azure.com/api/projects/chat-app'))
    expect(problem).toBeUndefined()
    expect(facts).toMatchObject({
      kind: 'foundry-project',
      base: 'https://contoso.services.ai.azure.com/api/projects/chat-app',
      scope: 'https://ai.azure.com/.default',
      expectedAudiences: ['https://ai.azure.com']
    })
  })

  it('keep a scope the workflow gives', () => {
    const { facts } = analyseEndpoint(
      target('https://contoso.openai.azure.com/', { scope: 'https://ai.azure.com/.default' })
    )
    expect(facts?.scope).toBe('https://ai.azure.com/.default')
  })

  it('turn a pasted request URL into the base endpoint, naming the deployment and api-version it held', async () => {
    const pasted =
      'https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-08-01-preview'
    const checks = await staticChecks(target(pasted))
    const check = checks['endpoint-url']
    expect(check).toMatchObject({ status: 'fail', cause: 'endpoint-malformed' })
    expect(check.detail).toContain('use the base endpoint https://contoso.openai.azure.com/')
    expect(check.detail).toContain("deployment 'gpt-4o'")
    expect(check.detail).toContain("api-version '2024-08-01-preview'")
    expect(fixText(check.fix ?? [])).toContain('https://contoso.openai.azure.com/')
    expect(checks['endpoint-cloud'].status).toBe('skip')
    expect(checks['host-policy'].detail).toBe('Skipped: "Endpoint is an https base URL" failed.')
  })

  it('treat a trailing /openai/ as extra path too', () => {
    expect(analyseEndpoint(target('https://contoso.openai.azure.com/openai/')).facts?.suggestedEndpoint).toBe(
      'https://contoso.openai.azure.com/'
    )
  })

  it.each([
    ['http://contoso.openai.azure.com/', 'uses http'],
    ['contoso.openai.azure.com', 'is not a URL'],
    ['https://user:pw@contoso.openai.azure.com/', 'user name or password']
  ])('refuse %s', async (endpoint, said) => {
    const check = (await staticChecks(target(endpoint)))['endpoint-url']
    expect(check).toMatchObject({ status: 'fail', cause: 'endpoint-malformed' })
    expect(check.detail).toContain(said)
  })

  it('fail a regional endpoint for tokens, saying why it needs the custom subdomain', async () => {
    const checks = await staticChecks(target('https://eastus.api.cognitive.microsoft.com/'))
    expect(checks['host-policy'].status).toBe('pass')
    expect(checks['endpoint-host']).toMatchObject({ status: 'fail', cause: 'regional-endpoint-no-subdomain' })
    expect(checks['endpoint-host'].detail).toContain('custom subdomain')
  })

  it('let a key go to a regional endpoint (keys work there)', async () => {
    const checks = await staticChecks(
      target('https://eastus.api.cognitive.microsoft.com/', { auth: 'api-key', apiKey: 'k'.repeat(32) })
    )
    expect(checks['endpoint-host']).toBeUndefined()
    expect(Object.values(checks).every((check) => check.status === 'pass')).toBe(true)
  })

  it('fail an endpoint of another cloud, naming both clouds', async () => {
    const check = (await staticChecks(target('https://contoso.openai.azure.us/')))['endpoint-cloud']
    expect(check).toMatchObject({ status: 'fail', cause: 'endpoint-cloud-mismatch' })
    expect(check.detail).toContain('azureusgovernment host, but environment is azurecloud')
  })

  it('pass a sovereign endpoint in its own cloud with that cloud scope', async () => {
    const checks = await staticChecks(target('https://contoso.openai.azure.us/', { environment: 'azureusgovernment' }))
    expect(checks['endpoint-host']).toMatchObject({ status: 'pass' })
    expect(checks['endpoint-host'].evidence.scope).toBe('https://cognitiveservices.azure.us/.default')
  })

  it('refuse to send credentials to a host that is not an Azure AI host nor allowed', async () => {
    const checks = await staticChecks(target('https://evil.example/'))
    expect(checks['host-policy']).toMatchObject({ status: 'fail', cause: 'untrusted-endpoint-host' })
    expect(checks['host-policy'].detail).toContain('no token or key was sent')
    expect(checks['endpoint-host'].status).toBe('skip')
  })

  it('accept an API Management gateway only when allowed-hosts lists it', async () => {
    const endpoint = 'https://octo-gateway.azure-api.net/'
    expect((await staticChecks(target(endpoint)))['host-policy'].cause).toBe('untrusted-endpoint-host')
    const allowed = await staticChecks(target(endpoint, { allowedHosts: ['octo-gateway.azure-api.net'] }))
    expect(allowed['host-policy'].status).toBe('pass')
    expect(allowed['endpoint-host'].detail).toContain('gateway')
    expect(analyseEndpoint(target(endpoint, { allowedHosts: ['*.azure-api.net'] })).facts?.kind).toBe('gateway')
  })
})

describe('the credential host policy', () => {
  const cloud = CLOUDS.azurecloud
  it.each([
    ['contoso.openai.azure.com', true],
    ['eastus.api.cognitive.microsoft.com', true],
    ['contoso.openai.azure.com.evil.example', false],
    ['evilopenai.azure.com', false],
    ['openai.azure.com', false],
    ['contoso.openai.azure.us', false]
  ])('%s may receive credentials: %s', (host, allowed) => {
    expect(credentialHostVerdict(host, cloud, []).allowed).toBe(allowed)
  })

  it('matches allowed-hosts exactly, or by *.suffix', () => {
    expect(credentialHostVerdict('gw.azure-api.net', cloud, ['gw.azure-api.net'])).toEqual({
      allowed: true,
      reason: 'allowed-hosts'
    })
    expect(credentialHostVerdict('other.azure-api.net', cloud, ['gw.azure-api.net']).allowed).toBe(false)
    expect(credentialHostVerdict('a.b.azure-api.net', cloud, ['*.azure-api.net']).allowed).toBe(true)
    expect(credentialHostVerdict('azure-api.net', cloud, ['*.azure-api.net']).allowed).toBe(false)
  })
})
