// The passing runs, end to end: the dated API, the v1 API, an API Management gateway the workflow allows, and
// compare mode, which probes with the key too and says what the difference proves.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import {
  API_KEY,
  buildScenario,
  CHAT_DEPLOYMENT,
  ENDPOINT,
  GATEWAY_HOST,
  PRINCIPAL_ID,
  REASONING_DEPLOYMENT,
  EMBEDDINGS_DEPLOYMENT,
  scenarios,
  TENANT_ID
} from '../world/index.ts'
import { checkStatuses, expectFailure, expectNoSecrets, expectPass, expectWarning, OIDC_INPUTS, sharedWorld } from './support.ts'

const world = sharedWorld()

const ACCOUNT_HOST = 'contoso.openai.azure.com'

function dataPlaneRequests() {
  return world().requests.filter((request) => request.host === ACCOUNT_HOST)
}

describe('a correctly configured workflow passes', () => {
  it('on the dated API: OIDC → Entra → a 1-token chat completion, with the token facts as outputs', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectPass(run, world())
    expect(run.outputs).toMatchObject({
      'principal-id': PRINCIPAL_ID,
      'tenant-id': TENANT_ID,
      'token-audience': 'https://cognitiveservices.azure.com',
      'token-issuer': `https://sts.windows.net/${TENANT_ID}/`,
      'oidc-subject': 'repo:octo-org/octo-repo:ref:refs/heads/main'
    })
    expect(Date.parse(run.outputs['token-expires-on'])).toBeGreaterThan(Date.now())
    expect(Object.values(checkStatuses(run)).every((status) => status === 'pass')).toBe(true)
    const [probe] = dataPlaneRequests()
    expect(probe).toMatchObject({ method: 'POST', path: '/openai/deployments/gpt-4o-mini/chat/completions', status: 200 })
    expect(probe.query['api-version']).toBe('2024-10-21')
    expect(JSON.parse(probe.body)).toMatchObject({ max_tokens: 1 })
    expect(probe.headers.authorization).toMatch(/^Bearer eyJ/)
    // One token exchange per scope: the probe's bearer provider reuses the token the Entra stage got (CAE cache);
    // the control plane's is for ARM.
    const scopes = world()
      .requests.filter((request) => request.host === 'login.microsoftonline.com')
      .map((request) => new URLSearchParams(request.body).get('scope'))
    expect(scopes.sort()).toEqual(['https://cognitiveservices.azure.com/.default', 'https://management.azure.com/.default'])
    // One GitHub token request: the assertion is reused while it is fresh, not fetched again for every MSAL call.
    expect(world().requests.filter((request) => request.path.includes('/idtoken/'))).toHaveLength(1)
    expect(run.summary).toContain(PRINCIPAL_ID)
    // The tokens the world() minted are among the secrets searched for, and each was masked.
    const minted = world().secrets().filter((secret) => secret.startsWith('eyJ'))
    expect(minted.length).toBeGreaterThanOrEqual(2)
    for (const token of minted) expect(run.masks).toContain(token)
  })

  it('on the v1 API: the probe goes to /openai/v1/chat/completions with the deployment as model', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'api-version': 'v1' } })
    expectPass(run, world())
    const [probe] = dataPlaneRequests()
    expect(probe).toMatchObject({ method: 'POST', path: '/openai/v1/chat/completions', status: 200 })
    expect(JSON.parse(probe.body)).toMatchObject({ model: 'gpt-4o-mini' })
  })

  it('ignores the SDKs own environment defaults (AZURE_OPENAI_API_KEY would make AzureOpenAI refuse a token)', async () => {
    const env = {
      AZURE_OPENAI_API_KEY: 'ffffffffffffffffffffffffffffffff',
      AZURE_OPENAI_ENDPOINT: 'https://elsewhere.openai.azure.com/',
      OPENAI_BASE_URL: 'https://elsewhere.openai.azure.com/openai',
      OPENAI_API_VERSION: '2023-05-15',
      OPENAI_API_KEY: 'sk-ignoredignoredignoredignored'
    }
    const run = await runAction(world(), { inputs: OIDC_INPUTS, env })
    expectPass(run, world())
    const [probe] = dataPlaneRequests()
    expect(probe.query['api-version']).toBe('2024-10-21')
    expect(probe.headers['api-key']).toBeUndefined()
  })

  it('in the US Government cloud: its sign-in host, token-exchange audience, scope and endpoint', async () => {
    // The federated credential of this scenario lists the USGov token-exchange audience.
    world().scenario = buildScenario(scenarios.audienceMismatch())
    const inputs = { ...OIDC_INPUTS, environment: 'azureusgovernment', endpoint: 'https://contoso.openai.azure.us/' }
    const run = await runAction(world(), { inputs })
    expectPass(run, world())
    expect(run.outputs['token-audience']).toBe('https://cognitiveservices.azure.us')
    const hosts = world().requests.map((request) => request.host)
    expect(hosts).toContain('login.microsoftonline.us')
    expect(hosts).not.toContain('login.microsoftonline.com')
    const oidc = world().requests.filter((request) => request.host.endsWith('.actions.githubusercontent.com'))
    expect(oidc.every((request) => request.query.audience === 'api://AzureADTokenExchangeUSGov')).toBe(true)
    expect(world().requests.at(-1)).toMatchObject({ host: 'contoso.openai.azure.us', status: 200 })
  })

  it('through an API Management gateway listed in allowed-hosts', async () => {
    const run = await runAction(world(), {
      inputs: { ...OIDC_INPUTS, endpoint: `https://${GATEWAY_HOST}/`, 'allowed-hosts': GATEWAY_HOST }
    })
    expectPass(run, world())
    expect(world().requests.filter((request) => request.host === GATEWAY_HOST).map((r) => r.status)).toEqual([200])
  })

  it('a reasoning deployment gets max_completion_tokens after refusing max_tokens, and the report says so', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: REASONING_DEPLOYMENT } })
    expectPass(run, world())
    const bodies = dataPlaneRequests().map((request) => [request.status, JSON.parse(request.body)])
    expect(bodies).toEqual([
      [400, expect.objectContaining({ max_tokens: 1 })],
      [200, expect.objectContaining({ max_completion_tokens: 1 })]
    ])
    expect(run.stdout).toContain('max_completion_tokens')
  })

  it('an embeddings deployment is probed with an embeddings call under probe auto', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: EMBEDDINGS_DEPLOYMENT } })
    expectPass(run, world())
    expect(dataPlaneRequests().map((request) => [request.path, request.status])).toEqual([
      ['/openai/deployments/text-embedding-3-small/embeddings', 200]
    ])
  })

  it('under probe auto without ARM, a deployment that refuses chat (OperationNotSupported) is probed with embeddings', async () => {
    world().scenario = buildScenario({ accounts: [{ deployments: [{}, {}, { name: 'vectors' }] }] })
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: 'vectors', 'arm-checks': 'off' } })
    expectPass(run, world())
    expect(dataPlaneRequests().map((request) => [request.path, request.status])).toEqual([
      ['/openai/deployments/vectors/chat/completions', 400],
      ['/openai/deployments/vectors/embeddings', 200]
    ])
  })

  it('with auth api-key on the v1 API, the key is the only credential sent', async () => {
    const run = await runAction(world(), {
      inputs: { endpoint: ENDPOINT, deployment: CHAT_DEPLOYMENT, auth: 'api-key', 'api-key': API_KEY, 'api-version': 'v1' }
    })
    expectPass(run, world())
    expect(checkStatuses(run)).toEqual({
      inputs: 'pass',
      'endpoint-url': 'pass',
      'endpoint-cloud': 'pass',
      'host-policy': 'pass',
      probe: 'pass'
    })
    expect(world().requests.map((request) => request.host)).toEqual([ACCOUNT_HOST])
    expect(run.outputs['principal-id']).toBe('')
  })

  it('probe models lists the models, and probe none sends nothing to the data plane', async () => {
    const models = await runAction(world(), { inputs: { ...OIDC_INPUTS, probe: 'models' } })
    expectPass(models, world())
    expect(dataPlaneRequests().map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', '/openai/models', 200]
    ])
    world().requests.length = 0
    const none = await runAction(world(), { inputs: { ...OIDC_INPUTS, probe: 'none' } })
    expectPass(none, world())
    expect(checkStatuses(none).probe).toBe('skip')
    expect(dataPlaneRequests()).toEqual([])
  })
})

describe('proxies: every library honours the standard variables by itself', () => {
  it('all traffic goes through HTTPS_PROXY, with no NODE_USE_ENV_PROXY, and nothing connects directly', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectPass(run, world())
    expect(run.blocked).toEqual([])
    const tunnelled = new Set(world().connects.map((connect) => connect.host))
    expect(tunnelled).toContain('login.microsoftonline.com')
    expect(tunnelled).toContain(ACCOUNT_HOST)
    expect([...tunnelled].some((host) => host.endsWith('.actions.githubusercontent.com'))).toBe(true)
  })

  it('the lowercase https_proxy works as well', async () => {
    const proxy = world().env().HTTPS_PROXY
    const run = await runAction(world(), { inputs: OIDC_INPUTS, env: { HTTPS_PROXY: '', https_proxy: proxy } })
    expectPass(run, world())
    expect(run.blocked).toEqual([])
  })

  it('NO_PROXY is honoured: a listed host is reached directly, and on a proxy-only runner does not resolve', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS, env: { NO_PROXY: ACCOUNT_HOST } })
    const annotation = expectFailure(run, world(), 'dns-failure')
    expect(annotation.message).toContain(`Check the host ${ACCOUNT_HOST}`)
    expect(checkStatuses(run)).toMatchObject({ 'entra-token': 'pass', probe: 'fail' })
    expect(run.blocked).toContain(`connect ${ACCOUNT_HOST}:443`)
    expect(world().connects.filter((connect) => connect.host === ACCOUNT_HOST)).toEqual([])
    expectNoSecrets(run, world())
  })
})

describe('compare mode (an api-key given with auth oidc)', () => {
  it('probes with the token and with the key, and says both work', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'api-key': API_KEY } })
    expectPass(run, world())
    const probes = dataPlaneRequests()
    expect(probes.map((request) => (request.headers['api-key'] ? 'key' : 'token'))).toEqual(['token', 'key'])
    expect(run.summary).toContain('The token and the key both work')
    expect(run.masks).toContain(API_KEY)
  })

  it('the classic report — the key works, the token gets 401 — is explained as the role, for an Owner-only principal', async () => {
    world().scenario = buildScenario({ accounts: [{ roleAssignments: [{ role: 'Owner' }] }] })
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'api-key': API_KEY } })
    const annotation = expectFailure(run, world(), 'missing-data-plane-role')
    expect(annotation.message).toContain(`az role assignment create --assignee-object-id ${PRINCIPAL_ID}`)
    expect(checkStatuses(run)).toMatchObject({ probe: 'fail', compare: 'pass' })
    expect(run.summary).toContain('The key works but the token is refused')
    expect(dataPlaneRequests().map((request) => request.status)).toEqual([401, 200])
  })

  it('token and key both over quota: a warning that authentication works, and nothing blames the credential', async () => {
    world().scenario = buildScenario(scenarios.quotaExhausted())
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'api-key': API_KEY } })
    expectWarning(run, world(), 'quota-exhausted')
    expect(checkStatuses(run)).toMatchObject({ probe: 'warn', compare: 'warn' })
    expect(run.summary).toContain('The token and the key are both accepted, so authentication and authorization work')
    expect(run.summary).not.toContain('not the credential')
    expect(dataPlaneRequests().map((request) => [request.headers['api-key'] ? 'key' : 'token', request.status]))
      .toEqual([['token', 429], ['key', 429]])
  })
})
