// The probe, end to end: each way the Azure OpenAI data plane refuses is named with its cause and the user's
// values; 429 warns (authentication works), 5xx is retried within the deadline, and the deadline always holds.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import {
  API_KEY,
  buildScenario,
  CHAT_DEPLOYMENT,
  EMBEDDINGS_DEPLOYMENT,
  ENDPOINT,
  OTHER_TENANT_ID,
  PRINCIPAL_ID,
  scenarios,
  TENANT_ID
} from '../world/index.ts'
import {
  checkStatuses,
  credentialedRequests,
  errorAnnotations,
  expectFailure,
  expectNoSecrets,
  expectWarning,
  OIDC_INPUTS,
  sharedWorld
} from './support.ts'

const world = sharedWorld()

const ACCOUNT_HOST = 'contoso.openai.azure.com'
const KEY_INPUTS = { endpoint: ENDPOINT, deployment: CHAT_DEPLOYMENT, auth: 'api-key' }

function probeStatuses(): number[] {
  return world().requests.filter((request) => request.host === ACCOUNT_HOST).map((request) => request.status)
}

describe('the token is refused', () => {
  it('an Owner-only principal gets missing-data-plane-role, with the role, its principal id and the az command', async () => {
    world().scenario = buildScenario({ accounts: [{ roleAssignments: [{ role: 'Owner' }] }] })
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'missing-data-plane-role')
    expect(annotation.message).toContain('Cognitive Services OpenAI User')
    expect(annotation.message).toContain(`az role assignment create --assignee-object-id ${PRINCIPAL_ID}`)
    expect(run.outputs['principal-id']).toBe(PRINCIPAL_ID)
    expect(probeStatuses()).toEqual([401])
  })

  it('a token of another tenant than the resource gets token-tenant-mismatch', async () => {
    world().scenario = buildScenario({ accounts: [{ tenantId: OTHER_TENANT_ID }] })
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'token-tenant-mismatch')
    expect(annotation.message).toContain(TENANT_ID)
  })

  it('a token for another audience gets wrong-token-audience before anything is sent to the endpoint', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, scope: 'https://management.azure.com/.default' } })
    const annotation = expectFailure(run, world(), 'wrong-token-audience')
    expect(annotation.message).toContain('https://management.azure.com')
    expect(annotation.message).toContain('https://cognitiveservices.azure.com/.default')
    expect(run.outputs['token-audience']).toBe('https://management.azure.com')
    expect(checkStatuses(run)).toMatchObject({ 'access-token': 'fail', probe: 'skip' })
    expect(credentialedRequests(world(), ACCOUNT_HOST)).toEqual([])
  })
})

describe('the request is wrong', () => {
  it('a deployment that does not exist gets deployment-not-found', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: 'gpt-5-missing' } })
    const annotation = expectFailure(run, world(), 'deployment-not-found')
    expect(annotation.message).toContain('/openai/deployments/gpt-5-missing/chat/completions')
    expect(annotation.message).toContain('404 The API deployment for this resource does not exist')
    expect(annotation.message).toContain('az cognitiveservices account deployment list')
  })

  it('an api-version the service does not know gets wrong-api-version-or-path', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'api-version': '2023-01-01' } })
    const annotation = expectFailure(run, world(), 'wrong-api-version-or-path')
    expect(annotation.message).toContain('2024-10-21')
  })

  it('an embeddings deployment probed as chat gets operation-not-supported, pointing at probe embeddings', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: EMBEDDINGS_DEPLOYMENT, probe: 'chat' } })
    const annotation = expectFailure(run, world(), 'operation-not-supported')
    expect(annotation.message).toContain('embeddings')
  })
})

describe('the resource refuses the caller', () => {
  it('firewall rules that deny the runner get network-blocked', async () => {
    world().scenario = buildScenario(scenarios.firewallDenied())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'network-blocked')
    expect(annotation.message).toContain('Virtual Network/Firewall')
  })

  it('a proxy that refuses the tunnel to the endpoint gets proxy-failure', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable(ACCOUNT_HOST, 'forbidden'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'proxy-failure')
    expect(annotation.message).toContain('Proxy response (403)')
    expect(world().requests.filter((request) => request.host === ACCOUNT_HOST)).toEqual([])
  })

  it('a key on a resource with local auth disabled gets local-auth-disabled, pointing at Entra ID', async () => {
    world().scenario = buildScenario(scenarios.localAuthDisabled())
    const run = await runAction(world(), { inputs: { ...KEY_INPUTS, 'api-key': API_KEY } })
    const annotation = expectFailure(run, world(), 'local-auth-disabled')
    expect(annotation.message).toContain('oidc')
    expect(world().requests.filter((request) => request.host === ACCOUNT_HOST)[0].headers['api-key']).toBe(API_KEY)
  })

  it('a wrong key gets invalid-api-key', async () => {
    const wrongKey = 'ffffffffffffffffffffffffffffffff'
    const run = await runAction(world(), { inputs: { ...KEY_INPUTS, 'api-key': wrongKey } })
    expectFailure(run, world(), 'invalid-api-key')
    expect(run.masks).toContain(wrongKey)
    expect(run.stdout.replaceAll(`::add-mask::${wrongKey}`, '')).not.toContain(wrongKey)
  })
})

describe('load, outages and the deadline', () => {
  it('a 429 warns throttled (authentication works), after retrying as Retry-After asks', { timeout: 30_000 }, async () => {
    world().scenario = buildScenario(scenarios.throttled(1))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectWarning(run, world(), 'throttled')
    expect(annotation.message).toMatch(/authenticated/)
    const probes = world().requests.filter((request) => request.host === ACCOUNT_HOST)
    expect(probes.map((request) => request.status)).toEqual([429, 429, 429])
    expect(probes[1].at - probes[0].at).toBeGreaterThanOrEqual(900)
  })

  it('a spent quota warns quota-exhausted at once, without waiting a day', async () => {
    world().scenario = buildScenario(scenarios.quotaExhausted())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectWarning(run, world(), 'quota-exhausted')
    expect(probeStatuses()).toEqual([429])
  })

  it('fail-on warning makes a throttled run fail the step', async () => {
    world().scenario = buildScenario(scenarios.quotaExhausted())
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'fail-on': 'warning' } })
    expect(run.outputs.result).toBe('warn')
    expect(run.exitCode).toBe(1)
    expect(errorAnnotations(run).map((annotation) => annotation.message).join('\n')).toContain('quota-exhausted')
    expectNoSecrets(run, world())
  })

  it('a 5xx that persists gets service-error after bounded retries', async () => {
    world().scenario = buildScenario(scenarios.serverError(500))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectFailure(run, world(), 'service-error')
    expect(probeStatuses()).toEqual([500, 500, 500])
  })

  it('a host that never answers hits the overall deadline: timeout, and the step ends promptly', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable(ACCOUNT_HOST, 'hang'))
    const started = Date.now()
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'timeout-seconds': '2' } })
    const annotation = expectFailure(run, world(), 'timeout')
    expect(annotation.message).toContain('2 s')
    expect(Date.now() - started).toBeLessThan(6000)
  })

  it('a GitHub OIDC endpoint that never answers hits the deadline too', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable('run-actions-3-azure-eastus.actions.githubusercontent.com', 'hang'))
    const started = Date.now()
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'timeout-seconds': '2' } })
    expectFailure(run, world(), 'timeout')
    expect(checkStatuses(run)).toMatchObject({ 'github-oidc': 'fail', probe: 'skip' })
    expect(Date.now() - started).toBeLessThan(6000)
  })
})
