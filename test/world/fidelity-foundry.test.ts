// The Foundry project surface of the fake data plane, seen through the real openai and @azure/identity clients
// configured as Microsoft shows for projects: OpenAI at `<project>/openai/v1/` with an ai.azure.com token provider.
import { getBearerTokenProvider } from '@azure/identity'
import OpenAI, { APIError } from 'openai'
import { EnvHttpProxyAgent } from 'undici'
import { beforeEach, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { azureOpenAiClient, federatedCredential } from './clients.ts'
import {
  AI_AZURE_SCOPE, API_VERSION, buildScenario, CHAT_DEPLOYMENT, COGNITIVE_SERVICES_SCOPE, FOUNDRY_HOST,
  FOUNDRY_PROJECT_ENDPOINT, PRINCIPAL_ID, scenarios
} from './index.ts'

const ping = [{ role: 'user' as const, content: 'ping' }]

function projectClient(scope: string, baseURL = `${FOUNDRY_PROJECT_ENDPOINT}/openai/v1/`) {
  const apiKey = getBearerTokenProvider(federatedCredential(), scope)
  // EnvHttpProxyAgent reads HTTPS_PROXY when it is made, so only once the world's variables are in place.
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, fetchOptions: { dispatcher: new EnvHttpProxyAgent() } as never })
}

async function chatError(client: OpenAI): Promise<APIError> {
  const error = await client.chat.completions.create({ model: CHAT_DEPLOYMENT, messages: ping, max_tokens: 1 })
    .then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(APIError)
  return error as APIError
}

describe('a Foundry project answers as the real service does', () => {
  const world = worldInThisProcess(scenarios.foundryProject())
  beforeEach(() => {
    world().scenario = buildScenario(scenarios.foundryProject())
    world().requests.length = 0
  })

  it('an ai.azure.com token with Foundry User: chat completions and the models list on <project>/openai/v1', async () => {
    const client = projectClient(AI_AZURE_SCOPE)
    const completion = await client.chat.completions.create({ model: CHAT_DEPLOYMENT, messages: ping, max_tokens: 1 })
    expect(completion.choices[0].message.content).toBe('Pong')
    expect((await client.models.list()).data.map((model) => model.id)).toContain('gpt-4o-mini')
    expect(world().requests.filter((r) => r.host === FOUNDRY_HOST).map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/api/projects/my-project/openai/v1/chat/completions', 200],
      ['GET', '/api/projects/my-project/openai/v1/models', 200]
    ])
  })

  it('a cognitiveservices token: 401 whose body names the audience the project expects', async () => {
    const error = await chatError(projectClient(COGNITIVE_SERVICES_SCOPE))
    expect(error.status).toBe(401)
    expect(error.error).toEqual({ statusCode: 401, message: 'Unauthorized. Access token is missing, invalid, audience ' +
      'is incorrect (https://ai.azure.com), or have expired.' })
  })

  it('the account host itself still takes the cognitiveservices token (the audience rule is the project\'s)', async () => {
    const client = azureOpenAiClient({ endpoint: `https://${FOUNDRY_HOST}/`, apiVersion: API_VERSION,
      deployment: CHAT_DEPLOYMENT })
    await expect(client.chat.completions.create({ model: CHAT_DEPLOYMENT, messages: ping, max_tokens: 1 }))
      .resolves.toMatchObject({ object: 'chat.completion' })
  })

  it('only Cognitive Services OpenAI User: 401 PermissionDenied naming the Foundry data action and its help link', async () => {
    world().scenario = buildScenario(
      scenarios.foundryProject({ roleAssignments: [{ role: 'Cognitive Services OpenAI User' }] }))
    const error = await chatError(projectClient(AI_AZURE_SCOPE))
    expect(error.status).toBe(401)
    expect(error.code).toBe('PermissionDenied')
    expect(error.message).toContain(`The principal \`${PRINCIPAL_ID}\` lacks the required data action ` +
      '`Microsoft.CognitiveServices/accounts/AIServices/agents/write` to perform ' +
      '`POST /api/projects/{projectName}/openai/*` operation. For instructions on granting the necessary ' +
      'permissions, see https://aka.ms/FoundryPermissions.')
  })

  it('the dated API under a project, and a project that does not exist: 404 Resource not found', async () => {
    const dated = azureOpenAiClient({ endpoint: `${FOUNDRY_PROJECT_ENDPOINT}/`, apiVersion: API_VERSION,
      token: getBearerTokenProvider(federatedCredential(), AI_AZURE_SCOPE) })
    expect((await chatError(dated)).status).toBe(404)
    const elsewhere = projectClient(AI_AZURE_SCOPE, `https://${FOUNDRY_HOST}/api/projects/other-project/openai/v1/`)
    expect((await chatError(elsewhere)).status).toBe(404)
  })
})
