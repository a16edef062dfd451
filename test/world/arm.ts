// Fake Azure Resource Manager, shaped for the later issue: Resource Graph lookup by custom subdomain, account GET,
// deployments list, the caller's permissions, role assignments. Control-plane RBAC uses the roles' `actions`.
import { verifyAccessToken, type AccessTokenClaims } from './access-tokens.ts'
import { armErrors, type FakeError } from './errors.ts'
import { bearerOf, json, type Fake, type FakeRequest, type FakeResponse, type WorldState } from './http.ts'
import { BUILT_IN_ROLES, roleGrants } from './roles.ts'
import type { Account, RoleAssignment } from './scenario.ts'

const ARM_AUDIENCES = ['https://management.azure.com', 'https://management.core.windows.net']
const ACCOUNT_TYPE = 'Microsoft.CognitiveServices/accounts'
const ACCOUNT_PATH =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.CognitiveServices\/accounts\/([^/]+))(\/.*)?$/i

const fail = (error: FakeError): FakeResponse => json(error.status, error.body)

function resourceGroupId(account: Account): string {
  return `/subscriptions/${account.subscriptionId}/resourceGroups/${account.resourceGroup}`
}

export function accountResourceId(account: Account): string {
  return `${resourceGroupId(account)}/providers/${ACCOUNT_TYPE}/${account.name}`
}

function assignmentScope(account: Account, scope: RoleAssignment['scope']): string {
  if (scope === 'subscription') return `/subscriptions/${account.subscriptionId}`
  if (scope === 'resource-group') return resourceGroupId(account)
  return accountResourceId(account)
}

function can(account: Account, principalId: string, action: string): boolean {
  return account.roleAssignments.some((assignment) => assignment.principalId === principalId &&
    roleGrants(BUILT_IN_ROLES[assignment.role], action, 'control'))
}

function endpointOf(account: Account): string {
  return account.customSubdomain
    ? `https://${account.customSubdomain}.openai.azure.com/`
    : `https://${account.location}.api.cognitive.microsoft.com/`
}

function accountBody(account: Account) {
  const endpoint = endpointOf(account)
  return {
    id: accountResourceId(account), name: account.name, type: ACCOUNT_TYPE, kind: account.kind,
    location: account.location, sku: { name: 'S0' }, etag: '"0a00b1c2-0000-0100-0000-66a0b1c20000"', tags: {},
    identity: { type: 'None' },
    properties: {
      endpoint,
      endpoints: { 'OpenAI Language Model Instance API': endpoint, 'OpenAI Dall-E API': endpoint,
        'OpenAI Realtime API': endpoint },
      customSubDomainName: account.customSubdomain,
      disableLocalAuth: account.disableLocalAuth,
      publicNetworkAccess: account.publicNetworkAccess,
      networkAcls: { defaultAction: account.firewallDeniesRunner ? 'Deny' : 'Allow', ipRules: [],
        virtualNetworkRules: [], bypass: 'AzureServices' },
      privateEndpointConnections: [],
      provisioningState: 'Succeeded',
      dateCreated: '2024-07-18T09:12:44.1234567Z',
      restrictOutboundNetworkAccess: false,
      capabilities: [{ name: 'VirtualNetworks' }, { name: 'CustomerManagedKey' },
        { name: 'MaxFineTuneCount', value: '500' }]
    }
  }
}

function deploymentsBody(account: Account) {
  return { value: account.deployments.map((d) => ({
    id: `${accountResourceId(account)}/deployments/${d.name}`, type: `${ACCOUNT_TYPE}/deployments`, name: d.name,
    sku: { name: d.sku, capacity: d.capacity },
    properties: {
      model: { format: 'OpenAI', name: d.model, version: d.version },
      versionUpgradeOption: 'OnceNewDefaultVersionAvailable',
      capabilities: d.kind === 'embeddings' ? { embeddings: 'true' } : { chatCompletion: 'true' },
      provisioningState: 'Succeeded',
      rateLimits: [{ key: 'request', renewalPeriod: 10, count: d.capacity }]
    }
  })) }
}

function resourceGraph(request: FakeRequest, state: WorldState, caller: AccessTokenClaims): FakeResponse {
  const query = String((JSON.parse(request.body || '{}') as { query?: string }).query ?? '')
  const subdomain = /customSubDomainName\s*=~\s*'([^']+)'/i.exec(query)?.[1]?.toLowerCase()
  // Resource Graph silently omits what the caller cannot read (reference/azure-facts.md §4).
  const data = state.scenario.accounts
    .filter((a) => a.tenantId === caller.tid && can(a, caller.oid, `${ACCOUNT_TYPE}/read`))
    .filter((a) => subdomain === undefined || a.customSubdomain?.toLowerCase() === subdomain)
    .map((a) => ({ id: accountResourceId(a), name: a.name, kind: a.kind, location: a.location,
      subscriptionId: a.subscriptionId, resourceGroup: a.resourceGroup, properties_endpoint: endpointOf(a) }))
  return json(200, { totalRecords: data.length, count: data.length, data, facets: [], resultTruncated: 'false' })
}

function roleAssignments(request: FakeRequest, account: Account): FakeResponse {
  const principal = /principalId\s+eq\s+'([^']+)'/i.exec(request.query.get('$filter') ?? '')?.[1]
  const value = account.roleAssignments
    .filter((a) => !principal || a.principalId === principal)
    .map((a, index) => {
      const name = `0000000${index}-aaaa-4bbb-8ccc-dddddddddddd`
      const scope = assignmentScope(account, a.scope)
      return {
        id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
        type: 'Microsoft.Authorization/roleAssignments', name,
        properties: {
          roleDefinitionId: `/subscriptions/${account.subscriptionId}/providers/Microsoft.Authorization/` +
            `roleDefinitions/${BUILT_IN_ROLES[a.role].id}`,
          principalId: a.principalId, principalType: 'ServicePrincipal', scope
        }
      }
    })
  return json(200, { value })
}

function permissions(account: Account, caller: AccessTokenClaims): FakeResponse {
  const value = account.roleAssignments.filter((a) => a.principalId === caller.oid).map((a) => {
    const { actions, notActions, dataActions, notDataActions } = BUILT_IN_ROLES[a.role]
    return { actions, notActions, dataActions, notDataActions }
  })
  return json(200, { value })
}

export const arm: Fake = async (request, state) => {
  const bearer = bearerOf(request)
  const caller = bearer ? await verifyAccessToken(bearer, ARM_AUDIENCES) : undefined
  if (!caller) return fail(armErrors.invalidAuthenticationToken())
  if (request.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources' && request.method === 'POST') {
    return resourceGraph(request, state, caller)
  }
  const match = ACCOUNT_PATH.exec(request.path)
  const account = match && state.scenario.accounts.find((a) => a.name.toLowerCase() === match[2].toLowerCase())
  if (!match || !account) return fail(armErrors.resourceNotFound(ACCOUNT_TYPE, match?.[2] ?? request.path, 'unknown'))
  const allowed = (action: string, answer: () => FakeResponse) => can(account, caller.oid, action)
    ? answer()
    : fail(armErrors.authorizationFailed(caller.oid, action, accountResourceId(account)))
  const rest = (match[3] ?? '').toLowerCase()
  if (rest === '') return allowed(`${ACCOUNT_TYPE}/read`, () => json(200, accountBody(account)))
  if (rest === '/deployments') {
    return allowed(`${ACCOUNT_TYPE}/deployments/read`, () => json(200, deploymentsBody(account)))
  }
  if (rest === '/providers/microsoft.authorization/permissions') return permissions(account, caller)
  if (rest === '/providers/microsoft.authorization/roleassignments') {
    return allowed('Microsoft.Authorization/roleAssignments/read', () => roleAssignments(request, account))
  }
  return json(404, { error: { code: 'InvalidResourceType',
    message: `The resource type could not be found for ${request.path}.` } })
}
