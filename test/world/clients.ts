// The real libraries, configured as production code would be, pointed at nothing but the world's environment.
import * as core from '@actions/core'
import { ClientAssertionCredential, getBearerTokenProvider } from '@azure/identity'
import { AzureOpenAI } from 'openai'
import { EnvHttpProxyAgent } from 'undici'
import { CLIENT_ID, COGNITIVE_SERVICES_SCOPE, TENANT_ID, TOKEN_EXCHANGE_AUDIENCE } from './scenario.ts'

/** No retries: identity retries a 5xx for ~5 s, and a test wants the first answer. */
export function federatedCredential(
  options: { tenantId?: string; clientId?: string; assertion?: () => Promise<string> } = {}
) {
  return new ClientAssertionCredential(options.tenantId ?? TENANT_ID, options.clientId ?? CLIENT_ID,
    options.assertion ?? (() => core.getIDToken(TOKEN_EXCHANGE_AUDIENCE)), { retryOptions: { maxRetries: 0 } })
}

export function azureOpenAiClient(options: { endpoint: string; apiVersion: string; deployment?: string;
  token?: () => Promise<string>; apiKey?: string }) {
  const auth = options.apiKey !== undefined
    ? { apiKey: options.apiKey }
    : { azureADTokenProvider:
        options.token ?? getBearerTokenProvider(federatedCredential(), COGNITIVE_SERVICES_SCOPE) }
  // fetch ignores HTTPS_PROXY (the world does not set NODE_USE_ENV_PROXY), so route it as production code must.
  // The cast: undici's RequestInit type and the undici-types one openai is declared with differ only in typing.
  const fetchOptions = { dispatcher: new EnvHttpProxyAgent() } as never
  return new AzureOpenAI({ endpoint: options.endpoint, apiVersion: options.apiVersion, deployment: options.deployment,
    maxRetries: 0, ...auth, fetchOptions })
}
