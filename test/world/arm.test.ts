import * as core from '@actions/core'
import { EnvHttpProxyAgent, fetch } from 'undici'
import { beforeAll, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { azureOpenAiClient, federatedCredential } from './clients.ts'
import {
  ACCOUNT_NAME, ACCOUNT_RESOURCE_ID, API_VERSION, buildScenario, CHAT_DEPLOYMENT, CLIENT_ID, COGNITIVE_SERVICES_SCOPE,
  ENDPOINT, MANAGEMENT_SCOPE, PRINCIPAL_ID, RESOURCE_GROUP, SECOND_ACCOUNT_NAME, SUBSCRIPTION_ID, scenarios,
  US_GOV_MANAGEMENT_SCOPE
} from './index.ts'

const RESOURCE_GRAPH = '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01'
const ACCOUNT = `${ACCOUNT_RESOURCE_ID}?api-version=2024-10-01`
const AUTHORIZATION = `${ACCOUNT_RESOURCE_ID}/providers/Microsoft.Authorization`
const BY_SUBDOMAIN = (subdomain: string) => "resources | where type =~ 'microsoft.cognitiveservices/accounts' " +
  `| where tostring(properties.customSubDomainName) =~ '${subdomain}' ` +
  '| project id, name, kind, location, subscriptionId, resourceGroup, endpoint = tostring(properties.endpoint), ' +
  'endpoints = properties.endpoints, publicNetworkAccess = tostring(properties.publicNetworkAccess)'

describe('the ARM fake, in the shapes of reference/arm-facts.md', () => {
  const world = worldInThisProcess()
  let token: string
  beforeAll(async () => {
    token = (await federatedCredential().getToken(MANAGEMENT_SCOPE)).token
  })

  async function arm(path: string, init: { method?: string; body?: unknown; bearer?: string | null; host?: string } = {}) {
    const bearer = init.bearer === undefined ? token : init.bearer
    const response = await fetch(`https://${init.host ?? 'management.azure.com'}${path}`, {
      dispatcher: new EnvHttpProxyAgent(), method: init.method ?? 'GET',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers: { ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }), 'content-type': 'application/json' }
    })
    return { status: response.status, headers: response.headers, body: await response.json() as Record<string, unknown> }
  }

  it('Resource Graph finds the account by its custom subdomain, lower-cases type, projects the columns asked for', async () => {
    world().scenario = buildScenario()
    const { status, body, headers } = await arm(RESOURCE_GRAPH, { method: 'POST', body: { query: BY_SUBDOMAIN('CONTOSO') } })
    expect(status).toBe(200)
    expect(body).toMatchObject({ count: 1, totalRecords: 1, resultTruncated: 'false', data: [{ id: ACCOUNT_RESOURCE_ID,
      name: ACCOUNT_NAME, kind: 'OpenAI', location: 'eastus', subscriptionId: SUBSCRIPTION_ID, endpoint: ENDPOINT,
      publicNetworkAccess: 'Enabled', endpoints: { 'OpenAI Language Model Instance API': ENDPOINT } }] })
    expect(Object.keys((body.data as object[])[0])).not.toContain('properties')
    expect(headers.get('x-ms-user-quota-remaining')).toBe('14')
    const all = await arm(RESOURCE_GRAPH, { method: 'POST', body: { query: 'resources | project id, type' } })
    expect(all.body.data).toEqual([{ id: ACCOUNT_RESOURCE_ID, type: 'microsoft.cognitiveservices/accounts' }])
  })

  it('Resource Graph: a bad query is 400 InvalidQuery; the subscriptions list limits the search', async () => {
    world().scenario = buildScenario()
    expect(await arm(RESOURCE_GRAPH, { method: 'POST', body: { query: 'accounts where' } }))
      .toMatchObject({ status: 400, body: { error: { code: 'BadRequest', details: [{ code: 'InvalidQuery' }, {}] } } })
    const elsewhere = await arm(RESOURCE_GRAPH, { method: 'POST',
      body: { query: BY_SUBDOMAIN(ACCOUNT_NAME), subscriptions: ['11111111-2222-4333-8444-555555555555'] } })
    expect(elsewhere.body).toMatchObject({ count: 0, data: [] })
  })

  it('the account GET carries the network, private endpoint, local-auth and provisioning properties', async () => {
    world().scenario = buildScenario({ accounts: [{ firewallDeniesRunner: true, ipRules: ['203.0.113.0/24',
      '198.51.100.17'], disableLocalAuth: true, privateEndpoints: ['pe-contoso-openai'] }] })
    const { status, body } = await arm(ACCOUNT)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: ACCOUNT_RESOURCE_ID, kind: 'OpenAI', location: 'eastus', properties: {
      customSubDomainName: ACCOUNT_NAME, disableLocalAuth: true, publicNetworkAccess: 'Enabled', endpoint: ENDPOINT,
      provisioningState: 'Succeeded',
      networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }, { value: '198.51.100.17' }] },
      privateEndpointConnections: [{ properties: { privateLinkServiceConnectionState: { status: 'Approved' },
        privateEndpoint: { id: expect.stringMatching(/privateEndpoints\/pe-contoso-openai$/) } } }] } })
  })

  it('a regional-only account has a null subdomain and the regional endpoint', async () => {
    world().scenario = buildScenario(scenarios.noCustomSubdomain())
    const { body } = await arm(ACCOUNT)
    expect(body).toMatchObject({ properties: { customSubDomainName: null,
      endpoint: 'https://eastus.api.cognitive.microsoft.com/' } })
  })

  it('deployments with model, sku and upgrade option; the model catalogue with deprecation and replacement', async () => {
    world().scenario = buildScenario(scenarios.retiringModel('Deprecating', 30, 'NoAutoUpgrade'))
    const deployments = await arm(`${ACCOUNT_RESOURCE_ID}/deployments?api-version=2024-10-01`)
    expect((deployments.body.value as { name: string }[]).map((d) => d.name))
      .toEqual(['gpt-4o-mini', 'o3-mini', 'text-embedding-3-small'])
    expect((deployments.body.value as unknown[])[0]).toMatchObject({ sku: { name: 'GlobalStandard', capacity: 50 },
      properties: { model: { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' },
        versionUpgradeOption: 'NoAutoUpgrade', deploymentState: 'Running' } })
    const models = await arm(`${ACCOUNT_RESOURCE_ID}/models?api-version=2024-10-01`)
    expect((models.body.value as unknown[])[0]).toMatchObject({ name: 'gpt-4o-mini', version: '2024-07-18',
      lifecycleStatus: 'Deprecating', deprecation: { inference: expect.stringMatching(/T00:00:00Z$/) },
      replacementConfig: { targetModelName: 'gpt-4.1-mini', targetModelVersion: '2025-04-14' } })
    const missing = await arm(`${ACCOUNT_RESOURCE_ID}/deployments/gpt4o?api-version=2024-10-01`)
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'ResourceNotFound' } } })
  })

  it('permissions: one entry per role with raw patterns; role assignments with createdOn; role definitions', async () => {
    world().scenario = buildScenario(scenarios.roleJustAssigned(600, 180))
    const permissions = await arm(`${AUTHORIZATION}/permissions?api-version=2022-04-01`)
    expect(permissions.body.value).toEqual([{ actions: expect.arrayContaining(['Microsoft.CognitiveServices/*/read']),
      notActions: [], dataActions: expect.arrayContaining(['Microsoft.CognitiveServices/accounts/OpenAI/responses/*']),
      notDataActions: ['Microsoft.CognitiveServices/accounts/OpenAI/stored-completions/read'] }])
    const filter = encodeURIComponent(`principalId eq '${PRINCIPAL_ID}'`)
    const assignments = await arm(`${AUTHORIZATION}/roleAssignments?api-version=2022-04-01&$filter=${filter}`)
    const [assignment] = assignments.body.value as { properties: { createdOn: string; roleDefinitionId: string } }[]
    expect(assignment).toMatchObject({ type: 'Microsoft.Authorization/roleAssignments', properties: {
      principalId: PRINCIPAL_ID, principalType: 'ServicePrincipal', scope: ACCOUNT_RESOURCE_ID,
      roleDefinitionId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/` +
        '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' } })
    expect(Date.now() - Date.parse(assignment.properties.createdOn)).toBeGreaterThanOrEqual(179_000)
    const definition = await arm(`${AUTHORIZATION}/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd` +
      '?api-version=2022-04-01')
    expect(definition.body).toMatchObject({ properties: { roleName: 'Cognitive Services OpenAI User', type: 'BuiltInRole' } })
  })

  it('an assignment at the resource group reaches the account and is listed with its own scope', async () => {
    world().scenario = buildScenario(scenarios.controlPlaneRoleOnly())
    const assignments = await arm(`${AUTHORIZATION}/roleAssignments?api-version=2022-04-01&$filter=atScope()`)
    expect(assignments.body.value).toMatchObject([{ properties: {
      scope: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}`,
      roleDefinitionId: expect.stringMatching(/b24988ac-6180-42a0-ab88-20f7382dd24c$/) } }])
    const permissions = await arm(`${AUTHORIZATION}/permissions?api-version=2022-04-01`)
    expect(permissions.body.value).toMatchObject([{ actions: ['*'], dataActions: [] }])
  })

  it('no role: Resource Graph silently finds nothing, the account GET is 403 AuthorizationFailed naming action and scope', async () => {
    world().scenario = buildScenario(scenarios.roleOnAnotherAccount())
    const graph = await arm(RESOURCE_GRAPH, { method: 'POST', body: { query: BY_SUBDOMAIN(ACCOUNT_NAME) } })
    expect(graph.body).toMatchObject({ count: 0, data: [] })
    const others = await arm(RESOURCE_GRAPH, { method: 'POST', body: { query: 'resources | project name' } })
    expect(others.body.data).toEqual([{ name: SECOND_ACCOUNT_NAME }])
    const account = await arm(ACCOUNT)
    expect(account).toMatchObject({ status: 403, body: { error: { code: 'AuthorizationFailed',
      message: `The client '${CLIENT_ID}' with object id '${PRINCIPAL_ID}' does not have authorization to perform ` +
        `action 'Microsoft.CognitiveServices/accounts/read' over scope '${ACCOUNT_RESOURCE_ID}' or the scope is ` +
        'invalid. If access was recently granted, please refresh your credentials.' } } })
  })

  it('404 bodies: ResourceNotFound, ResourceGroupNotFound, SubscriptionNotFound (after authorization)', async () => {
    world().scenario = buildScenario({ accounts: [{ roleAssignments: [{ role: 'Reader', scope: 'subscription' }] }] })
    const base = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups`
    expect(await arm(`${base}/${RESOURCE_GROUP}/providers/Microsoft.CognitiveServices/accounts/nope?api-version=2024-10-01`))
      .toMatchObject({ status: 404, body: { error: { code: 'ResourceNotFound', message: expect.stringContaining(
        "The Resource 'Microsoft.CognitiveServices/accounts/nope' under resource group") } } })
    expect(await arm(`${base}/rg-nope/providers/Microsoft.CognitiveServices/accounts/x?api-version=2024-10-01`))
      .toMatchObject({ status: 404, body: { error: { code: 'ResourceGroupNotFound' } } })
    world().scenario = buildScenario({ accounts: [{ roleAssignments: [{ role: 'Reader', scope: 'management-group' }] }] })
    expect(await arm('/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/rg/providers/' +
      'Microsoft.CognitiveServices/accounts/x?api-version=2024-10-01'))
      .toMatchObject({ status: 404, body: { error: { code: 'SubscriptionNotFound' } } })
  })

  it('401 bodies: no header, a token that is not ARM\'s (naming the allowed audiences), a forged token', async () => {
    world().scenario = buildScenario()
    expect(await arm(ACCOUNT, { bearer: null }))
      .toMatchObject({ status: 401, body: { error: { code: 'AuthenticationFailed' } } })
    const dataPlane = (await federatedCredential().getToken(COGNITIVE_SERVICES_SCOPE)).token
    expect(await arm(ACCOUNT, { bearer: dataPlane })).toMatchObject({ status: 401, body: { error: {
      code: 'InvalidAuthenticationTokenAudience', message: expect.stringContaining(
        "wrong audience or resource 'https://cognitiveservices.azure.com'. It should exactly match with one of the " +
        "allowed audiences 'https://management.core.windows.net/'") } } })
    expect(await arm(ACCOUNT, { bearer: `${token.slice(0, -4)}AAAA` }))
      .toMatchObject({ status: 401, body: { error: { code: 'InvalidAuthenticationToken' } } })
  })

  it('US Government: management.usgovcloudapi.net takes only its own audience and serves the US Gov account', async () => {
    world().scenario = buildScenario(scenarios.usGovernment())
    const govAssertion = () => core.getIDToken('api://AzureADTokenExchangeUSGov')
    const govToken = (await federatedCredential({ assertion: govAssertion }).getToken(US_GOV_MANAGEMENT_SCOPE)).token
    const host = 'management.usgovcloudapi.net'
    const graph = await arm(RESOURCE_GRAPH, { method: 'POST', host, bearer: govToken, body: { query: BY_SUBDOMAIN(ACCOUNT_NAME) } })
    expect(graph.body).toMatchObject({ count: 1, data: [{ endpoint: 'https://contoso.openai.azure.us/', location: 'usgovvirginia' }] })
    expect(await arm(ACCOUNT, { host })).toMatchObject({ status: 401, body: { error: {
      code: 'InvalidAuthenticationTokenAudience', message: expect.stringContaining("'https://management.usgovcloudapi.net'") } } })
    expect((await arm(RESOURCE_GRAPH, { method: 'POST', body: { query: BY_SUBDOMAIN(ACCOUNT_NAME) } })).body)
      .toMatchObject({ count: 0 })
  })

  it('propagation: ARM lists a fresh assignment at once, the data plane refuses until it has propagated', async () => {
    world().scenario = buildScenario(scenarios.roleJustAssigned(2, 60))
    const permissions = await arm(`${AUTHORIZATION}/permissions?api-version=2022-04-01`)
    expect(permissions.body.value).toHaveLength(1)
    const early = azureOpenAiClient({ endpoint: ENDPOINT, apiVersion: API_VERSION, deployment: CHAT_DEPLOYMENT })
    const ask = (client: typeof early) => client.chat.completions
      .create({ model: CHAT_DEPLOYMENT, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 })
      .then(() => 200, (error: { status?: number; code?: string }) => `${error.status} ${error.code}`)
    expect(await ask(early)).toBe('401 PermissionDenied')
    await new Promise((resolve) => setTimeout(resolve, 2300))
    // The token issued before the assignment propagated keeps the old view; a new one sees the role.
    expect(await ask(early)).toBe('401 PermissionDenied')
    const fresh = azureOpenAiClient({ endpoint: ENDPOINT, apiVersion: API_VERSION, deployment: CHAT_DEPLOYMENT,
      token: async () => (await federatedCredential().getToken(COGNITIVE_SERVICES_SCOPE)).token })
    expect(await ask(fresh)).toBe(200)
  })
})
