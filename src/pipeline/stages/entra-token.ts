import { judgeAccessToken, normalisedAudience } from '../../diagnosis/access-token.js'
import { decodeJwtClaims } from '../../security/jwt.js'
import { causeOutcome, explainError, explainObservation } from '../diagnose.js'
import { readEntraError } from '../sdk-errors.js'
import type { EntraSession } from '../entra-session.js'
import { known, type CheckStep, type TargetContext } from '../types.js'

function sessionFor(context: TargetContext): Promise<EntraSession> {
  const { auth, authorityHost, tenantId, clientId, oidcAudience } = context.config
  // The GitHub token exchange needs both ids; a sign-in from the environment, az or a managed identity finds them.
  const oidc = auth === 'oidc'
  return context.entraSessions.for({
    mode: auth === 'api-key' ? 'oidc' : auth,
    authorityHost,
    tenantId: oidc ? known(tenantId, 'tenant-id') : tenantId,
    clientId: oidc ? known(clientId, 'client-id') : clientId,
    oidcAudience
  })
}

/** Exchanges the GitHub token for an Entra access token (client credentials with a jwt-bearer assertion). */
export const entraTokenCheck: CheckStep<TargetContext> = {
  id: 'entra-token',
  stage: 'entra-token',
  title: 'Entra ID access token',
  needs: ['github-oidc', 'endpoint-url'],
  async run(context) {
    const scope = known(context.endpoint, 'the endpoint facts').scope
    const { authorityHost, tenantId, clientId } = context.config
    // host: the one a transport failure's fix names is the sign-in host, not the endpoint's.
    const evidence = { scope, authorityHost, host: new URL(authorityHost).hostname, tenantId, clientId }
    const session = await sessionFor(context)
    session.takeLastError()
    context.credential = session.credential
    let token
    try {
      // enableCae: the bearer provider the probe uses asks with CAE, and this fills that same cache.
      token = await session.credential.getToken(scope, { enableCae: true, abortSignal: context.deadline.signal })
    } catch (error) {
      const read = readEntraError(error, session.takeLastError())
      const options = { source: `Entra ID (${authorityHost})`, phase: 'entra-token' as const, evidence }
      return 'answer' in read ? explainObservation(context, read.answer, options) : explainError(context, read.error, options)
    }
    if (!token) {
      const detail = `The ${context.config.auth} sign-in returned no access token.`
      return causeOutcome(context, 'unknown', 'fail', detail, evidence)
    }
    context.secrets.add(token.token)
    const claims = decodeJwtClaims(token.token)
    if (!claims) {
      return causeOutcome(context, 'unknown', 'fail', 'Entra ID answered with an access token that is not a JWT.', evidence)
    }
    context.accessTokenClaims = claims
    // The token's own exp, when it has one: MSAL's expiresOnTimestamp is computed from expires_in and can differ.
    context.accessTokenExpiresOn = new Date(typeof claims.exp === 'number' ? claims.exp * 1000 : token.expiresOnTimestamp)
    return {
      status: 'pass',
      detail:
        `Token for ${scope} issued to principal ${String(claims.oid)} in tenant ${String(claims.tid)}, ` +
        `valid until ${context.accessTokenExpiresOn.toISOString()}.`,
      evidence: { ...evidence, claims }
    }
  }
}

/**
 * Reads the access token's claims against what the endpoint takes: audience and expiry (any token version). The
 * tenant is not compared: the token comes from tenant-id's own authority, so its tid always is tenant-id; whether
 * the resource is in that tenant only the data plane's answer shows.
 */
export const accessTokenCheck: CheckStep<TargetContext> = {
  id: 'access-token',
  stage: 'entra-token',
  title: 'Access token audience and expiry',
  needs: ['entra-token'],
  async run(context) {
    const claims = known(context.accessTokenClaims, 'the access token claims')
    const { host, scope, expectedAudiences } = known(context.endpoint, 'the endpoint facts')
    const { tid, exp, ver, iss } = claims
    const audience = normalisedAudience(claims.aud)
    const evidence = { aud: audience, tid, exp, ver, iss, expected: expectedAudiences ?? null }
    const verdict = judgeAccessToken(claims, {
      expectedAudiences: expectedAudiences ?? 'any',
      taker: host,
      now: Date.now(),
      expiresOn: context.accessTokenExpiresOn?.getTime()
    })
    if (verdict) {
      const detail = verdict.cause === 'wrong-token-audience' ? `${verdict.detail} Scope: ${scope}.` : verdict.detail
      return causeOutcome(context, verdict.cause, 'fail', detail, evidence)
    }
    const audienceNote = expectedAudiences ? 'an audience the endpoint takes' : 'checked by the gateway'
    return {
      status: 'pass',
      detail: `Audience ${audience} (${audienceNote}), tenant ${String(tid)}, token version ${String(ver ?? '?')}.`,
      evidence
    }
  }
}

/** The same exchange for a sign-in that needs no GitHub token (the CLI's env, cli and managed-identity). */
export const directEntraTokenCheck: CheckStep<TargetContext> = { ...entraTokenCheck, needs: ['endpoint-url'] }
