import { decodeJwtClaims } from '../../security/jwt.js'
import { OidcAnswerError } from '../../net/github-oidc.js'
import { answerFault } from '../answer-faults.js'
import { causeOutcome, explainError, explainObservation } from '../diagnose.js'
import { preloadSdks } from '../sdks.js'
import type { CheckOutcome, CheckStep } from '../types.js'
import type { TargetContext } from '../types.js'

/** The claims worth showing: what a federated credential is matched against, and where the job came from. */
const SHOWN_CLAIMS = [
  'iss',
  'sub',
  'aud',
  'job_workflow_ref',
  'environment',
  'ref',
  'ref_type',
  'event_name',
  'repository',
  'repository_id',
  'repository_owner_id',
  'runner_environment',
  'exp'
]

/** The runner sets these only for a job granted `id-token: write` (and never for fork or Dependabot runs). */
const REQUEST_VARIABLES = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']

/** Asks GitHub for the job's OIDC token with the cloud's token-exchange audience (needs `id-token: write`). */
export const githubOidcCheck: CheckStep<TargetContext> = {
  id: 'github-oidc',
  stage: 'github-oidc',
  title: 'GitHub OIDC token',
  // No token is minted for a target whose credentials would have nowhere to go.
  needs: ['inputs', 'host-policy', 'endpoint-host'],
  async run(context) {
    const audience = context.config.oidcAudience
    const evidence = {
      audience,
      requestVariables: REQUEST_VARIABLES.every((name) => process.env[name]),
      event: context.event.name,
      forkPullRequest: context.event.isForkPullRequest,
      dependabot: context.event.isDependabot
    }
    // While GitHub answers, open the connections the token exchange and the probe will use.
    if (evidence.requestVariables) {
      preloadSdks()
      const signInHost = new URL(context.config.authorityHost).hostname
      context.transport.preconnect(context.trustedHost ? [signInHost, context.trustedHost] : [signInHost])
    }
    let token: string
    try {
      token = await context.idTokens.get(audience)
    } catch (error) {
      return explainOidcFailure(context, error, evidence)
    }
    const claims = decodeJwtClaims(token)
    if (!claims) {
      const detail = 'GitHub answered the token request, but not with a JWT.'
      return causeOutcome(context, 'oidc-request-failed', 'fail', detail, evidence)
    }
    const shown = SHOWN_CLAIMS.filter((name) => name in claims)
    context.oidcClaims = Object.fromEntries(shown.map((name) => [name, claims[name]]))
    return {
      status: 'pass',
      detail: `Subject ${String(claims.sub)}, issuer ${String(claims.iss)}, audience ${String(claims.aud)}.`,
      evidence: { ...evidence, claims: context.oidcClaims }
    }
  }
}

/**
 * GitHub's token endpoint answered without a token: its status decides (a redirect is named and never followed,
 * an HTML page is a proxy's); no answer at all (no permission, DNS, TLS, the proxy) goes to the diagnosis engine.
 */
function explainOidcFailure(context: TargetContext, error: unknown, evidence: Record<string, unknown>): CheckOutcome {
  const source = 'GitHub OIDC token request'
  if (!(error instanceof OidcAnswerError)) return explainError(context, error, { source, phase: 'github-oidc', evidence })
  const observation = {
    text: error.body,
    status: error.status,
    headers: error.headers,
    phase: 'github-oidc' as const,
    truncated: error.truncated
  }
  const fault = answerFault(observation, "GitHub's OIDC token endpoint")
  if (fault) return causeOutcome(context, fault.cause, 'fail', `${fault.detail}.`, { ...evidence, ...fault.evidence })
  if (error.status === 407) return explainObservation(context, observation, { source, phase: 'github-oidc', evidence })
  const detail =
    error.status === 200
      ? "GitHub's OIDC token endpoint answered 200, but without a token."
      : `GitHub's OIDC token endpoint answered ${error.status}` +
        (error.status >= 500 || error.status === 429 ? ', also on the retries within the deadline.' : '.')
  return causeOutcome(context, 'oidc-request-failed', 'fail', detail, { ...evidence, status: error.status })
}
