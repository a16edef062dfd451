import { ClientAssertionCredential } from '@azure/identity'
import { decodeJwtClaims } from '../../diagnosis/jwt.js'
import { redactSecrets } from '../../diagnosis/redact.js'
import { causeOutcome, explainError, explainObservation } from '../diagnose.js'
import { githubIdToken } from '../github-id-token.js'
import type { CheckStep } from '../runner.js'
import type { SecretRegistry } from '../secrets.js'
import type { TargetRun } from '../target-run.js'

const IDENTITY_RETRIES = { maxRetries: 2, retryDelayInMs: 500, maxRetryDelayInMs: 4000 }

/** What Entra last answered with an error, or why no answer came: MSAL keeps only `network_error` of the latter. */
type EntraFailure = { status: number; body: string } | { networkError: Error }

/**
 * A credential, and the last failure its requests met (MSAL's error keeps only a message: neither the AADSTS body
 * nor the transport's code, ENOTFOUND, ECONNRESET or a certificate error).
 */
class EntraSession {
  readonly credential: ClientAssertionCredential
  private lastError?: EntraFailure

  constructor(tenantId: string, clientId: string, audience: string, authorityHost: string, secrets: SecretRegistry) {
    const getAssertion = (): Promise<string> => githubIdToken(audience, secrets)
    this.credential = new ClientAssertionCredential(tenantId, clientId, getAssertion, {
      authorityHost,
      disableInstanceDiscovery: true,
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

/** The transport error as the classifier reads it: its message and code, and those of its causes, redacted. */
function transportError(error: unknown, secrets: readonly string[]): Error {
  if (!(error instanceof Error)) return new Error(redactSecrets(String(error), secrets))
  const code = (error as { code?: unknown }).code
  const copy = new Error(redactSecrets(error.message, secrets), error.cause === undefined
    ? {}
    : { cause: transportError(error.cause, secrets) })
  return typeof code === 'string' ? Object.assign(copy, { code }) : copy
}

/** One credential per authority + tenant + client: its token cache then gives one token per scope. */
const sessions = new Map<string, EntraSession>()

function sessionFor(run: TargetRun): EntraSession {
  const { authorityHost, tenantId, clientId, oidcAudience } = run.config
  const key = [authorityHost, tenantId, clientId, oidcAudience].join('|')
  let session = sessions.get(key)
  if (!session) {
    session = new EntraSession(tenantId!, clientId!, oidcAudience, authorityHost, run.secrets)
    sessions.set(key, session)
  }
  return session
}

/** Exchanges the GitHub token for an Entra access token (client credentials with a jwt-bearer assertion). */
export const entraTokenCheck: CheckStep<TargetRun> = {
  id: 'entra-token',
  stage: 'entra-token',
  title: 'Entra ID access token',
  needs: ['github-oidc', 'endpoint-url'],
  async run(run) {
    const scope = run.endpoint!.scope
    const { authorityHost, tenantId, clientId } = run.config
    const evidence = { scope, authorityHost, tenantId, clientId }
    const session = sessionFor(run)
    session.takeLastError()
    run.credential = session.credential
    let token
    try {
      // enableCae: the bearer provider the probe uses asks with CAE, and this fills that same cache.
      token = await session.credential.getToken(scope, { enableCae: true, abortSignal: run.deadline.signal })
    } catch (error) {
      const answer = session.takeLastError()
      const options = { source: `Entra ID (${authorityHost})`, phase: 'entra-token' as const, evidence }
      if (answer && 'networkError' in answer) {
        // MSAL's "network_error" first, then what the transport said, as in any error chain.
        const message = error instanceof Error ? error.message : String(error)
        return explainError(run, new Error(message, { cause: answer.networkError }), options)
      }
      // No body (a proxy refusing the tunnel looks like an empty 403 from Entra): the SDK's message tells more.
      if (!answer?.body.trim()) return explainError(run, error, options)
      return explainObservation(run, { text: answer.body, status: answer.status, phase: 'entra-token' }, options)
    }
    run.secrets.add(token.token)
    const claims = decodeJwtClaims(token.token)
    if (!claims) {
      return causeOutcome(run, 'unknown', 'fail', 'Entra ID answered with an access token that is not a JWT.', evidence)
    }
    run.accessTokenClaims = claims
    run.accessTokenExpiresOn = new Date(token.expiresOnTimestamp)
    return {
      status: 'pass',
      detail:
        `Token for ${scope} issued to principal ${String(claims.oid)} in tenant ${String(claims.tid)}, ` +
        `valid until ${run.accessTokenExpiresOn.toISOString()}.`,
      evidence: { ...evidence, claims }
    }
  }
}

/**
 * Reads the access token's claims against what the endpoint takes: audience and expiry (any token version). The
 * tenant is not compared: the token comes from tenant-id's own authority, so its tid always is tenant-id; whether
 * the resource is in that tenant only the data plane's answer shows.
 */
export const accessTokenCheck: CheckStep<TargetRun> = {
  id: 'access-token',
  stage: 'entra-token',
  title: 'Access token audience and expiry',
  needs: ['entra-token'],
  async run(run) {
    const claims = run.accessTokenClaims!
    const audience = String(claims.aud ?? '').replace(/\/+$/, '')
    const expected = run.endpoint?.expectedAudiences
    const { tid, exp, ver, iss } = claims
    const evidence = { aud: audience, tid, exp, ver, iss, expected: expected ?? null }
    if (expected && !expected.includes(audience)) {
      return causeOutcome(
        run,
        'wrong-token-audience',
        'fail',
        `The token's audience is ${audience}, but ${run.endpoint!.host} takes ${expected.join(' or ')}` +
          ` (scope ${run.endpoint!.scope}).`,
        evidence
      )
    }
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : run.accessTokenExpiresOn?.getTime()
    if (expiresAt !== undefined && expiresAt <= Date.now()) {
      const detail = `The token expired at ${new Date(expiresAt).toISOString()}.`
      return causeOutcome(run, 'token-expired', 'fail', detail, evidence)
    }
    const audienceNote = expected ? 'an audience the endpoint takes' : 'checked by the gateway'
    return {
      status: 'pass',
      detail: `Audience ${audience} (${audienceNote}), tenant ${String(tid)}, token version ${String(ver ?? '?')}.`,
      evidence
    }
  }
}
