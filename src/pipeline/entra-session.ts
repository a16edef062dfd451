import type * as Identity from '@azure/identity'
import type { TokenCredential } from '@azure/identity'
import { readFileSync } from 'node:fs'
import { createCredential, type SignInMode } from '../azure/credentials.js'
import type { GithubIdTokens } from '../github/id-token.js'
import { capBody } from '../net/body.js'
import type { Deadline } from '../net/deadline.js'
import { identityHttpClient } from '../net/identity-http-client.js'
import { retryAfterFromHeaders } from '../net/retry.js'
import type { Transport } from '../net/transport.js'
import { redactSecrets } from '../security/redact.js'
import type { SecretRegistry } from '../security/secrets.js'
import { transportError, type EntraFailure } from './sdk-errors.js'
import { loadIdentity } from './sdks.js'

const IDENTITY_RETRIES = { maxRetries: 2, retryDelayInMs: 500, maxRetryDelayInMs: 4000 }
const RETRY_AFTER_HEADERS = ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms']

export interface EntraSessionKey {
  /** How to sign in: the GitHub token exchange (oidc), or the CLI's env, cli and managed-identity. */
  mode: Exclude<SignInMode, 'api-key'>
  authorityHost: string
  /** Both required for oidc; the other modes also find them in the environment, the az login or the host. */
  tenantId?: string
  clientId?: string
  /** Audience of the GitHub OIDC token the credential presents. */
  oidcAudience: string
}

/**
 * A credential, and the last failure its requests met (MSAL's error keeps only a message: neither the AADSTS body
 * nor the transport's code, ENOTFOUND, ECONNRESET or a certificate error). Every token it hands out, to the token
 * stage or later to the probe's bearer provider, is masked and registered the moment it exists.
 */
export class EntraSession {
  readonly credential: TokenCredential
  private lastError?: EntraFailure

  constructor(
    identity: typeof Identity,
    key: EntraSessionKey,
    idTokens: GithubIdTokens,
    secrets: SecretRegistry,
    transport: Transport,
    deadline: Deadline
  ) {
    if (key.mode === 'env') registerEnvironmentSecrets(secrets)
    const inner = createCredential(identity, {
      mode: key.mode,
      env: process.env,
      tenantId: key.tenantId,
      clientId: key.clientId,
      authorityHost: key.authorityHost,
      getAssertion: () => idTokens.get(key.oidcAudience),
      options: {
        // A managed identity endpoint is plain HTTP on the host itself (App Service, Arc) or IMDS' link-local address,
        // which the TLS transport does not serve: there the SDK's own pipeline (which honours NO_PROXY) talks to it.
        ...(key.mode === 'managed-identity' ? {} : { httpClient: identityHttpClient(transport.dispatcher) }),
        retryOptions: IDENTITY_RETRIES,
        additionalPolicies: [
          {
            // Per retry: each answer is seen, and a wait the run cannot afford is refused before the SDK waits it.
            position: 'perRetry',
            policy: {
              name: 'aoai-auth-check-capture-entra-error',
              sendRequest: async (request, next) => {
                let response
                try {
                  response = await next(request)
                } catch (error) {
                  this.lastError = { networkError: transportError(error, secrets.all()) }
                  throw error
                }
                if (response.status >= 300) {
                  const headers = Object.fromEntries(
                    [...response.headers].map(([name, value]) => [name.toLowerCase(), value])
                  )
                  const { text, truncated } = capBody(response.bodyAsText ?? '')
                  this.lastError = { status: response.status, body: redactSecrets(text, secrets.all()), headers, truncated }
                  const wait = retryAfterFromHeaders(headers)
                  // A Retry-After longer than a retry may wait (a day, say) is answered at once, as the data plane does.
                  if (wait !== null && (wait > IDENTITY_RETRIES.maxRetryDelayInMs || wait >= deadline.remainingMs())) {
                    for (const name of RETRY_AFTER_HEADERS) response.headers.delete(name)
                  }
                }
                return response
              }
            }
          }
        ]
      }
    })
    this.credential = {
      getToken: async (scopes, options) => {
        const token = await inner.getToken(scopes, options)
        if (token) secrets.add(token.token)
        return token
      }
    }
  }

  /** The last failure, forgotten once read. */
  takeLastError(): EntraFailure | undefined {
    const answer = this.lastError
    this.lastError = undefined
    return answer
  }
}

/**
 * The credentials a sign-in from the environment holds (a client secret, the federated token in its file): masked
 * like the tokens the run gets, so no answer or error that echoes them is shown.
 */
function registerEnvironmentSecrets(secrets: SecretRegistry): void {
  secrets.add(process.env.AZURE_CLIENT_SECRET)
  const tokenFile = process.env.AZURE_FEDERATED_TOKEN_FILE
  if (!tokenFile) return
  try {
    secrets.add(readFileSync(tokenFile, 'utf8').trim())
  } catch {
    // Unreadable: WorkloadIdentityCredential fails on it and says so; there is nothing to mask.
  }
}

/** One credential per sign-in + authority + tenant + client + assertion audience for a run: its token cache then gives one token per scope. */
export class EntraSessions {
  private readonly byKey = new Map<string, Promise<EntraSession>>()
  private readonly idTokens: GithubIdTokens
  private readonly secrets: SecretRegistry
  private readonly transport: Transport
  private readonly deadline: Deadline

  constructor(idTokens: GithubIdTokens, secrets: SecretRegistry, transport: Transport, deadline: Deadline) {
    this.idTokens = idTokens
    this.secrets = secrets
    this.transport = transport
    this.deadline = deadline
  }

  for(key: EntraSessionKey): Promise<EntraSession> {
    const id = [key.mode, key.authorityHost, key.tenantId, key.clientId, key.oidcAudience].join('|')
    let session = this.byKey.get(id)
    if (!session) {
      session = loadIdentity().then(
        (identity) => new EntraSession(identity, key, this.idTokens, this.secrets, this.transport, this.deadline)
      )
      this.byKey.set(id, session)
    }
    return session
  }
}
