import { ClientAssertionCredential } from '@azure/identity'
import { judgeAccessToken, normalisedAudience } from '../../diagnosis/access-token.js'
import { decodeJwtClaims } from '../../diagnosis/jwt.js'
import { redactSecrets } from '../../diagnosis/redact.js'
import { causeOutcome, explainError, explainObservation } from '../diagnose.js'
import { githubIdToken } from '../github-id-token.js'
import type { CheckStep } from '../runner.js'
import { readEntraError, transportError, type EntraFailure } from '../sdk-errors.js'
import type { SecretRegistry } from '../secrets.js'
import type { TargetRun } from '../target-run.js'
import { startControlPlane } from './control-plane.js'

const IDENTITY_RETRIES = { maxRetries: 2, retryDelayInMs: 500, maxRetryDelayInMs: 4000 }

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

/**
 * A credential with an empty token cache: its first token is a new one. Polling a fresh role assignment needs
 * that (a token issued before the assignment propagated keeps the old view).
 */
export function freshCredential(run: TargetRun): ClientAssertionCredential {
  const { authorityHost, tenantId, clientId, oidcAudience } = run.config
  return new EntraSession(tenantId!, clientId!, oidcAudience, authorityHost, run.secrets).credential
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
    // host: the one a transport failure's fix names is the sign-in host, not the endpoint's.
    const evidence = { scope, authorityHost, host: new URL(authorityHost).hostname, tenantId, clientId }
    const session = sessionFor(run)
    session.takeLastError()
    run.credential = session.credential
    // ARM's token and reads go on while this token is fetched and the probe runs.
    startControlPlane(run)
    let token
    try {
      // enableCae: the bearer provider the probe uses asks with CAE, and this fills that same cache.
      token = await session.credential.getToken(scope, { enableCae: true, abortSignal: run.deadline.signal })
    } catch (error) {
      const read = readEntraError(error, session.takeLastError())
      const options = { source: `Entra ID (${authorityHost})`, phase: 'entra-token' as const, evidence }
      return 'answer' in read ? explainObservation(run, read.answer, options) : explainError(run, read.error, options)
    }
    run.secrets.add(token.token)
    const claims = decodeJwtClaims(token.token)
    if (!claims) {
      return causeOutcome(run, 'unknown', 'fail', 'Entra ID answered with an access token that is not a JWT.', evidence)
    }
    run.accessTokenClaims = claims
    // The token's own exp, when it has one: MSAL's expiresOnTimestamp is computed from expires_in and can differ.
    run.accessTokenExpiresOn = new Date(typeof claims.exp === 'number' ? claims.exp * 1000 : token.expiresOnTimestamp)
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
    const { host, scope, expectedAudiences } = run.endpoint!
    const { tid, exp, ver, iss } = claims
    const audience = normalisedAudience(claims.aud)
    const evidence = { aud: audience, tid, exp, ver, iss, expected: expectedAudiences ?? null }
    const verdict = judgeAccessToken(claims, {
      expectedAudiences: expectedAudiences ?? 'any',
      taker: host,
      now: Date.now(),
      expiresOn: run.accessTokenExpiresOn?.getTime()
    })
    if (verdict) {
      const detail = verdict.cause === 'wrong-token-audience' ? `${verdict.detail} Scope: ${scope}.` : verdict.detail
      return causeOutcome(run, verdict.cause, 'fail', detail, evidence)
    }
    const audienceNote = expectedAudiences ? 'an audience the endpoint takes' : 'checked by the gateway'
    return {
      status: 'pass',
      detail: `Audience ${audience} (${audienceNote}), tenant ${String(tid)}, token version ${String(ver ?? '?')}.`,
      evidence
    }
  }
}
