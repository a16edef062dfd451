// Fake Azure Resource Manager, in the shapes of reference/arm-facts.md: per cloud (public, US Gov, China hosts and
// token audiences, (g)); Resource Graph by custom subdomain, silently empty without read ((a)); the account GET
// ((b)); deployments and the account's model catalogue with deprecation ((c)); the caller's permissions ((d)); role
// assignments with createdOn and role definitions ((e)); ARM's real 401/403/404 bodies ((f)). Authorization comes
// from the one role-assignment table the data plane also reads (rbac.ts): ARM sees an assignment at once, the data
// plane only once it has propagated ((h)). ARM authorizes before it resolves: no read at a scope is 403 even when
// nothing exists there ((f), "ARM 403 vs 404 ordering").
import { verifyAccessToken, type AccessTokenClaims } from './access-tokens.ts'
import { KNOWN_RESOURCES } from './entra.ts'
import { armErrors, type FakeError } from './errors.ts'
import { bearerOf, json, type Fake, type FakeRequest, type FakeResponse, type WorldState } from './http.ts'
import {
  ACCOUNT_TYPE, accountResourceId, allAssignments, assignmentsReaching, cloudOf, controlPlaneAllows,
  resourceGroupScope, scopeCovers, tenantOfScope
} from './rbac.ts'
import { roleNamed, roleWithId } from './roles.ts'
import type { Account, CloudKey, Deployment, Scenario } from './scenario.ts'

export { accountResourceId } from './rbac.ts'

interface ArmCloud {
  host: string
  /** The audiences ARM accepts, in the order its 401 lists them (arm-facts.md (g) and (f)). */
  audiences: string[]
  subdomainSuffix: string
  foundrySuffix: string
  regionalSuffix: string
}

const CLOUDS: Record<CloudKey, ArmCloud> = {
  public: { host: 'management.azure.com',
    audiences: ['https://management.core.windows.net/', 'https://management.core.windows.net',
      'https://management.azure.com/', 'https://management.azure.com'],
    subdomainSuffix: 'openai.azure.com', foundrySuffix: 'services.ai.azure.com',
    regionalSuffix: 'api.cognitive.microsoft.com' },
  usgov: { host: 'management.usgovcloudapi.net',
    audiences: ['https://management.core.usgovcloudapi.net/', 'https://management.core.usgovcloudapi.net',
      'https://management.usgovcloudapi.net/', 'https://management.usgovcloudapi.net'],
    subdomainSuffix: 'openai.azure.us', foundrySuffix: 'services.ai.azure.us',
    regionalSuffix: 'api.cognitive.microsoft.us' },
  china: { host: 'management.chinacloudapi.cn',
    audiences: ['https://management.core.chinacloudapi.cn/', 'https://management.core.chinacloudapi.cn',
      'https://management.chinacloudapi.cn/', 'https://management.chinacloudapi.cn'],
    subdomainSuffix: 'openai.azure.cn', foundrySuffix: 'services.ai.azure.cn', regionalSuffix: 'api.cognitive.azure.cn' }
}

const ANY_AUDIENCE = [...new Set([...KNOWN_RESOURCES, ...KNOWN_RESOURCES.map((r) => `${r}/`)])]
const DEFAULT_CREATED_ON = '2024-07-18T09:20:11.4904312Z'
const AUTHORIZATION = '/providers/microsoft.authorization'
const DAY_MS = 86_400_000

const fail = (error: FakeError): FakeResponse => json(error.status, error.body, error.headers)

interface Caller {
  claims: AccessTokenClaims
  cloud: CloudKey
}

function cloudOfHost(host: string): CloudKey {
  return (Object.entries(CLOUDS).find(([, c]) => c.host === host)?.[0] as CloudKey | undefined) ?? 'public'
}

/** The accounts this ARM host serves to this caller's tenant. */
function accountsOf(scenario: Scenario, caller: Caller): Account[] {
  return scenario.accounts.filter((a) => cloudOf(a) === caller.cloud && a.tenantId === caller.claims.tid)
}

function endpointsOf(account: Account): { endpoint: string; endpoints: Record<string, string> } {
  const cloud = CLOUDS[cloudOf(account)]
  if (!account.customSubdomain) {
    const regional = `https://${account.location}.${cloud.regionalSuffix}/`
    return { endpoint: regional, endpoints: Object.fromEntries(['OpenAI Dall-E API',
      'OpenAI Language Model Instance API', 'OpenAI Model Scaleset API', 'OpenAI Moderations API',
      'OpenAI Realtime API', 'OpenAI Whisper API', 'Token Service API'].map((key) => [key, regional])) }
  }
  const openai = `https://${account.customSubdomain}.${cloud.subdomainSuffix}/`
  if (account.kind === 'AIServices') {
    const cognitive = `https://${account.customSubdomain}.${cloud.subdomainSuffix.replace('openai.', 'cognitiveservices.')}/`
    const foundry = `https://${account.customSubdomain}.${cloud.foundrySuffix}/`
    return { endpoint: cognitive, endpoints: { 'AI Foundry API': foundry,
      'Azure AI Model Inference API': `${foundry}models`, 'OpenAI Language Model Instance API': openai,
      'OpenAI Dall-E API': openai, 'OpenAI Realtime API': openai, 'Token Service API': cognitive } }
  }
  return { endpoint: openai, endpoints: { 'OpenAI Dall-E API': openai, 'OpenAI Language Model Instance API': openai,
    'OpenAI Model Scaleset API': openai, 'OpenAI Moderations API': openai, 'OpenAI Realtime API': openai,
    'OpenAI Whisper API': openai, 'Token Service API': openai } }
}

function accountProperties(account: Account) {
  const { endpoint, endpoints } = endpointsOf(account)
  const id = accountResourceId(account)
  return {
    endpoint, endpoints,
    customSubDomainName: account.customSubdomain,
    disableLocalAuth: account.disableLocalAuth,
    publicNetworkAccess: account.publicNetworkAccess,
    networkAcls: {
      defaultAction: account.firewallDeniesRunner ? 'Deny' : 'Allow',
      bypass: 'AzureServices',
      ipRules: (account.ipRules ?? []).map((value) => ({ value })),
      virtualNetworkRules: []
    },
    privateEndpointConnections: (account.privateEndpoints ?? []).map((name) => ({
      id: `${id}/privateEndpointConnections/${name}.0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
      name: `${name}.0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
      type: `${ACCOUNT_TYPE}/privateEndpointConnections`,
      properties: {
        privateEndpoint: { id: `${resourceGroupScope(account)}/providers/Microsoft.Network/privateEndpoints/${name}` },
        privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' },
        provisioningState: 'Succeeded',
        groupIds: ['account']
      }
    })),
    provisioningState: account.provisioningState ?? 'Succeeded',
    dateCreated: '2024-07-18T09:12:44.1234567Z',
    isMigrated: false,
    restrictOutboundNetworkAccess: false,
    capabilities: [{ name: 'VirtualNetworks' }, { name: 'CustomerManagedKey' },
      { name: 'TrustedServices', value: 'Microsoft.CognitiveServices,Microsoft.MachineLearningServices,Microsoft.Search' },
      { name: 'RaiMonitor' }]
  }
}

function accountBody(account: Account) {
  return {
    id: accountResourceId(account), name: account.name, type: ACCOUNT_TYPE, kind: account.kind,
    location: account.location, sku: { name: 'S0' }, etag: '"0a00b1c2-0000-0100-0000-66a0b1c20000"', tags: {},
    identity: { type: 'None' },
    properties: accountProperties(account),
    systemData: { createdAt: '2024-07-18T09:12:41.9182736Z', createdByType: 'User',
      lastModifiedAt: '2024-07-18T09:12:41.9182736Z', lastModifiedByType: 'User' }
  }
}

function deploymentBody(account: Account, d: Deployment) {
  return {
    id: `${accountResourceId(account)}/deployments/${d.name}`, type: `${ACCOUNT_TYPE}/deployments`, name: d.name,
    sku: { name: d.sku, capacity: d.capacity },
    properties: {
      model: { format: 'OpenAI', name: d.model, version: d.version },
      versionUpgradeOption: d.versionUpgradeOption ?? 'OnceNewDefaultVersionAvailable',
      capabilities: d.kind === 'embeddings'
        ? { embeddings: 'true', embeddingsMaxInputs: '2048' }
        : { chatCompletion: 'true', maxContextToken: '128000', maxOutputToken: '16384' },
      provisioningState: 'Succeeded',
      deploymentState: 'Running',
      raiPolicyName: 'Microsoft.DefaultV2',
      rateLimits: [{ key: 'request', renewalPeriod: 10, count: d.capacity },
        { key: 'token', renewalPeriod: 60, count: d.capacity * 1000 }]
    }
  }
}

/** The account's model catalogue (`Accounts_ListModels`): one entry per deployed model version, and replacements. */
function modelsBody(account: Account) {
  const farAway = new Date(Date.now() + 400 * DAY_MS).toISOString().slice(0, 10) + 'T00:00:00Z'
  const entries = account.deployments.map((d) => {
    const capabilities = d.kind === 'embeddings'
      ? { embeddings: 'true', inference: 'true' }
      : { chatCompletion: 'true', completion: 'true', inference: 'true' }
    const retirement = d.retirement
    return {
      name: d.model, format: 'OpenAI', version: d.version, capabilities, isDefaultVersion: !retirement,
      maxCapacity: 1000, lifecycleStatus: retirement?.lifecycleStatus ?? 'GenerallyAvailable',
      deprecation: { inference: retirement?.inference ?? farAway, deprecationStatus: retirement ? 'Planned' : 'Tentative' },
      ...(retirement?.replacement ? { replacementConfig: {
        targetModelName: retirement.replacement.name, targetModelVersion: retirement.replacement.version,
        autoUpgradeStartDate: retirement.inference, upgradeOnExpiryLeadTimeDays: 7 } } : {}),
      skus: [{ name: d.sku, usageName: `OpenAI.${d.sku}.${d.model}`, capacity: { maximum: 1000, default: 10 } }]
    }
  })
  const replacements = account.deployments.flatMap((d) => d.retirement?.replacement ? [{
    name: d.retirement.replacement.name, format: 'OpenAI', version: d.retirement.replacement.version,
    capabilities: { chatCompletion: 'true', inference: 'true' }, isDefaultVersion: true, maxCapacity: 1000,
    lifecycleStatus: 'GenerallyAvailable', deprecation: { inference: farAway, deprecationStatus: 'Tentative' }
  }] : [])
  return { value: [...entries, ...replacements] }
}

// ------------------------------------------------------------------------------------------------ Resource Graph

type Row = Record<string, unknown>

function graphRow(account: Account): Row {
  const properties = accountProperties(account)
  return { id: accountResourceId(account), name: account.name, type: ACCOUNT_TYPE.toLowerCase(), kind: account.kind,
    location: account.location, subscriptionId: account.subscriptionId, resourceGroup: account.resourceGroup.toLowerCase(),
    tenantId: account.tenantId, properties }
}

function pathValue(row: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined, row)
}

/** `x` or `alias = [tostring(]properties.a.b[)]`: the columns of a `project` clause (`a.b` alone is `a_b`). */
function projected(row: Row, clause: string): Row {
  const out: Row = {}
  for (const item of clause.split(',').map((c) => c.trim()).filter(Boolean)) {
    const [left, right] = item.split('=').map((part) => part.trim())
    const expression = right ?? left
    const alias = right === undefined ? left.replaceAll('.', '_') : left
    const inner = /^tostring\((.+)\)$/i.exec(expression)?.[1]
    const value = pathValue(row, inner ?? expression)
    out[alias] = inner === undefined ? value : value === undefined || value === null ? '' : String(value)
  }
  return out
}

/** A small KQL reader for the queries a checker sends: `resources | where … =~ '…' | project …`. */
function runQuery(query: string, rows: Row[]): Row[] | undefined {
  const [table, ...stages] = query.split('|').map((stage) => stage.trim())
  if (table.toLowerCase() !== 'resources') return undefined
  let result = rows
  for (const stage of stages) {
    const where = /^where\s+(?:tostring\()?([\w.]+)\)?\s*(=~|==)\s*'([^']*)'$/i.exec(stage)
    const project = /^project\s+(.+)$/i.exec(stage)
    if (where) {
      const [, path, operator, wanted] = where
      const column = path.replace(/^properties\./i, 'properties.')
      result = result.filter((row) => {
        const value = pathValue(row, column)
        return typeof value === 'string' && (operator === '=~' ? value.toLowerCase() === wanted.toLowerCase() : value === wanted)
      })
    } else if (project) {
      result = result.map((row) => projected(row, project[1]))
    } else if (!/^(limit|take)\s+\d+$/i.test(stage)) {
      return undefined
    }
  }
  return result
}

function resourceGraph(request: FakeRequest, state: WorldState, caller: Caller): FakeResponse {
  let body: { query?: unknown; subscriptions?: unknown }
  try {
    body = JSON.parse(request.body || '{}') as typeof body
  } catch {
    return fail(armErrors.invalidQuery())
  }
  const subscriptions = Array.isArray(body.subscriptions) ? body.subscriptions.map((s) => String(s).toLowerCase()) : undefined
  // Resource Graph silently omits what the caller cannot read (arm-facts.md (a)).
  const readable = accountsOf(state.scenario, caller)
    .filter((a) => !subscriptions || subscriptions.includes(a.subscriptionId.toLowerCase()))
    .filter((a) => controlPlaneAllows(state.scenario, accountResourceId(a), caller.claims.oid, `${ACCOUNT_TYPE}/read`))
  const data = typeof body.query === 'string' ? runQuery(body.query, readable.map(graphRow)) : undefined
  if (!data) return fail(armErrors.invalidQuery())
  return json(200, { totalRecords: data.length, count: data.length, data, facets: [], resultTruncated: 'false' },
    { 'x-ms-user-quota-remaining': '14', 'x-ms-user-quota-resets-after': '00:00:05',
      'x-ms-resource-graph-request-duration': '0:00:00:00.0512345' })
}

// ------------------------------------------------------------------------------------------------ Authorization

function roleDefinitionId(subscriptionId: string | undefined, guid: string): string {
  const prefix = subscriptionId ? `/subscriptions/${subscriptionId}` : ''
  return `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${guid}`
}

function roleAssignments(request: FakeRequest, scenario: Scenario, scope: string): FakeResponse {
  const filter = request.query.get('$filter') ?? ''
  const principal = /(?:principalId\s+eq\s+|assignedTo\()'([^']+)'/i.exec(filter)?.[1]
  const atScopeOnly = /atScope\(\)/i.test(filter)
  const tenant = tenantOfScope(scenario, scope)
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]
  const value = allAssignments(scenario)
    .filter((p) => principal === undefined || p.assignment.principalId === principal)
    .filter((p) => scopeCovers(p.scope, scope, tenant) || (!atScopeOnly && scopeCovers(scope, p.scope, tenant)))
    .map((p) => {
      const role = roleNamed(scenario, p.assignment.role)
      const createdOn = p.assignment.createdOn ?? DEFAULT_CREATED_ON
      return {
        properties: {
          roleDefinitionId: roleDefinitionId(subscriptionId, role?.id ?? '00000000-0000-0000-0000-000000000000'),
          principalId: p.assignment.principalId, principalType: 'ServicePrincipal', scope: p.scope,
          condition: null, conditionVersion: null, createdOn, updatedOn: createdOn,
          createdBy: '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e', updatedBy: '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e',
          delegatedManagedIdentityResourceId: null, description: null
        },
        id: `${p.scope}/providers/Microsoft.Authorization/roleAssignments/${p.name}`,
        type: 'Microsoft.Authorization/roleAssignments',
        name: p.name
      }
    })
  return json(200, { value })
}

function roleDefinition(scenario: Scenario, scope: string, guid: string): FakeResponse {
  const role = roleWithId(scenario, guid)
  if (!role) {
    return fail(armErrors.invalidResourceType(`${scope}/providers/Microsoft.Authorization/roleDefinitions/${guid}`))
  }
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]
  return json(200, {
    id: roleDefinitionId(subscriptionId, role.id), name: role.id, type: 'Microsoft.Authorization/roleDefinitions',
    properties: { roleName: role.name, type: role.custom ? 'CustomRole' : 'BuiltInRole', description: role.name,
      assignableScopes: ['/'], permissions: [{ actions: role.actions, notActions: role.notActions,
        dataActions: role.dataActions, notDataActions: role.notDataActions }] }
  })
}

/** One entry per role that reaches the account, raw patterns, no names (arm-facts.md (d)). */
function permissions(scenario: Scenario, scope: string, caller: Caller): FakeResponse {
  const value = assignmentsReaching(scenario, scope, caller.claims.oid).flatMap((p) => {
    const role = roleNamed(scenario, p.assignment.role)
    return role ? [{ actions: role.actions, notActions: role.notActions, dataActions: role.dataActions,
      notDataActions: role.notDataActions }] : []
  })
  return json(200, { value, nextLink: null })
}

// ------------------------------------------------------------------------------------------------ routing

const SCOPE_PATH = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+)(?:\/providers\/Microsoft\.CognitiveServices\/accounts\/([^/]+))?)?(\/.*)?$/i

async function authenticate(request: FakeRequest, cloud: CloudKey): Promise<Caller | FakeError> {
  const bearer = bearerOf(request)
  if (!bearer) return armErrors.authorizationHeaderMissing()
  const claims = await verifyAccessToken(bearer, ANY_AUDIENCE)
  if (!claims) return armErrors.invalidAuthenticationToken()
  const allowed = CLOUDS[cloud].audiences
  if (!allowed.includes(claims.aud)) return armErrors.wrongAudience(claims.aud, allowed)
  return { claims, cloud }
}

export const arm: Fake = async (request, state) => {
  const location = state.scenario.redirects[request.host]
  if (location) return { status: 307, headers: { location }, body: '' }
  const caller = await authenticate(request, cloudOfHost(request.host))
  if ('status' in caller) return fail(caller)
  const { scenario } = state
  if (request.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources' && request.method === 'POST') {
    return resourceGraph(request, state, caller)
  }
  const match = SCOPE_PATH.exec(request.path)
  if (!match || request.method !== 'GET') return fail(armErrors.invalidResourceType(request.path))
  const [, subscriptionId, resourceGroup, accountName, restRaw = ''] = match
  const rest = restRaw.toLowerCase()
  const scope = request.path.slice(0, request.path.length - restRaw.length)
  const oid = caller.claims.oid
  const client = caller.claims.appid ?? oid
  const visible = accountsOf(scenario, caller)
  const authorize = (action: string, answer: () => FakeResponse): FakeResponse => {
    if (!controlPlaneAllows(scenario, scope, oid, action, caller.claims.tid)) {
      return fail(armErrors.authorizationFailed(client, oid, action, scope))
    }
    // ARM resolves only after it has authorized (arm-facts.md (f)).
    if (!visible.some((a) => a.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())) {
      return fail(armErrors.subscriptionNotFound(subscriptionId))
    }
    if (resourceGroup && !visible.some((a) => a.resourceGroup.toLowerCase() === resourceGroup.toLowerCase())) {
      return fail(armErrors.resourceGroupNotFound(resourceGroup))
    }
    return answer()
  }

  const definition = /^\/providers\/microsoft\.authorization\/roledefinitions\/([0-9a-f-]{36})$/.exec(rest)
  if (definition) return authorize('Microsoft.Authorization/roleDefinitions/read', () => roleDefinition(scenario, scope, definition[1]))
  if (rest === `${AUTHORIZATION}/roleassignments`) {
    return authorize('Microsoft.Authorization/roleAssignments/read', () => roleAssignments(request, scenario, scope))
  }
  if (!accountName) return fail(armErrors.invalidResourceType(request.path))

  const account = visible.find((a) => accountResourceId(a).toLowerCase() === scope.toLowerCase())
  const found = (answer: (a: Account) => FakeResponse) => () => account
    ? answer(account)
    : fail(armErrors.resourceNotFound(ACCOUNT_TYPE, accountName, resourceGroup ?? ''))
  if (rest === `${AUTHORIZATION}/permissions`) {
    return account ? permissions(scenario, scope, caller) : found(() => json(200, {}))()
  }
  if (rest === '') return authorize(`${ACCOUNT_TYPE}/read`, found((a) => json(200, accountBody(a))))
  if (rest === '/deployments') {
    return authorize(`${ACCOUNT_TYPE}/deployments/read`, found((a) =>
      json(200, { value: a.deployments.map((d) => deploymentBody(a, d)) })))
  }
  const oneDeployment = /^\/deployments\/([^/]+)$/.exec(restRaw)
  if (oneDeployment) {
    const name = decodeURIComponent(oneDeployment[1])
    return authorize(`${ACCOUNT_TYPE}/deployments/read`, found((a) => {
      const d = a.deployments.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
      return d ? json(200, deploymentBody(a, d)) : fail(armErrors.resourceNotFound(`${ACCOUNT_TYPE}/deployments`,
        `${a.name}/${name}`, a.resourceGroup))
    }))
  }
  if (rest === '/models') return authorize(`${ACCOUNT_TYPE}/models/read`, found((a) => json(200, modelsBody(a))))
  return fail(armErrors.invalidResourceType(request.path))
}
