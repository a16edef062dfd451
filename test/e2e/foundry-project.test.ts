// Foundry project endpoints end to end: `https://<account>.services.ai.azure.com/api/projects/<project>` takes
// tokens for https://ai.azure.com only, serves the v1 API under the project, and checks the Foundry data actions.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import {
  buildScenario,
  CHAT_DEPLOYMENT,
  FOUNDRY_HOST,
  FOUNDRY_PROJECT_ENDPOINT,
  PRINCIPAL_ID,
  REASONING_DEPLOYMENT,
  scenarios
} from '../world/index.ts'
import {
  checkStatuses,
  credentialedRequests,
  expectFailure,
  expectPass,
  OIDC_INPUTS,
  sharedWorld
} from './support.ts'

const world = sharedWorld()

const INPUTS = { ...OIDC_INPUTS, endpoint: FOUNDRY_PROJECT_ENDPOINT }
const PROJECT_V1 = '/api/projects/my-project/openai/v1'

function foundryRequests() {
  return world().requests.filter((request) => request.host === FOUNDRY_HOST)
}

function tokenScopes(): string[] {
  return world()
    .requests.filter((request) => request.host === 'login.microsoftonline.com' && request.method === 'POST')
    .map((request) => new URLSearchParams(request.body).get('scope') ?? '')
}

describe('a Foundry project endpoint', () => {
  it('passes: a token for https://ai.azure.com, and the probe on the project v1 API with the deployment as model', async () => {
    world().scenario = buildScenario(scenarios.foundryProject())
    const run = await runAction(world(), { inputs: INPUTS })
    expectPass(run, world())
    expect(run.outputs['token-audience']).toBe('https://ai.azure.com')
    expect(tokenScopes().sort()).toEqual(['https://ai.azure.com/.default', 'https://management.azure.com/.default'])
    const [probe, ...more] = foundryRequests()
    expect(more).toEqual([])
    expect(probe).toMatchObject({ method: 'POST', path: `${PROJECT_V1}/chat/completions`, status: 200 })
    // The default api-version (a dated one) is not sent: a project serves the v1 API only.
    expect(probe.query['api-version']).toBeUndefined()
    expect(JSON.parse(probe.body)).toMatchObject({ model: CHAT_DEPLOYMENT, max_tokens: 1 })
    expect(run.summary).toContain(`${FOUNDRY_PROJECT_ENDPOINT}/openai/v1/`)
  })

  it('passes with a trailing slash, a reasoning deployment, and probe models', async () => {
    world().scenario = buildScenario(scenarios.foundryProject())
    const endpoint = `${FOUNDRY_PROJECT_ENDPOINT}/`
    const chat = await runAction(world(), { inputs: { ...INPUTS, endpoint, deployment: REASONING_DEPLOYMENT } })
    expectPass(chat, world())
    const models = await runAction(world(), { inputs: { ...INPUTS, endpoint, probe: 'models' } })
    expectPass(models, world())
    expect(foundryRequests().map((request) => [request.method, request.path, request.status])).toEqual([
      ['POST', `${PROJECT_V1}/chat/completions`, 400],
      ['POST', `${PROJECT_V1}/chat/completions`, 200],
      ['GET', `${PROJECT_V1}/models`, 200]
    ])
  })

  it('with scope forced to cognitiveservices gets wrong-token-audience naming https://ai.azure.com, and no token is sent', async () => {
    world().scenario = buildScenario(scenarios.foundryProject())
    const scope = 'https://cognitiveservices.azure.com/.default'
    const run = await runAction(world(), { inputs: { ...INPUTS, scope } })
    const annotation = expectFailure(run, world(), 'wrong-token-audience')
    expect(run.outputs['token-audience']).toBe('https://cognitiveservices.azure.com')
    expect(annotation.message).toContain('takes https://ai.azure.com')
    expect(annotation.message).toContain('https://ai.azure.com/.default')
    expect(checkStatuses(run)).toMatchObject({ 'access-token': 'fail', probe: 'skip' })
    expect(credentialedRequests(world(), FOUNDRY_HOST)).toEqual([])
  })

  it('with only Cognitive Services OpenAI User gets missing-data-plane-role, naming Foundry User (by its id) and the Foundry data action', async () => {
    const openAiUserOnly = { roleAssignments: [{ role: 'Cognitive Services OpenAI User' as const }] }
    world().scenario = buildScenario(scenarios.foundryProject(openAiUserOnly))
    const run = await runAction(world(), { inputs: INPUTS })
    const annotation = expectFailure(run, world(), 'missing-data-plane-role')
    expect(annotation.message).toContain('Microsoft.CognitiveServices/accounts/AIServices/agents/write')
    expect(annotation.message).toContain(
      `az role assignment create --assignee-object-id ${PRINCIPAL_ID} --assignee-principal-type ServicePrincipal ` +
        '--role 53ca6127-db72-4b80-b1b0-d745d6d5456d'
    )
    expect(annotation.message).toContain('Assign "Foundry User" (formerly "Azure AI User"')
    // The control plane found the account: the command names its real resource id.
    expect(annotation.message).toContain('--scope /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/' +
      'rg-octo-ai/providers/Microsoft.CognitiveServices/accounts/contoso-foundry')
    expect(foundryRequests().map((request) => request.status)).toEqual([401])
  })

  it('pasted with the request path gets endpoint-malformed and the project endpoint to use', async () => {
    const pasted = `${FOUNDRY_PROJECT_ENDPOINT}/openai/v1/chat/completions`
    const run = await runAction(world(), { inputs: { ...INPUTS, endpoint: pasted } })
    const annotation = expectFailure(run, world(), 'endpoint-malformed')
    expect(annotation.message).toContain(`${FOUNDRY_PROJECT_ENDPOINT}/`)
    expect(credentialedRequests(world(), FOUNDRY_HOST)).toEqual([])
  })
})
