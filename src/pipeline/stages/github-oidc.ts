import { decodeJwtClaims } from '../../security/jwt.js'
import { causeOutcome, explainError } from '../diagnose.js'
import { preloadSdks } from '../sdks.js'
import type { CheckStep } from '../types.js'
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
  needs: ['inputs'],
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
      return explainError(context, error, { source: 'GitHub OIDC token request', phase: 'github-oidc', evidence })
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
