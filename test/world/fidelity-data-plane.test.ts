import * as core from '@actions/core'
import { ClientAssertionCredential, getBearerTokenProvider } from '@azure/identity'
import { decodeJwt, SignJWT } from 'jose'
import OpenAI, { APIConnectionError, APIError } from 'openai'
import { EnvHttpProxyAgent } from 'undici'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { azureOpenAiClient, federatedCredential } from './clients.ts'
import {
  AI_AZURE_SCOPE, API_KEY, API_VERSION, buildScenario, CHAT_DEPLOYMENT, CLIENT_ID, COGNITIVE_SERVICES_SCOPE,
  EMBEDDINGS_DEPLOYMENT,
  ENDPOINT, GATEWAY_HOST, MANAGEMENT_SCOPE, OTHER_TENANT_CLIENT_ID, OTHER_TENANT_ID, PRINCIPAL_ID, REASONING_DEPLOYMENT,
  REGIONAL_ENDPOINT, scenarios, TENANT_ID, type ScenarioOverrides
} from './index.ts'
import { signingKey } from './keys.ts'

const ping = [{ role: 'user' as const, content: 'ping' }]
// EnvHttpProxyAgent reads HTTPS_PROXY when it is made, so only once the world's variables are in place
// (the cast as in clients.ts).
const proxied = () => ({ fetchOptions: { dispatcher: new EnvHttpProxyAgent() } as never })

describe('Azure OpenAI answers each data-plane failure with its real status and body', () => {
  const world = worldInThisProcess()
  let cognitiveToken: string
  beforeAll(async () => {
    cognitiveToken = (await federatedCredential().getToken(COGNITIVE_SERVICES_SCOPE)).token
  })
  beforeEach(() => { world().requests.length = 0 })

  const withToken = (token: string, endpoint = ENDPOINT) =>
    azureOpenAiClient({ endpoint, apiVersion: API_VERSION, token: async () => token })
  const withKey = (apiKey: string, endpoint = ENDPOINT) =>
    azureOpenAiClient({ endpoint, apiVersion: API_VERSION, apiKey })
  const chat = (client: OpenAI, deployment = CHAT_DEPLOYMENT) =>
    client.chat.completions.create({ model: deployment, messages: ping, max_tokens: 1 })

  async function chatError(overrides: ScenarioOverrides, client = withToken(cognitiveToken),
    deployment = CHAT_DEPLOYMENT) {
    world().scenario = buildScenario(overrides)
    const error = await chat(client, deployment).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(APIError)
    return error as APIError
  }

  it('a principal without a data-plane role: 401 PermissionDenied naming principal and data action', async () => {
    const error = await chatError(scenarios.missingRole())
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
    expect(error.code).toBe('PermissionDenied')
    expect(error.message).toContain(`The principal \`${PRINCIPAL_ID}\` lacks the required data action ` +
      '`Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action`')
  })

  it('a principal that is only Contributor (control plane): the same 401 PermissionDenied', async () => {
    expect((await chatError(scenarios.controlPlaneRoleOnly())).code).toBe('PermissionDenied')
  })

  it('a bearer at the regional endpoint: 400 asking for a custom subdomain', async () => {
    const error = await chatError(scenarios.noCustomSubdomain(), withToken(cognitiveToken, REGIONAL_ENDPOINT))
    expect(error.status).toBe(400)
    expect(error.message)
      .toContain('Please provide a custom subdomain for token authentication, otherwise API key is required.')
  })

  it('the regional endpoint still takes the key', async () => {
    world().scenario = buildScenario(scenarios.noCustomSubdomain())
    await expect(chat(withKey(API_KEY, REGIONAL_ENDPOINT))).resolves.toBeTruthy()
  })

  it('public network access disabled, or a firewall without the runner: 403', async () => {
    expect((await chatError(scenarios.publicNetworkDisabled())).status).toBe(403)
    const firewall = await chatError(scenarios.firewallDenied())
    expect(firewall.status).toBe(403)
    expect(firewall.message).toContain('Access denied due to Virtual Network/Firewall rules.')
  })

  it('a key when local auth is disabled: 403 AuthenticationTypeDisabled; the Entra token still works', async () => {
    const error = await chatError(scenarios.localAuthDisabled(), withKey(API_KEY))
    expect(error.status).toBe(403)
    expect(error.code).toBe('AuthenticationTypeDisabled')
    await expect(chat(withToken(cognitiveToken))).resolves.toBeTruthy()
  })

  it('a wrong key: 401 "invalid subscription key or wrong API endpoint"', async () => {
    const error = await chatError({}, withKey('not-the-key'))
    expect(error.status).toBe(401)
    expect(error.message).toContain('Access denied due to invalid subscription key or wrong API endpoint.')
  })

  it('the v1 API takes the key as a bearer', async () => {
    world().scenario = buildScenario()
    const client = new OpenAI({ baseURL: `${ENDPOINT}openai/v1/`, apiKey: API_KEY, maxRetries: 0, ...proxied() })
    const completion = await chat(client)
    expect(completion.object).toBe('chat.completion')
    expect(world().requests[0]).toMatchObject({ path: '/openai/v1/chat/completions', status: 200 })
  })

  it('the v1 API with an ai.azure.com token lists models', async () => {
    world().scenario = buildScenario()
    const apiKey = getBearerTokenProvider(federatedCredential(), AI_AZURE_SCOPE)
    const client = new OpenAI({ baseURL: `${ENDPOINT}openai/v1/`, apiKey, maxRetries: 0, ...proxied() })
    const models = await client.models.list()
    expect(models.data.map((m) => m.id)).toContain('gpt-4o-mini')
  })

  it('throttling: 429 with Retry-After', async () => {
    const error = await chatError(scenarios.throttled(7))
    expect(error.status).toBe(429)
    expect(error.headers?.get('retry-after')).toBe('7')
    expect(error.message).toContain('Rate limit is exceeded. Try again in 7 seconds.')
  })

  it('quota exhausted: 429 with the long "retry after 86400 seconds" text', async () => {
    const error = await chatError(scenarios.quotaExhausted())
    expect(error.status).toBe(429)
    expect(error.message).toContain('Requests to the ChatCompletions_Create Operation under Azure OpenAI API ' +
      `version ${API_VERSION} have exceeded token rate limit`)
  })

  it('a server error: 500 InternalServerError, and 503', async () => {
    expect((await chatError(scenarios.serverError(500))).status).toBe(500)
    expect((await chatError(scenarios.serverError(503))).status).toBe(503)
  })

  it('an api-version the service does not know: 404 Resource not found', async () => {
    world().scenario = buildScenario()
    const client = azureOpenAiClient({ endpoint: ENDPOINT, apiVersion: '2023-01-01-nope',
      token: async () => cognitiveToken })
    const error = await chat(client).catch((e: unknown) => e as APIError)
    expect(error).toMatchObject({ status: 404, message: expect.stringContaining('Resource not found') })
  })

  it('an unknown deployment: 404 DeploymentNotFound', async () => {
    const error = await chatError({}, withToken(cognitiveToken), 'gpt-4o-typo')
    expect(error).toMatchObject({ status: 404, code: 'DeploymentNotFound' })
  })

  it('a reasoning model rejects max_tokens (400 unsupported_parameter) and accepts max_completion_tokens', async () => {
    const error = await chatError({}, withToken(cognitiveToken), REASONING_DEPLOYMENT)
    expect(error).toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'max_tokens' })
    const completion = await withToken(cognitiveToken).chat.completions
      .create({ model: REASONING_DEPLOYMENT, messages: ping, max_completion_tokens: 16 })
    expect(completion.object).toBe('chat.completion')
  })

  it('chat on an embeddings deployment: 400 OperationNotSupported', async () => {
    const error = await chatError({}, withToken(cognitiveToken), EMBEDDINGS_DEPLOYMENT)
    expect(error).toMatchObject({ status: 400, code: 'OperationNotSupported' })
    expect(error.message)
      .toContain('The chatCompletion operation does not work with the specified model, text-embedding-3-small.')
  })

  it('a token of another tenant: 401', async () => {
    const otherTenant = federatedCredential({ tenantId: OTHER_TENANT_ID, clientId: OTHER_TENANT_CLIENT_ID })
    const other = await otherTenant.getToken(COGNITIVE_SERVICES_SCOPE)
    const error = await chatError({}, withToken(other.token))
    expect(error.status).toBe(401)
    expect(error.message).toContain('audience is incorrect (https://cognitiveservices.azure.com), or have expired')
  })

  it('a token for another audience (ARM): 401', async () => {
    const management = await federatedCredential().getToken(MANAGEMENT_SCOPE)
    expect((await chatError({}, withToken(management.token))).status).toBe(401)
  })

  it('forged tokens are rejected: another key, an expired token, a wrong audience', async () => {
    const claims = { aud: 'https://cognitiveservices.azure.com', iss: `https://sts.windows.net/${TENANT_ID}/`,
      tid: TENANT_ID, oid: PRINCIPAL_ID, ver: '1.0' }
    const now = Math.floor(Date.now() / 1000)
    const sign = async (key: 'entra' | 'forger', body: Record<string, unknown>) => {
      const { privateKey, kid } = await signingKey(key)
      return new SignJWT(body).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey)
    }
    const forged = [
      await sign('forger', { ...claims, iat: now, exp: now + 3600 }),
      await sign('entra', { ...claims, iat: now - 7200, exp: now - 3600 }),
      await sign('entra', { ...claims, aud: 'https://vault.azure.net', iat: now, exp: now + 3600 })
    ]
    for (const token of forged) expect((await chatError({}, withToken(token))).status).toBe(401)
    // the control: the same claims signed by Entra's key, in date, are accepted
    const genuine = await sign('entra', { ...claims, iat: now, exp: now + 3600 })
    await expect(chat(withToken(genuine))).resolves.toBeTruthy()
  })

  it('an API Management gateway validates the token and calls with its own identity (no caller role)', async () => {
    world().scenario = buildScenario(scenarios.missingRole())
    const completion = await chat(withToken(cognitiveToken, `https://${GATEWAY_HOST}/`))
    expect(completion.object).toBe('chat.completion')
    expect(world().requests[0].host).toBe(GATEWAY_HOST)
  })

  it('the US Government cloud: login.microsoftonline.us, the USGov exchange audience, a .us token and endpoint', async () => {
    world().scenario = buildScenario(scenarios.audienceMismatch())
    const credential = new ClientAssertionCredential(TENANT_ID, CLIENT_ID,
      () => core.getIDToken('api://AzureADTokenExchangeUSGov'),
      { authorityHost: 'https://login.microsoftonline.us', retryOptions: { maxRetries: 0 } })
    const { token } = await credential.getToken('https://cognitiveservices.azure.us/.default')
    expect(decodeJwt(token).aud).toBe('https://cognitiveservices.azure.us')
    await expect(chat(withToken(token, 'https://contoso.openai.azure.us/'))).resolves.toBeTruthy()
    const error = await chat(withToken(cognitiveToken, 'https://contoso.openai.azure.us/')).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 401, message: expect.stringContaining('(https://cognitiveservices.azure.us)') })
    expect(world().requests.map((r) => r.host)).toContain('login.microsoftonline.us')
  })

  it('an endpoint host that does not exist: the proxy answers 502 and openai reports a connection error', async () => {
    world().scenario = buildScenario()
    const typo = withToken(cognitiveToken, 'https://contoso-typo.openai.azure.com/')
    const error = await chat(typo).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(APIConnectionError)
    expect(world().connects.at(-1)).toEqual({ host: 'contoso-typo.openai.azure.com', port: 443, allowed: false })
    expect(world().requests).toEqual([])
  })
})
