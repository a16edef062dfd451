/**
 * Azure Resource Manager, read-only: the one module that talks to ARM (and Resource Graph, on the same host). Native
 * fetch through the project's proxy-aware dispatcher, every call bounded by the run's deadline, never following a
 * redirect (a credential-bearing request must not be sent on), `nextLink` pages only on the cloud's own ARM host,
 * and a bounded body. A refusal is an ArmError keeping ARM's status, code and (redacted) body as fields. Shapes and
 * api-versions: shared/reference/arm-facts.md (a)–(g).
 */
import {
  accountOf,
  array,
  catalogueModelOf,
  deploymentOf,
  graphAccount,
  permissionEntry,
  record,
  roleAssignmentOf,
  roleDefinitionOf,
  type Account,
  type CatalogueModel,
  type Deployment,
  type GraphAccount,
  type RoleAssignment,
  type RoleDefinition
} from './arm-resources.js'
import type { Cloud } from './clouds.js'
import type { PermissionEntry } from './permissions.js'
import type { Dispatcher } from 'undici'
import type { Deadline } from '../net/deadline.js'
import { withRetries, type RetryPolicy } from '../net/retry.js'

const API_VERSIONS = {
  resourceGraph: '2024-04-01',
  cognitiveServices: '2024-10-01',
  authorization: '2022-04-01'
} as const

const ARM_RETRY: RetryPolicy = { maxAttempts: 2, baseDelayMs: 500, maxDelayMs: 5_000 }
const MAX_BODY_BYTES = 4 * 1024 * 1024
const MAX_PAGES = 10

/** ARM refused, or could not be reached (`status` undefined: the transport failed; `cause` says how). */
export class ArmError extends Error {
  readonly status: number | undefined
  /** ARM's `error.code` (AuthorizationFailed, InvalidAuthenticationTokenAudience, ResourceNotFound...). */
  readonly code: string | undefined
  /** The response body, redacted. */
  readonly body: string
  /** The request: method and URL, never a header. */
  readonly request: string

  constructor(
    request: string,
    status: number | undefined,
    code: string | undefined,
    message: string,
    body: string,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'ArmError'
    this.request = request
    this.status = status
    this.code = code
    this.body = body
  }

  /** What an AuthorizationFailed names: the action that was needed and the scope it was needed at. */
  get refusedAction(): { action: string; scope: string } | undefined {
    const match = /perform action '([^']+)' over scope '([^']+)'/.exec(this.message)
    return match ? { action: match[1], scope: match[2] } : undefined
  }
}

export interface ArmClientOptions {
  cloud: Cloud
  /** An access token for the cloud's ARM scope (asked for each call: the credential caches it). */
  token: () => Promise<string>
  deadline: Deadline
  /** The run's transport (proxy-aware, keep-alive). */
  dispatcher: Dispatcher
  /** Removes every credential the run knows from a text. */
  redact: (text: string) => string
}

export interface ArmClient {
  /** Accounts the identity can read whose custom subdomain is `subdomain` (empty: none, or none readable). */
  accountsBySubdomain(subdomain: string, subscriptions?: readonly string[]): Promise<GraphAccount[]>
  /** Accounts the identity can read in a region (what a regional endpoint may be). */
  accountsInRegion(location: string, subscriptions?: readonly string[]): Promise<GraphAccount[]>
  /** Every Cognitive Services account the identity can read (at most `top`). */
  visibleAccounts(subscriptions?: readonly string[], top?: number): Promise<GraphAccount[]>
  account(id: string): Promise<Account>
  deployments(accountId: string): Promise<Deployment[]>
  models(accountId: string): Promise<CatalogueModel[]>
  /** The caller's own permissions at the scope, one entry per role that reaches it. */
  permissions(scope: string): Promise<PermissionEntry[]>
  /** The principal's assignments at, above and below the scope. */
  roleAssignments(scope: string, principalId: string): Promise<RoleAssignment[]>
  roleDefinition(scope: string, roleId: string): Promise<RoleDefinition>
}

export function armClient(options: ArmClientOptions): ArmClient {
  const base = options.cloud.resourceManager.replace(/\/+$/, '')
  const request = (method: 'GET' | 'POST', url: string, body?: unknown) => call(options, base, method, url, body)
  const get = (path: string, apiVersion: string, query = '') =>
    request('GET', `${base}${path}?api-version=${apiVersion}${query}`)
  const list = async (path: string, apiVersion: string, query = ''): Promise<unknown[]> => {
    const items: unknown[] = []
    let url: string | undefined = `${base}${path}?api-version=${apiVersion}${query}`
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const answer = record(await request('GET', url))
      items.push(...array(answer.value))
      url = sameHostNextLink(base, answer.nextLink)
    }
    return items
  }
  const graph = async (query: string, subscriptions?: readonly string[], top = 100) => {
    const body = {
      query,
      ...(subscriptions?.length ? { subscriptions } : {}),
      options: { $top: top, resultFormat: 'objectArray' }
    }
    const answer = record(
      await request(
        'POST',
        `${base}/providers/Microsoft.ResourceGraph/resources?api-version=${API_VERSIONS.resourceGraph}`,
        body
      )
    )
    return array(answer.data)
      .map(graphAccount)
      .filter((a): a is GraphAccount => a !== undefined)
  }
  return {
    accountsBySubdomain: (subdomain, subscriptions) =>
      graph(
        accountQuery(`| where tostring(properties.customSubDomainName) =~ '${kqlString(subdomain)}' `),
        subscriptions
      ),
    accountsInRegion: (location, subscriptions) =>
      graph(accountQuery(`| where location =~ '${kqlString(location)}' `), subscriptions),
    visibleAccounts: (subscriptions, top = 50) => graph(accountQuery(''), subscriptions, top),
    account: async (id) => accountOf(await get(id, API_VERSIONS.cognitiveServices)),
    deployments: async (id) => (await list(`${id}/deployments`, API_VERSIONS.cognitiveServices)).map(deploymentOf),
    models: async (id) => (await list(`${id}/models`, API_VERSIONS.cognitiveServices)).map(catalogueModelOf),
    permissions: async (scope) =>
      (await list(`${scope}/providers/Microsoft.Authorization/permissions`, API_VERSIONS.authorization)).map(
        permissionEntry
      ),
    roleAssignments: async (scope, principalId) =>
      (
        await list(
          `${scope}/providers/Microsoft.Authorization/roleAssignments`,
          API_VERSIONS.authorization,
          `&$filter=${encodeURIComponent(`principalId eq '${kqlString(principalId)}'`)}`
        )
      ).map(roleAssignmentOf),
    roleDefinition: async (scope, roleId) =>
      roleDefinitionOf(
        await get(`${scope}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`, API_VERSIONS.authorization)
      )
  }
}

function accountQuery(filter: string): string {
  return (
    "resources | where type =~ 'microsoft.cognitiveservices/accounts' " +
    filter +
    '| project id, name, kind, location, subscriptionId, resourceGroup, endpoint = tostring(properties.endpoint), ' +
    'customSubDomainName = tostring(properties.customSubDomainName)'
  )
}

/** A value inside a KQL or OData single-quoted string: only the characters a subdomain or GUID has. */
function kqlString(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '')
}

function sameHostNextLink(base: string, next: unknown): string | undefined {
  if (typeof next !== 'string' || !next) return undefined
  try {
    const url = new URL(next)
    return url.origin === new URL(base).origin ? url.toString() : undefined
  } catch {
    return undefined
  }
}

async function call(
  options: ArmClientOptions,
  base: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown
): Promise<unknown> {
  const described = `${method} ${url.replace(/\?.*$/, '')}`
  if (!url.startsWith(`${base}/`)) throw new ArmError(described, undefined, undefined, 'not an ARM URL', '')
  const attempted = await withRetries(
    () => once(options, described, method, url, body),
    retryAfterOf,
    options.deadline,
    ARM_RETRY
  )
  if (attempted.error !== undefined) {
    throw attempted.error instanceof Error ? attempted.error : new Error(`${described} failed`)
  }
  return attempted.value
}

function retryAfterOf(error: unknown): number | null | undefined {
  if (!(error instanceof ArmError) || error.status === undefined) return undefined
  return error.status === 429 || error.status >= 500 ? null : undefined
}

async function once(
  options: ArmClientOptions,
  described: string,
  method: 'GET' | 'POST',
  url: string,
  body: unknown
): Promise<unknown> {
  const { deadline, redact } = options
  const token = await options.token()
  const init: RequestInit = {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
    signal: deadline.signal,
    // The bundled undici's agent and the one Node's fetch is typed with differ only in typing.
    dispatcher: options.dispatcher as unknown as RequestInit['dispatcher']
  }
  let response: Response
  try {
    response = await deadline.race(fetch(url, init), described)
  } catch (error) {
    if (deadline.expired()) throw error
    const message = redact(error instanceof Error ? error.message : String(error))
    throw new ArmError(described, undefined, undefined, `${described} failed: ${message}`, '', { cause: error })
  }
  const text = redact(await deadline.race(boundedText(response), described))
  if (response.status >= 300 && response.status < 400) {
    throw new ArmError(
      described,
      response.status,
      undefined,
      `${described} answered ${response.status} (a redirect): not followed with a credential`,
      ''
    )
  }
  const parsed = parseJson(text)
  if (response.ok) return parsed
  const error = record(record(parsed).error)
  const code = typeof error.code === 'string' ? error.code : undefined
  const message = typeof error.message === 'string' ? error.message : `${response.status} ${text.slice(0, 300)}`
  throw new ArmError(described, response.status, code, message, text)
}

async function boundedText(response: Response): Promise<string> {
  if (!response.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  // Node's web stream is async-iterable; its element type is declared loosely.
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > MAX_BODY_BYTES) throw new Error(`the answer was larger than ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
