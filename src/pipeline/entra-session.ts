import type { ClientAssertionCredential } from '@azure/identity'
import type { GithubIdTokens } from '../github/id-token.js'
import { identityHttpClient } from '../net/identity-http-client.js'
import type { Transport } from '../net/transport.js'
import { redactSecrets } from '../security/redact.js'
import type { SecretRegistry } from '../security/secrets.js'
import { transportError, type EntraFailure } from './sdk-errors.js'
import { loadIdentity } from './sdks.js'

const IDENTITY_RETRIES = { maxRetries: 2, retryDelayInMs: 500, maxRetryDelayInMs: 4000 }

export interface EntraSessionKey {
  authorityHost: string
  tenantId: string
  clientId: string
  /** Audience of the GitHub OIDC token the credential presents. */
  oidcAudience: string
}

/**
 * A credential, and the last failure its requests met (MSAL's error keeps only a message: neither the AADSTS body
 * nor the transport's code, ENOTFOUND, ECONNRESET or a certificate error).
 */
export class EntraSession {
  readonly credential: ClientAssertionCredential
  private lastError?: EntraFailure

  constructor(
    Credential: typeof ClientAssertionCredential,
    key: EntraSessionKey,
    idTokens: GithubIdTokens,
    secrets: SecretRegistry,
    transport: Transport
  ) {
    const getAssertion = (): Promise<string> => idTokens.get(key.oidcAudience)
    this.credential = new Credential(key.tenantId, key.clientId, getAssertion, {
      authorityHost: key.authorityHost,
      disableInstanceDiscovery: true,
      httpClient: identityHttpClient(transport.dispatcher),
      retryOptions: IDENTITY_RETRIES,
      additionalPolicies: [
        {
          position: 'perCall',
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
              if (response.status >= 400) {
                const body = redactSecrets(response.bodyAsText ?? '', secrets.all())
                this.lastError = { status: response.status, body }
              }
              return response
            }
          }
        }
      ]
    })
  }

  /** The last failure, forgotten once read. */
  takeLastError(): EntraFailure | undefined {
    const answer = this.lastError
    this.lastError = undefined
    return answer
  }
}

/** One credential per authority + tenant + client + assertion audience for a run: its token cache then gives one token per scope. */
export class EntraSessions {
  private readonly byKey = new Map<string, Promise<EntraSession>>()
  private readonly idTokens: GithubIdTokens
  private readonly secrets: SecretRegistry
  private readonly transport: Transport

  constructor(idTokens: GithubIdTokens, secrets: SecretRegistry, transport: Transport) {
    this.idTokens = idTokens
    this.secrets = secrets
    this.transport = transport
  }

  /** A new session outside the cache: its credential's first token is a fresh one. */
  async fresh(key: EntraSessionKey): Promise<EntraSession> {
    const { ClientAssertionCredential } = await loadIdentity()
    return new EntraSession(ClientAssertionCredential, key, this.idTokens, this.secrets, this.transport)
  }

  for(key: EntraSessionKey): Promise<EntraSession> {
    const id = [key.authorityHost, key.tenantId, key.clientId, key.oidcAudience].join('|')
    let session = this.byKey.get(id)
    if (!session) {
      session = loadIdentity().then(
        ({ ClientAssertionCredential }) =>
          new EntraSession(ClientAssertionCredential, key, this.idTokens, this.secrets, this.transport)
      )
      this.byKey.set(id, session)
    }
    return session
  }
}
