import * as core from '@actions/core'
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { azureOpenAiClient, federatedCredential } from './clients.ts'
import {
  API_VERSION, CHAT_DEPLOYMENT, CLIENT_ID, COGNITIVE_SERVICES_SCOPE, DEFAULT_SUBJECT, EMBEDDINGS_DEPLOYMENT, ENDPOINT,
  GITHUB_ISSUER, OIDC_REQUEST_URL, PRINCIPAL_ID, TENANT_ID, TOKEN_EXCHANGE_AUDIENCE
} from './index.ts'

describe('the happy path with the real libraries', () => {
  const world = worldInThisProcess()

  it('@actions/core getIDToken gets a GitHub token with the real claim set for the requested audience', async () => {
    const claims = decodeJwt(await core.getIDToken(TOKEN_EXCHANGE_AUDIENCE))
    expect(claims).toMatchObject({ iss: GITHUB_ISSUER, aud: TOKEN_EXCHANGE_AUDIENCE, sub: DEFAULT_SUBJECT,
      repository: 'octo-org/octo-repo', repository_owner_id: '123456', repository_id: '456789', ref: 'refs/heads/main',
      ref_type: 'branch', event_name: 'push', runner_environment: 'github-hosted' })
    const request = world().requests.find((r) => r.path.includes('/idtoken/'))
    expect(request).toMatchObject({ host: new URL(OIDC_REQUEST_URL).host, status: 200,
      query: { 'api-version': '2.0', audience: TOKEN_EXCHANGE_AUDIENCE } })
    expect(world().connects.every((c) => c.allowed)).toBe(true)
  })

  it('ClientAssertionCredential exchanges it for a v1 Cognitive Services token at Entra ID', async () => {
    const { token } = await federatedCredential().getToken(COGNITIVE_SERVICES_SCOPE, { enableCae: true })
    expect(decodeJwt(token)).toMatchObject({ aud: 'https://cognitiveservices.azure.com',
      iss: `https://sts.windows.net/${TENANT_ID}/`, tid: TENANT_ID, oid: PRINCIPAL_ID, appid: CLIENT_ID, idtyp: 'app',
      ver: '1.0' })
    const exchange = world().requests.find((r) => r.host === 'login.microsoftonline.com' && r.method === 'POST')
    expect(exchange?.path).toBe(`/${TENANT_ID}/oauth2/v2.0/token`)
    const form = new URLSearchParams(exchange?.body)
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(form.get('scope')).toBe(COGNITIVE_SERVICES_SCOPE)
  })

  it('AzureOpenAI answers a chat completion and an embedding with the Entra token', async () => {
    const client = azureOpenAiClient({ endpoint: ENDPOINT, apiVersion: API_VERSION })
    const messages = [{ role: 'user' as const, content: 'ping' }]
    const chat = await client.chat.completions.create({ model: CHAT_DEPLOYMENT, messages, max_tokens: 1 })
    expect(chat.object).toBe('chat.completion')
    const embedding = await client.embeddings.create({ model: EMBEDDINGS_DEPLOYMENT, input: 'ping' })
    expect(embedding.data[0].embedding.length).toBeGreaterThan(0)
    const calls = world().requests.filter((r) => r.host === 'contoso.openai.azure.com')
    expect(calls.map((r) => `${r.status} ${r.path}?api-version=${r.query['api-version']}`)).toEqual([
      `200 /openai/deployments/${CHAT_DEPLOYMENT}/chat/completions?api-version=${API_VERSION}`,
      `200 /openai/deployments/${EMBEDDINGS_DEPLOYMENT}/embeddings?api-version=${API_VERSION}`])
    expect(calls[0].headers.authorization).toMatch(/^Bearer ey/)
  })

  it('every request left the process only through the proxy, to hosts of the world', () => {
    const guardLog = (globalThis as { __testWorldGuard?: unknown[] }).__testWorldGuard
    expect(guardLog).toEqual([])
    const hosts = new Set(world().connects.map((c) => c.host))
    const expected = [new URL(OIDC_REQUEST_URL).host, 'login.microsoftonline.com', 'contoso.openai.azure.com']
    expect(hosts).toEqual(new Set(expected))
  })
})
