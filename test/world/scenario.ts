// One scenario object configures the whole test world. The default is the happy path; named scenarios below
// change one thing each, so a test reads like the situation it proves.

export type EventKind =
  | 'push'
  | 'tag-push'
  | 'pull_request'
  | 'fork-pull-request'
  /** pull_request_target for a fork's pull request: runs in the base repository, with its permissions. */
  | 'fork-pull-request-target'
  | 'dependabot-pull-request'
  | 'workflow_dispatch'

/** How the GitHub fake builds `sub`: GitHub's default, the immutable id form, or an `include_claim_keys` template. */
export type SubjectFormat = 'default' | 'immutable' | { includeClaimKeys: string[] }

export interface GithubScenario {
  owner: string
  ownerId: number
  repo: string
  repoId: number
  visibility: 'public' | 'private' | 'internal'
  actor: string
  actorId: number
  /** Who re-ran the run (GITHUB_TRIGGERING_ACTOR); the actor and the event payload stay the original's. */
  rerunBy?: string
  event: EventKind
  branch: string
  tag: string
  pullRequestNumber: number
  /** The job's `environment:`; it takes precedence in the default subject. */
  environment?: string
  workflowFile: string
  sha: string
  runId: number
  /** The job was granted `id-token: write` (fork and Dependabot pull requests never get it). */
  idTokenPermission: boolean
  subjectFormat: SubjectFormat
  issuer: string
  tokenLifetimeSeconds: number
  runtimeToken: string
  runnerEnvironment: 'github-hosted' | 'self-hosted'
}

export interface FederatedCredential {
  name: string
  issuer: string
  subject: string
  audiences: string[]
}

export interface Identity {
  kind: 'app' | 'managed-identity'
  displayName: string
  clientId: string
  /** Object id of the service principal: the `oid` of its tokens and the principal of its role assignments. */
  principalId: string
  federatedCredentials: FederatedCredential[]
  clientSecrets: string[]
}

export interface Tenant {
  id: string
  displayName: string
  identities: Identity[]
  /** Answer federation failures with the older generic AADSTS70021 instead of 700211/700212/700213. */
  genericFederationErrors: boolean
}

export type ModelKind = 'chat' | 'reasoning' | 'embeddings'

export interface Deployment {
  name: string
  model: string
  version: string
  kind: ModelKind
  sku: 'Standard' | 'GlobalStandard' | 'DataZoneStandard' | 'ProvisionedManaged'
  capacity: number
}

export interface RoleAssignment {
  principalId: string
  role: BuiltInRoleName
  /** 'account' (the default) or 'resource-group' or 'subscription'. */
  scope: 'account' | 'resource-group' | 'subscription'
}

export interface Account {
  name: string
  kind: 'OpenAI' | 'AIServices'
  tenantId: string
  subscriptionId: string
  resourceGroup: string
  location: string
  /** null: an old resource without a custom subdomain, reachable only at the regional endpoint. */
  customSubdomain: string | null
  deployments: Deployment[]
  roleAssignments: RoleAssignment[]
  keys: [string, string]
  disableLocalAuth: boolean
  publicNetworkAccess: 'Enabled' | 'Disabled'
  /** networkAcls.defaultAction = Deny with no rule admitting the runner. */
  firewallDeniesRunner: boolean
  apiVersions: string[]
  /** Every inference call answers 429 with this Retry-After (rate limit hit). */
  throttleRetryAfterSeconds?: number
  /** Every inference call answers 429 with the daily-quota text (Retry-After 86400). */
  quotaExhausted: boolean
  /** Every call answers this 5xx status. */
  serverError?: 500 | 503
  /** Foundry projects of an AIServices account: each serves `/api/projects/<name>/openai/v1/...`. */
  projects?: string[]
}

/** An API Management gateway in front of an account; it validates the caller's Entra token itself. */
export interface Gateway {
  host: string
  account: string
}

import type { AnswerFault, HostFault } from './faults.ts'

export type { AnswerFault, HostFault } from './faults.ts'

export interface Scenario {
  github: GithubScenario
  tenants: Tenant[]
  accounts: Account[]
  gateways: Gateway[]
  /** What the CONNECT proxy does instead of tunnelling to a host. */
  faults: Record<string, HostFault>
  /**
   * Hosts whose credential-bearing requests (Entra's token POST, every data-plane call) answer
   * 307 Temporary Redirect to this URL: a hijacked or misconfigured endpoint asking for the credential elsewhere.
   */
  redirects: Record<string, string>
  /** What a served host answers instead of its fake's answer (faults.ts): hangs, cut bodies, bursts, 429s... */
  answers: Record<string, AnswerFault>
}

export type BuiltInRoleName =
  | 'Cognitive Services OpenAI User'
  | 'Cognitive Services OpenAI Contributor'
  | 'Cognitive Services User'
  | 'Cognitive Services Contributor'
  | 'Azure AI Developer'
  | 'Foundry User'
  | 'Owner'
  | 'Contributor'
  | 'Reader'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange'
export const OWNER = 'octo-org'
export const OWNER_ID = 123456
export const REPO = 'octo-repo'
export const REPO_ID = 456789
export const REPOSITORY = `${OWNER}/${REPO}`
export const BRANCH = 'main'
export const TAG = 'v1.2.0'
export const PULL_REQUEST_NUMBER = 42
export const ENVIRONMENT = 'production'
export const WORKFLOW_FILE = '.github/workflows/aoai-auth-check.yml'
export const HEAD_SHA = 'ffac537e6cbbf934b08745a378932722df287a53'
export const RUN_ID = 9876543210
export const OIDC_REQUEST_HOST = 'run-actions-3-azure-eastus.actions.githubusercontent.com'
export const RUNTIME_TOKEN = 'ghs_testworldruntimebearer0000000000000001'

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const OTHER_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'
export const UNKNOWN_TENANT_ID = '3f2b4c1d-0000-4e5f-8a9b-0c1d2e3f4a5b'
export const CLIENT_ID = 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01'
export const PRINCIPAL_ID = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b'
export const OTHER_TENANT_CLIENT_ID = 'b8d4f6a2-3c5e-4d7f-9a1b-2c4d6e8f0a12'
export const OTHER_TENANT_PRINCIPAL_ID = 'c9e5a7b3-4d6f-4e8a-0b2c-3d5e7f9a1b23'
export const CLIENT_SECRET = 'Xy8Q~testworldclientsecretvalue0000000001'
export const APP_DISPLAY_NAME = 'octo-repo-ci'
/** A user-assigned managed identity attached to the machine the CLI runs on (scenarios.managedIdentityHost). */
export const MANAGED_IDENTITY_CLIENT_ID = 'd4e6f8a0-5b7c-4d9e-8f1a-3b5c7d9e1f34'
export const MANAGED_IDENTITY_PRINCIPAL_ID = 'f5a7b9c1-6d8e-4fa0-9b2c-4d6e8f0a2b45'
export const MANAGED_IDENTITY_NAME = 'id-octo-runner'
export const DEFAULT_SUBJECT = `repo:${REPOSITORY}:ref:refs/heads/${BRANCH}`

export const SUBSCRIPTION_ID = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
export const RESOURCE_GROUP = 'rg-octo-ai'
export const ACCOUNT_NAME = 'contoso'
export const ACCOUNT_LOCATION = 'eastus'
export const ENDPOINT = `https://${ACCOUNT_NAME}.openai.azure.com/`
export const REGIONAL_ENDPOINT = `https://${ACCOUNT_LOCATION}.api.cognitive.microsoft.com/`
export const ACCOUNT_RESOURCE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}` +
  `/providers/Microsoft.CognitiveServices/accounts/${ACCOUNT_NAME}`
export const CHAT_DEPLOYMENT = 'gpt-4o-mini'
export const REASONING_DEPLOYMENT = 'o3-mini'
export const EMBEDDINGS_DEPLOYMENT = 'text-embedding-3-small'
export const API_VERSION = '2024-10-21'
export const API_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
export const SECOND_API_KEY = '0f9e8d7c6b5a49382716f5e4d3c2b1a0'
export const GATEWAY_HOST = 'octo-gateway.azure-api.net'
export const FOUNDRY_ACCOUNT_NAME = 'contoso-foundry'
export const FOUNDRY_PROJECT = 'my-project'
export const FOUNDRY_HOST = `${FOUNDRY_ACCOUNT_NAME}.services.ai.azure.com`
export const FOUNDRY_PROJECT_ENDPOINT = `https://${FOUNDRY_HOST}/api/projects/${FOUNDRY_PROJECT}`
export const FOUNDRY_API_KEY = 'f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'
export const FOUNDRY_SECOND_API_KEY = 'e0e1e2e3e4e5e6e7e8e9eaebecedeeef'

export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default'
export const AI_AZURE_SCOPE = 'https://ai.azure.com/.default'
export const MANAGEMENT_SCOPE = 'https://management.azure.com/.default'

function defaultIdentity(): Identity {
  return {
    kind: 'app',
    displayName: APP_DISPLAY_NAME,
    clientId: CLIENT_ID,
    principalId: PRINCIPAL_ID,
    federatedCredentials: [{ name: 'main-branch', issuer: GITHUB_ISSUER, subject: DEFAULT_SUBJECT,
      audiences: [TOKEN_EXCHANGE_AUDIENCE] }],
    clientSecrets: [CLIENT_SECRET]
  }
}

export function defaultScenario(): Scenario {
  return {
    github: {
      owner: OWNER, ownerId: OWNER_ID, repo: REPO, repoId: REPO_ID, visibility: 'private',
      actor: 'octocat', actorId: 583231, event: 'push', branch: BRANCH, tag: TAG,
      pullRequestNumber: PULL_REQUEST_NUMBER, workflowFile: WORKFLOW_FILE, sha: HEAD_SHA, runId: RUN_ID,
      idTokenPermission: true, subjectFormat: 'default', issuer: GITHUB_ISSUER, tokenLifetimeSeconds: 300,
      runtimeToken: RUNTIME_TOKEN, runnerEnvironment: 'github-hosted'
    },
    tenants: [
      { id: TENANT_ID, displayName: 'Contoso', identities: [defaultIdentity()], genericFederationErrors: false },
      { id: OTHER_TENANT_ID, displayName: 'Fabrikam', genericFederationErrors: false, identities: [{
        ...defaultIdentity(), displayName: 'fabrikam-ci', clientId: OTHER_TENANT_CLIENT_ID,
        principalId: OTHER_TENANT_PRINCIPAL_ID, clientSecrets: [] }] }
    ],
    accounts: [{
      name: ACCOUNT_NAME, kind: 'OpenAI', tenantId: TENANT_ID, subscriptionId: SUBSCRIPTION_ID,
      resourceGroup: RESOURCE_GROUP, location: ACCOUNT_LOCATION, customSubdomain: ACCOUNT_NAME,
      deployments: [
        { name: CHAT_DEPLOYMENT, model: 'gpt-4o-mini', version: '2024-07-18', kind: 'chat',
          sku: 'GlobalStandard', capacity: 50 },
        { name: REASONING_DEPLOYMENT, model: 'o3-mini', version: '2025-01-31', kind: 'reasoning',
          sku: 'GlobalStandard', capacity: 20 },
        { name: EMBEDDINGS_DEPLOYMENT, model: 'text-embedding-3-small', version: '1', kind: 'embeddings',
          sku: 'Standard', capacity: 120 }
      ],
      roleAssignments: [{ principalId: PRINCIPAL_ID, role: 'Cognitive Services OpenAI User', scope: 'account' }],
      keys: [API_KEY, SECOND_API_KEY], disableLocalAuth: false, publicNetworkAccess: 'Enabled',
      firewallDeniesRunner: false, quotaExhausted: false,
      apiVersions: ['2023-05-15', '2024-02-01', '2024-06-01', '2024-10-21', '2024-12-01-preview',
        '2025-01-01-preview', '2025-03-01-preview', '2025-04-01-preview']
    }],
    gateways: [{ host: GATEWAY_HOST, account: ACCOUNT_NAME }],
    faults: {},
    redirects: {},
    answers: {}
  }
}

/**
 * A Foundry (AIServices) account with one project, beside the default account: same tenant, its own keys and
 * region, the same deployments, and the workflow's app holding Foundry User (formerly Azure AI User) on it.
 */
export function foundryAccount(): Account {
  const base = defaultScenario().accounts[0]
  return {
    ...base, name: FOUNDRY_ACCOUNT_NAME, kind: 'AIServices', customSubdomain: FOUNDRY_ACCOUNT_NAME,
    location: 'swedencentral', projects: [FOUNDRY_PROJECT],
    roleAssignments: [{ principalId: PRINCIPAL_ID, role: 'Foundry User', scope: 'account' }],
    keys: [FOUNDRY_API_KEY, FOUNDRY_SECOND_API_KEY]
  }
}

export type ScenarioOverrides = DeepPartial<Scenario>
type DeepPartial<T> = T extends (infer E)[]
  ? DeepPartial<E>[]
  : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T

/**
 * Objects merge key by key; arrays element by element (`[{...}]` changes the first entry, later entries stay),
 * and an empty array empties; other values replace.
 */
export function applyOverrides<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (overrides === undefined) return base
  if (Array.isArray(base) && Array.isArray(overrides) && overrides.length > 0) {
    const merged = [...base]
    overrides.forEach((item, index) => {
      merged[index] = index < base.length ? applyOverrides(base[index], item) : item
    })
    return merged as T
  }
  if (isPlainObject(base) && isPlainObject(overrides)) {
    const merged: Record<string, unknown> = { ...base }
    for (const [key, value] of Object.entries(overrides)) merged[key] = applyOverrides(merged[key], value as never)
    return merged as T
  }
  return overrides as T
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function buildScenario(overrides?: ScenarioOverrides): Scenario {
  return applyOverrides(defaultScenario(), overrides)
}

/** The home tenant's workflow identity and the account: what most tests change. */
export function mainIdentity(scenario: Scenario): Identity {
  return scenario.tenants[0].identities[0]
}
export function mainAccount(scenario: Scenario): Account {
  return scenario.accounts[0]
}

const firstIdentity = (identity: DeepPartial<Identity>): ScenarioOverrides =>
  ({ tenants: [{ identities: [identity] }] })
const firstCredential = (credential: DeepPartial<FederatedCredential>) =>
  firstIdentity({ federatedCredentials: [credential] })
const account = (changes: DeepPartial<Account>): ScenarioOverrides => ({ accounts: [changes] })

/** Named scenarios: each changes one thing in the happy path. */
export const scenarios = {
  happyPath: (): ScenarioOverrides => ({}),
  noIdTokenPermission: (): ScenarioOverrides => ({ github: { idTokenPermission: false } }),
  forkPullRequest: (): ScenarioOverrides => ({ github: { event: 'fork-pull-request' } }),
  dependabotPullRequest: (): ScenarioOverrides => ({ github: { event: 'dependabot-pull-request' } }),
  /** A person re-runs a Dependabot pull request's run: GitHub keeps Dependabot's restrictions. */
  dependabotRerunBy: (login = 'octocat'): ScenarioOverrides =>
    ({ github: { event: 'dependabot-pull-request', rerunBy: login } }),
  pullRequestTargetFromFork: (): ScenarioOverrides => ({ github: { event: 'fork-pull-request-target' } }),
  pullRequest: (): ScenarioOverrides => ({ github: { event: 'pull_request' } }),
  tagPush: (): ScenarioOverrides => ({ github: { event: 'tag-push' } }),
  environmentJob: (): ScenarioOverrides => ({ github: { environment: ENVIRONMENT } }),
  immutableSubject: (): ScenarioOverrides => ({ github: { subjectFormat: 'immutable' } }),
  customSubjectTemplate: (keys = ['repo', 'context', 'job_workflow_ref']): ScenarioOverrides =>
    ({ github: { subjectFormat: { includeClaimKeys: keys } } }),
  /** AADSTS700213: the credential names another branch. */
  subjectMismatch: (registered = `repo:${REPOSITORY}:ref:refs/heads/release`): ScenarioOverrides =>
    firstCredential({ subject: registered }),
  /** AADSTS7002138: the credential differs from the presented subject only in case. */
  subjectCaseMismatch: (): ScenarioOverrides =>
    firstCredential({ subject: `repo:Octo-Org/${REPO}:ref:refs/heads/${BRANCH}` }),
  /** AADSTS700211: a trailing slash on the credential's issuer. */
  issuerMismatch: (): ScenarioOverrides => firstCredential({ issuer: `${GITHUB_ISSUER}/` }),
  /** AADSTS700212: the credential expects another audience. */
  audienceMismatch: (): ScenarioOverrides => firstCredential({ audiences: ['api://AzureADTokenExchangeUSGov'] }),
  /** AADSTS70021: an older tenant answering with the generic federation error. */
  genericFederationError: (): ScenarioOverrides =>
    ({ tenants: [{ genericFederationErrors: true,
      identities: [{ federatedCredentials: [{ subject: `repo:${OWNER}/other-repo:ref:refs/heads/${BRANCH}` }] }] }] }),
  /** AADSTS70025: the app has no federated credentials at all. */
  noFederatedCredentials: (): ScenarioOverrides => ({ tenants: [{ identities: [{ federatedCredentials: [] }] }] }),
  missingRole: (): ScenarioOverrides => account({ roleAssignments: [] }),
  controlPlaneRoleOnly: (): ScenarioOverrides =>
    account({ roleAssignments: [{ principalId: PRINCIPAL_ID, role: 'Contributor', scope: 'resource-group' }] }),
  noCustomSubdomain: (): ScenarioOverrides => account({ customSubdomain: null }),
  publicNetworkDisabled: (): ScenarioOverrides => account({ publicNetworkAccess: 'Disabled' }),
  firewallDenied: (): ScenarioOverrides => account({ firewallDeniesRunner: true }),
  localAuthDisabled: (): ScenarioOverrides => account({ disableLocalAuth: true }),
  throttled: (retryAfterSeconds = 2): ScenarioOverrides => account({ throttleRetryAfterSeconds: retryAfterSeconds }),
  quotaExhausted: (): ScenarioOverrides => account({ quotaExhausted: true }),
  serverError: (status: 500 | 503 = 500): ScenarioOverrides => account({ serverError: status }),
  hostUnreachable: (host: string, fault: HostFault = 'reset'): ScenarioOverrides => ({ faults: { [host]: fault } }),
  /** `host` answers its credential-bearing requests with 307 to `location` (a host the world also serves). */
  redirectedHost: (host: string, location = `https://${GATEWAY_HOST}/collect`): ScenarioOverrides =>
    ({ redirects: { [host]: location } }),
  /** `host` answers with `fault` (faults.ts) instead of its fake's answer, on every path or on `fault.path`. */
  faultyAnswer: (host: string, fault: AnswerFault): ScenarioOverrides => ({ answers: { [host]: fault } }),
  /**
   * The machine has the user-assigned managed identity MANAGED_IDENTITY_CLIENT_ID (served by the world's managed
   * identity endpoint), holding `role` on the account (none when undefined).
   */
  managedIdentityHost: (role: BuiltInRoleName | undefined = 'Cognitive Services OpenAI User'): ScenarioOverrides => ({
    tenants: [{ identities: [{}, { kind: 'managed-identity', displayName: MANAGED_IDENTITY_NAME,
      clientId: MANAGED_IDENTITY_CLIENT_ID, principalId: MANAGED_IDENTITY_PRINCIPAL_ID, federatedCredentials: [],
      clientSecrets: [] }] }],
    accounts: [{ roleAssignments: role ? [{}, { principalId: MANAGED_IDENTITY_PRINCIPAL_ID, role, scope: 'account' }] : [{}] }]
  }),
  /** Adds the Foundry account and its project (the second account), with `changes` applied to it. */
  foundryProject: (changes: DeepPartial<Account> = {}): ScenarioOverrides =>
    ({ accounts: [{}, applyOverrides(foundryAccount(), changes)] })
} satisfies Record<string, (...args: never[]) => ScenarioOverrides>
