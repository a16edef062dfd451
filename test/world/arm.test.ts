import { EnvHttpProxyAgent, fetch } from 'undici'
import { beforeAll, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { federatedCredential } from './clients.ts'
import {
  ACCOUNT_NAME, ACCOUNT_RESOURCE_ID, buildScenario, COGNITIVE_SERVICES_SCOPE, MANAGEMENT_SCOPE, PRINCIPAL_ID, scenarios
} from './index.ts'

const RESOURCE_GRAPH = '/providers/Microsoft.ResourceGraph/resources?api-version=2021-03-01'
const ACCOUNT = `${ACCOUNT_RESOURCE_ID}?api-version=2024-10-01`
const AUTHORIZATION = `${ACCOUNT_RESOURCE_ID}/providers/Microsoft.Authorization`

describe('the ARM fake, shaped for the control-plane checks', () => {
  const world = worldInThisProcess()
  let token: string
  beforeAll(async () => {
    token = (await federatedCredential().getToken(MANAGEMENT_SCOPE)).token
  })

  async function arm(path: string, init: { method?: string; body?: unknown; bearer?: string } = {}) {
    const response = await fetch(`https://management.azure.com${path}`, { dispatcher: new EnvHttpProxyAgent(),
      method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers: { authorization: `Bearer ${init.bearer ?? token}`, 'content-type': 'application/json' } })
    return { status: response.status, body: await response.json() as Record<string, unknown> }
  }

  it('Resource Graph finds the account by its custom subdomain', async () => {
    world().scenario = buildScenario()
    const query = "resources | where type =~ 'microsoft.cognitiveservices/accounts' " +
      `| where properties.customSubDomainName =~ '${ACCOUNT_NAME}'`
    const { status, body } = await arm(RESOURCE_GRAPH, { method: 'POST', body: { query } })
    expect(status).toBe(200)
    expect(body).toMatchObject({ count: 1, data: [{ id: ACCOUNT_RESOURCE_ID, name: ACCOUNT_NAME, kind: 'OpenAI' }] })
  })

  it('the account GET carries the properties a diagnosis reads', async () => {
    world().scenario = buildScenario(scenarios.localAuthDisabled())
    const { status, body } = await arm(ACCOUNT)
    expect(status).toBe(200)
    expect(body).toMatchObject({ kind: 'OpenAI', properties: { customSubDomainName: ACCOUNT_NAME,
      disableLocalAuth: true, publicNetworkAccess: 'Enabled', endpoint: 'https://contoso.openai.azure.com/',
      networkAcls: { defaultAction: 'Allow' } } })
  })

  it('lists deployments, the caller\'s permissions and role assignments', async () => {
    world().scenario = buildScenario()
    const deployments = await arm(`${ACCOUNT_RESOURCE_ID}/deployments?api-version=2024-10-01`)
    const names = (deployments.body.value as { name: string }[]).map((d) => d.name)
    expect(names).toEqual(['gpt-4o-mini', 'o3-mini', 'text-embedding-3-small'])
    const permissions = await arm(`${AUTHORIZATION}/permissions?api-version=2022-04-01`)
    expect(permissions.body.value).toMatchObject([{ dataActions: expect.arrayContaining(
      ['Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action']) }])
    const filter = encodeURIComponent(`principalId eq '${PRINCIPAL_ID}'`)
    const assignments = await arm(`${AUTHORIZATION}/roleAssignments?api-version=2022-04-01&$filter=${filter}`)
    expect(assignments.body.value).toMatchObject([{ properties: { principalId: PRINCIPAL_ID,
      roleDefinitionId: expect.stringMatching(/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/) } }])
  })

  it('a principal without a role: Resource Graph silently finds nothing, the account GET fails', async () => {
    world().scenario = buildScenario(scenarios.missingRole())
    const query = `resources | where properties.customSubDomainName =~ '${ACCOUNT_NAME}'`
    const graph = await arm(RESOURCE_GRAPH, { method: 'POST', body: { query } })
    expect(graph.body).toMatchObject({ count: 0, data: [] })
    const account = await arm(ACCOUNT)
    expect(account).toMatchObject({ status: 403, body: { error: { code: 'AuthorizationFailed' } } })
  })

  it('a data-plane token is not an ARM token: 401 InvalidAuthenticationToken', async () => {
    world().scenario = buildScenario()
    const dataPlane = (await federatedCredential().getToken(COGNITIVE_SERVICES_SCOPE)).token
    expect(await arm(ACCOUNT, { bearer: dataPlane }))
      .toMatchObject({ status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } })
  })
})
