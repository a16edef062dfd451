// Fake Azure OpenAI data plane: custom-subdomain hosts, the regional endpoint, and API Management gateways.
// Dated paths (/openai/deployments/{d}/chat/completions|embeddings?api-version=) and v1 paths (/openai/v1/...),
// model lists; keys, Entra bearers (verified), RBAC by data action, network and local-auth switches, throttling.
// Foundry projects of AIServices accounts: /api/projects/{p}/openai/v1/... takes only https://ai.azure.com tokens
// and checks the Foundry (accounts/AIServices/...) data actions.
import { randomUUID } from 'node:crypto'
import { looksLikeJwt, verifyAccessToken, type AccessTokenClaims } from './access-tokens.ts'
import { dataPlaneErrors, type FakeError } from './errors.ts'
import { bearerOf, json, type Fake, type FakeRequest, type FakeResponse, type WorldState } from './http.ts'
import { dataPlaneAllows } from './rbac.ts'
import type { Account, Deployment, Scenario } from './scenario.ts'

/** The token audiences an endpoint accepts, by its cloud (reference/azure-facts.md §1.3). */
function audiencesFor(host: string, route?: Route): string[] {
  // Project APIs take only the Foundry audience (reference/azure-facts.md §1.2, §1.3).
  if (route?.project !== undefined) return ['https://ai.azure.com']
  if (host.endsWith('.us')) return ['https://cognitiveservices.azure.us']
  if (host.endsWith('.cn')) return ['https://cognitiveservices.azure.cn']
  return ['https://cognitiveservices.azure.com', 'https://ai.azure.com']
}
export const CUSTOM_SUBDOMAIN_SUFFIXES = ['.openai.azure.com', '.cognitiveservices.azure.com',
  '.services.ai.azure.com', '.openai.azure.us', '.openai.azure.cn']
export const REGIONAL_SUFFIX = '.api.cognitive.microsoft.com'

const REGION_NAMES: Record<string, string> = { eastus: 'East US', eastus2: 'East US 2', westeurope: 'West Europe',
  swedencentral: 'Sweden Central', northcentralus: 'North Central US' }

type Operation = 'chat' | 'embeddings' | 'responses' | 'models'

interface Route {
  operation: Operation
  /** Dated routes name the deployment in the path; v1 routes in the body's `model`. */
  deployment?: string
  v1: boolean
  /** The Foundry project whose surface (`/api/projects/<project>/openai/v1/...`) was called. */
  project?: string
}

const DATA_ACTIONS: Record<Operation, string> = {
  chat: 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action',
  embeddings: 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/embeddings/action',
  // source: https://github.com/microsoft/vscode/issues/283763 (reference/azure-facts.md §3, Responses API update)
  responses: 'Microsoft.CognitiveServices/accounts/OpenAI/responses/write',
  models: 'Microsoft.CognitiveServices/accounts/OpenAI/models/read'
}
const OPERATION_PATHS: Record<Operation, string> = {
  chat: 'POST /openai/deployments/{deployment-id}/chat/completions',
  embeddings: 'POST /openai/deployments/{deployment-id}/embeddings',
  responses: 'POST /openai/responses',
  models: 'GET /openai/models'
}
// A Foundry project's OpenAI surface checks the Foundry data actions, which Cognitive Services OpenAI User lacks.
// source: microsoft-foundry/foundry-samples#155 and microsoft/microsoft-foundry-for-vscode#325 (agents/write on
// POST), davrous/AzureAgentToM365#3 (agents/read on GET); the `/openai/*` operation text as repositories quote it
// for the project Responses API (no public issue shows chat/completions or models on a project: inferred).
const PROJECT_DATA_ACTIONS: Record<Operation, string> = {
  chat: 'Microsoft.CognitiveServices/accounts/AIServices/agents/write',
  embeddings: 'Microsoft.CognitiveServices/accounts/AIServices/agents/write',
  responses: 'Microsoft.CognitiveServices/accounts/AIServices/agents/write',
  models: 'Microsoft.CognitiveServices/accounts/AIServices/agents/read'
}
const PROJECT_OPERATION_PATHS: Record<Operation, string> = {
  chat: 'POST /api/projects/{projectName}/openai/*',
  embeddings: 'POST /api/projects/{projectName}/openai/*',
  responses: 'POST /api/projects/{projectName}/openai/*',
  models: 'GET /api/projects/{projectName}/openai/*'
}
const OPERATION_NAMES: Record<Operation, string> = { chat: 'ChatCompletions_Create', embeddings: 'Embeddings_Create',
  responses: 'Responses_Create', models: 'Models_List' }

type Caller = { kind: 'key' } | { kind: 'entra'; claims: AccessTokenClaims }

const fail = (error: FakeError): FakeResponse => json(error.status, error.body, error.headers)

const PROJECT_PATH = /^\/api\/projects\/([^/]+)(\/.*)$/

function routeOf(request: FakeRequest, account: Account): Route | undefined {
  const inProject = PROJECT_PATH.exec(request.path)
  if (inProject) {
    const project = decodeURIComponent(inProject[1])
    // A project serves only the v1 surface.
    const route = account.projects?.includes(project) ? routeOfPath(inProject[2], request.method) : undefined
    return route?.v1 ? { ...route, project } : undefined
  }
  return routeOfPath(request.path, request.method)
}

function routeOfPath(path: string, method: string): Route | undefined {
  const dated = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/.exec(path)
  if (dated && method === 'POST') {
    const operation = dated[2] === 'embeddings' ? 'embeddings' : 'chat'
    return { operation, deployment: decodeURIComponent(dated[1]), v1: false }
  }
  if (path === '/openai/models' && method === 'GET') return { operation: 'models', v1: false }
  const v1 = /^\/openai\/v1\/(chat\/completions|embeddings|responses|models)$/.exec(path)
  if (!v1) return undefined
  const operation: Operation = v1[1] === 'chat/completions' ? 'chat' : (v1[1] as Operation)
  if ((operation === 'models') !== (method === 'GET')) return undefined
  return { operation, v1: true }
}

function apiVersionAccepted(route: Route, account: Account, apiVersion: string | null): boolean {
  if (route.v1) return apiVersion === null || apiVersion === 'v1' || apiVersion === 'preview'
  return apiVersion !== null && account.apiVersions.includes(apiVersion)
}

async function authenticate(request: FakeRequest, account: Account, route: Route | undefined):
  Promise<Caller | FakeError> {
  const key = request.headers['api-key']
  const bearer = bearerOf(request)
  // The v1 API also takes a key in `Authorization: Bearer` (reference/azure-facts.md §1.4).
  const keyAsBearer = bearer !== undefined && route?.v1 === true && !looksLikeJwt(bearer)
  const presentedKey = typeof key === 'string' ? key : keyAsBearer ? bearer : undefined
  if (presentedKey !== undefined) {
    if (account.disableLocalAuth) return dataPlaneErrors.keyAuthDisabled()
    return account.keys.includes(presentedKey) ? { kind: 'key' } : dataPlaneErrors.invalidKey()
  }
  const audiences = audiencesFor(request.host, route)
  if (!bearer) return dataPlaneErrors.invalidToken(audiences[0])
  const claims = await verifyAccessToken(bearer, audiences)
  if (!claims || claims.tid !== account.tenantId) return dataPlaneErrors.invalidToken(audiences[0])
  return { kind: 'entra', claims }
}

function requiredDataAction(route: Route): { dataAction: string; operationPath: string } {
  return route.project === undefined
    ? { dataAction: DATA_ACTIONS[route.operation], operationPath: OPERATION_PATHS[route.operation] }
    : { dataAction: PROJECT_DATA_ACTIONS[route.operation], operationPath: PROJECT_OPERATION_PATHS[route.operation] }
}

function missingDataAction(scenario: Scenario, account: Account, claims: AccessTokenClaims, dataAction: string):
  boolean {
  return !dataPlaneAllows(scenario, account, claims.oid, dataAction, claims.iat)
}

function parseBody(request: FakeRequest): Record<string, unknown> {
  try {
    const body: unknown = JSON.parse(request.body || '{}')
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function responseHeaders(account: Account): Record<string, string> {
  return { 'apim-request-id': randomUUID(), 'x-request-id': randomUUID(),
    'x-ms-region': REGION_NAMES[account.location] ?? account.location,
    'x-ratelimit-remaining-requests': '49', 'x-ratelimit-remaining-tokens': '49990' }
}

function modelList(account: Account, v1: boolean): unknown {
  const created = 1721260800
  if (v1) {
    const data = account.deployments.map((d) => ({ id: d.model, object: 'model', created, owned_by: 'system' }))
    return { object: 'list', data }
  }
  return { object: 'list', data: account.deployments.map((d) => ({
    id: `${d.model}-${d.version}`, status: 'succeeded', model: d.model, object: 'model', created_at: created,
    lifecycle_status: 'generally-available',
    capabilities: { chat_completion: d.kind !== 'embeddings', completion: false, embeddings: d.kind === 'embeddings',
      fine_tune: false, inference: true },
    deprecation: { inference: 1798761600 } })) }
}

const SAFE = { hate: { filtered: false, severity: 'safe' }, self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } }

function success(operation: 'chat' | 'embeddings' | 'responses', deployment: Deployment,
  body: Record<string, unknown>): unknown {
  const created = Math.floor(Date.now() / 1000)
  if (operation === 'responses') {
    // The Responses API object (reference/azure-facts.md §1, v1 GA paths): output items, usage in input/output tokens.
    const id = `resp_${randomUUID().replaceAll('-', '')}`
    return { id, object: 'response', created_at: created, status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' }, model: `${deployment.model}-${deployment.version}`,
      output: [{ id: `msg_${randomUUID().replaceAll('-', '')}`, type: 'message', status: 'incomplete',
        role: 'assistant', content: [{ type: 'output_text', text: 'Pong', annotations: [] }] }],
      max_output_tokens: body.max_output_tokens ?? null,
      usage: { input_tokens: 8, output_tokens: 16, total_tokens: 24,
        input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } } }
  }
  if (operation === 'embeddings') {
    return { object: 'list', model: deployment.model, usage: { prompt_tokens: 1, total_tokens: 1 },
      data: [{ object: 'embedding', index: 0, embedding: [0.0023064255, -0.009327292, -0.0028842222, 0.01656089] }] }
  }
  const reasoning = deployment.kind === 'reasoning'
  return {
    id: `chatcmpl-${randomUUID().replaceAll('-', '').slice(0, 29)}`, object: 'chat.completion', created,
    model: `${deployment.model}-${deployment.version}`, system_fingerprint: 'fp_b705f0c291',
    choices: [{ index: 0, finish_reason: 'length', logprobs: null,
      message: { role: 'assistant', content: reasoning ? '' : 'Pong', refusal: null },
      content_filter_results: SAFE }],
    prompt_filter_results: [{ prompt_index: 0,
      content_filter_results: { ...SAFE, jailbreak: { filtered: false, detected: false } } }],
    usage: { prompt_tokens: Array.isArray(body.messages) ? 8 * body.messages.length : 8,
      completion_tokens: 1, total_tokens: 9,
      ...(reasoning ? { completion_tokens_details: { reasoning_tokens: 0 } } : {}) }
  }
}

async function serveAccount(request: FakeRequest, scenario: Scenario, account: Account,
  options: { viaGateway: boolean }): Promise<FakeResponse> {
  if (!options.viaGateway) {
    if (account.publicNetworkAccess === 'Disabled') return fail(dataPlaneErrors.publicAccessDisabled())
    if (account.firewallDeniesRunner) return fail(dataPlaneErrors.firewallDenied())
  }
  const route = routeOf(request, account)
  const caller = await authenticate(request, account, route)
  if ('status' in caller) return fail(caller)
  const apiVersion = request.query.get('api-version')
  if (!route || !apiVersionAccepted(route, account, apiVersion)) return fail(dataPlaneErrors.resourceNotFound())
  const { operation } = route
  const { dataAction, operationPath } = requiredDataAction(route)
  if (caller.kind === 'entra' && !options.viaGateway && missingDataAction(scenario, account, caller.claims, dataAction)) {
    const denied = route.project === undefined ? dataPlaneErrors.permissionDenied : dataPlaneErrors.foundryPermissionDenied
    return fail(denied(caller.claims.oid, dataAction, operationPath))
  }
  if (account.serverError) return fail(dataPlaneErrors.serverError(account.serverError))
  if (operation === 'models') return json(200, modelList(account, route.v1), responseHeaders(account))

  const body = parseBody(request)
  const deploymentName = route.deployment ?? String(body.model ?? '')
  const deployment = account.deployments.find((d) => d.name === deploymentName)
  if (!deployment) return fail(dataPlaneErrors.deploymentNotFound())
  if (deployment.retirement?.lifecycleStatus === 'Deprecated') return fail(dataPlaneErrors.retiredModel())
  if (account.quotaExhausted) {
    return fail(dataPlaneErrors.quotaExhausted(OPERATION_NAMES[operation], apiVersion ?? 'v1'))
  }
  if (account.throttleRetryAfterSeconds !== undefined) {
    return fail(dataPlaneErrors.rateLimited(account.throttleRetryAfterSeconds))
  }
  if ((operation === 'chat' || operation === 'responses') && deployment.kind === 'embeddings') {
    return fail(dataPlaneErrors.operationNotSupported('chatCompletion', deployment.model))
  }
  if (operation === 'embeddings' && deployment.kind !== 'embeddings') {
    return fail(dataPlaneErrors.operationNotSupported('embeddings', deployment.model))
  }
  if (deployment.kind === 'reasoning' && body.max_tokens !== undefined) {
    return fail(dataPlaneErrors.unsupportedMaxTokens())
  }
  if (operation === 'responses' && typeof body.max_output_tokens === 'number' && body.max_output_tokens < 16) {
    return fail(dataPlaneErrors.maxOutputTokensBelowMinimum(body.max_output_tokens))
  }
  return json(200, success(operation, deployment, body), responseHeaders(account))
}

function accountBySubdomain(state: WorldState, host: string): Account | undefined {
  const suffix = CUSTOM_SUBDOMAIN_SUFFIXES.find((s) => host.endsWith(s))
  if (!suffix) return undefined
  const subdomain = host.slice(0, -suffix.length)
  return state.scenario.accounts.find((a) => a.customSubdomain?.toLowerCase() === subdomain)
}

async function serveRegional(request: FakeRequest, state: WorldState): Promise<FakeResponse> {
  const region = request.host.slice(0, -REGIONAL_SUFFIX.length)
  const key = request.headers['api-key']
  if (typeof key !== 'string') return fail(dataPlaneErrors.customSubdomainRequired())
  const account = state.scenario.accounts.find((a) => a.location === region && a.keys.includes(key))
  return account
    ? serveAccount(request, state.scenario, account, { viaGateway: false })
    : fail(dataPlaneErrors.invalidKey())
}

/** An API Management gateway with a validate-jwt policy; its own managed identity calls the account. */
async function serveGateway(request: FakeRequest, scenario: Scenario, account: Account): Promise<FakeResponse> {
  const bearer = bearerOf(request)
  const claims = bearer ? await verifyAccessToken(bearer, audiencesFor(request.host)) : undefined
  // APIM's validate-jwt default failure body
  // source: https://learn.microsoft.com/azure/api-management/validate-jwt-policy (failed-validation-error-message)
  if (!claims || claims.tid !== account.tenantId) {
    return json(401, { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' })
  }
  return serveAccount(request, scenario, account, { viaGateway: true })
}

/** The hosts this fake answers for in the current scenario. */
export function knowsDataPlaneHost(state: WorldState, host: string): boolean {
  return accountBySubdomain(state, host) !== undefined || state.scenario.gateways.some((g) => g.host === host) ||
    state.scenario.accounts.some((a) => host === `${a.location}${REGIONAL_SUFFIX}`)
}

export const azureOpenAi: Fake = async (request, state) => {
  const location = state.scenario.redirects[request.host]
  if (location) return { status: 307, headers: { location }, body: '' }
  const gateway = state.scenario.gateways.find((g) => g.host === request.host)
  const gatewayAccount = gateway && state.scenario.accounts.find((a) => a.name === gateway.account)
  if (gatewayAccount) return serveGateway(request, state.scenario, gatewayAccount)
  if (request.host.endsWith(REGIONAL_SUFFIX)) return serveRegional(request, state)
  const account = accountBySubdomain(state, request.host)
  if (!account) return json(404, { error: { code: '404', message: 'Resource not found' } })
  return serveAccount(request, state.scenario, account, { viaGateway: false })
}
