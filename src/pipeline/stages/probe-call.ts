import type { TokenCredential } from '@azure/identity'
import type OpenAI from 'openai'
import type { Dispatcher } from 'undici'
import type { TargetConfig } from '../../config/inputs.js'
import type { Deadline } from '../../net/deadline.js'
import { headerRecord, retryAfterFromHeaders } from '../../net/retry.js'
import type { EndpointFacts } from '../../azure/endpoint.js'
import { isOpenAIError, loadIdentity, loadOpenAI } from '../sdks.js'

export type CallKind = 'chat' | 'embeddings' | 'responses' | 'models'
export type TokenLimitParameter = 'max_tokens' | 'max_completion_tokens'

export type ProbeCredential =
  | { kind: 'entra-token'; credential: TokenCredential; scope: string }
  | { kind: 'api-key'; key: string }

/** One Azure OpenAI data-plane client for one endpoint, deployment and credential. */
export interface DataPlane {
  call(kind: CallKind, parameter: TokenLimitParameter): Promise<void>
  /** The request `call(kind)` makes, for the report: method and path, never a header. */
  describe(kind: CallKind): string
}

/**
 * A Foundry project serves only the v1 API (`<project>/openai/v1/`), whatever api-version says; the Responses API
 * is a v1 path too (`/openai/v1/responses`).
 */
export function usesV1Api(endpoint: EndpointFacts, config: TargetConfig): boolean {
  return config.apiVersion === 'v1' || endpoint.kind === 'foundry-project' || config.probe === 'responses'
}

/** The Responses API refuses max_output_tokens below 16 (shared/reference/azure-facts.md §3). */
const RESPONSES_MIN_OUTPUT_TOKENS = 16

/**
 * The dated API goes through `AzureOpenAI` (`/openai/deployments/<d>/...?api-version=`), the v1 API through
 * `OpenAI` at `<endpoint>/openai/v1/`. Neither retries (maxRetries 0: the probe retries within the deadline
 * itself); both go through the proxy-aware dispatcher and never follow a redirect with a credential.
 */
export async function dataPlane(
  endpoint: EndpointFacts,
  config: TargetConfig,
  credential: ProbeCredential,
  deadline: Deadline,
  dispatcher: Dispatcher
): Promise<DataPlane> {
  const [{ default: OpenAIClient, AzureOpenAI }, { getBearerTokenProvider }] = await Promise.all([
    loadOpenAI(),
    loadIdentity()
  ])
  const deployment = config.deployment ?? ''
  const isV1 = usesV1Api(endpoint, config)
  const common = {
    maxRetries: 0,
    timeout: Math.max(1, deadline.remainingMs()),
    fetchOptions: { dispatcher, redirect: 'manual' as const },
    // The SDKs read OPENAI_* / AZURE_OPENAI_* variables as defaults; the action's inputs are the only source.
    organization: null,
    project: null,
    adminAPIKey: null
  }
  const auth =
    credential.kind === 'entra-token'
      ? { bearer: getBearerTokenProvider(credential.credential, credential.scope) }
      : { key: credential.key }
  const client: OpenAI = isV1
    ? new OpenAIClient({
        ...common,
        baseURL: `${endpoint.base}/openai/v1/`,
        apiKey: auth.bearer ?? auth.key,
        // Azure takes a key in the api-key header; as a bearer a gateway would pass it on as a token (and the
        // diagnosis would blame the user for sending a key as a bearer).
        ...(auth.key ? { defaultHeaders: { 'api-key': auth.key, Authorization: null } } : {})
      })
    : new AzureOpenAI({
        ...common,
        baseURL: `${endpoint.base}/openai`,
        apiVersion: config.apiVersion,
        deployment,
        // `null`, not undefined: AzureOpenAI would otherwise read AZURE_OPENAI_API_KEY and refuse the provider.
        ...(auth.bearer
          ? { azureADTokenProvider: auth.bearer, apiKey: null as unknown as string }
          : { apiKey: auth.key })
      })
  const requestOptions = { signal: deadline.signal }

  return {
    async call(kind, parameter) {
      if (kind === 'models') {
        await client.models.list(requestOptions)
      } else if (kind === 'responses') {
        await client.responses.create(
          { model: deployment, input: 'ping', max_output_tokens: RESPONSES_MIN_OUTPUT_TOKENS },
          requestOptions
        )
      } else if (kind === 'embeddings') {
        await client.embeddings.create({ model: deployment, input: 'ping' }, requestOptions)
      } else {
        const messages = [{ role: 'user' as const, content: 'ping' }]
        await client.chat.completions.create(
          parameter === 'max_tokens'
            ? { model: deployment, messages, max_tokens: 1 }
            : { model: deployment, messages, max_completion_tokens: 1 },
          requestOptions
        )
      }
    },
    describe(kind) {
      const path = { chat: 'chat/completions', embeddings: 'embeddings', responses: 'responses', models: 'models' }[kind]
      const method = kind === 'models' ? 'GET' : 'POST'
      if (isV1) return `${method} ${endpoint.base}/openai/v1/${path}`
      const scoped = kind === 'models' ? path : `deployments/${deployment}/${path}`
      return `${method} ${endpoint.base}/openai/${scoped}?api-version=${config.apiVersion}`
    }
  }
}

/** For the retry loop: how long to wait before retrying a 429 or 5xx (null: the backoff); undefined: don't. */
export function retryDelayOf(error: unknown): number | null | undefined {
  if (!isOpenAIError(error) || error.status === undefined) return undefined
  if (error.status !== 429 && error.status < 500) return undefined
  return error.headers ? retryAfterFromHeaders(headerRecord(error.headers)) : null
}
