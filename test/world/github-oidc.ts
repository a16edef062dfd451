// Fake GitHub Actions OIDC provider: the runner's ID-token request URL (checks the runtime bearer, honours
// `&audience=`), and the issuer's discovery document and JWKS at token.actions.githubusercontent.com.
import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import { bearerOf, json, type Fake, type FakeRequest, type WorldState } from './http.ts'
import { signingKey } from './keys.ts'
import { GITHUB_ISSUER, OIDC_REQUEST_HOST, type GithubScenario } from './scenario.ts'

export const OIDC_REQUEST_PATH =
  '/104//idtoken/3c4b8f9e-5d6a-4b7c-8e9f-0a1b2c3d4e5f/7d8e9f0a-1b2c-4d3e-9f5a-6b7c8d9e0f1a'

/** ACTIONS_ID_TOKEN_REQUEST_URL as current github.com hosted runners set it (see test-world-spike-2 §1). */
export const OIDC_REQUEST_URL = `https://${OIDC_REQUEST_HOST}${OIDC_REQUEST_PATH}?api-version=2.0`

function escapeColons(value: string): string {
  return value.replaceAll(':', '%3A')
}

/** The event's ref: branch push, tag push, or the pull request's merge ref. */
export function refOf(github: GithubScenario): { ref: string; refType: 'branch' | 'tag' } {
  if (github.event === 'tag-push') return { ref: `refs/tags/${github.tag}`, refType: 'tag' }
  if (isPullRequestEvent(github)) return { ref: `refs/pull/${github.pullRequestNumber}/merge`, refType: 'branch' }
  return { ref: `refs/heads/${github.branch}`, refType: 'branch' }
}

export function isPullRequestEvent(github: GithubScenario): boolean {
  return ['pull_request', 'fork-pull-request', 'dependabot-pull-request'].includes(github.event)
}

export function eventNameOf(github: GithubScenario): string {
  if (isPullRequestEvent(github)) return 'pull_request'
  if (github.event === 'tag-push') return 'push'
  if (github.event === 'fork-pull-request-target') return 'pull_request_target'
  return github.event
}

/** The claims GitHub puts in an Actions ID token (docs: "OpenID Connect reference"). */
export function idTokenClaims(github: GithubScenario, audience: string, now: number): Record<string, unknown> {
  const { ref, refType } = refOf(github)
  const repository = `${github.owner}/${github.repo}`
  const workflowRef = `${repository}/${github.workflowFile}@${ref}`
  const claims: Record<string, unknown> = {
    jti: randomUUID(),
    sub: '',
    aud: audience,
    ref,
    sha: github.sha,
    repository,
    repository_owner: github.owner,
    repository_owner_id: String(github.ownerId),
    run_id: String(github.runId),
    run_number: '17',
    run_attempt: '1',
    repository_visibility: github.visibility,
    repository_id: String(github.repoId),
    actor_id: String(github.actorId),
    actor: github.actor,
    workflow: 'aoai-auth-check',
    head_ref: isPullRequestEvent(github) ? 'feature/probe' : '',
    base_ref: isPullRequestEvent(github) ? `refs/heads/${github.branch}` : '',
    event_name: eventNameOf(github),
    ref_protected: github.event === 'push' ? 'true' : 'false',
    ref_type: refType,
    workflow_ref: workflowRef,
    workflow_sha: github.sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: github.sha,
    runner_environment: github.runnerEnvironment,
    iss: github.issuer,
    nbf: now - 5,
    exp: now + github.tokenLifetimeSeconds,
    iat: now
  }
  if (github.environment) claims.environment = github.environment
  claims.sub = subjectOf(github, claims)
  return claims
}

function contextOf(github: GithubScenario, ref: string): string {
  if (github.environment) return `environment:${escapeColons(github.environment)}`
  if (isPullRequestEvent(github)) return 'pull_request'
  return `ref:${escapeColons(ref)}`
}

/** `sub` with GitHub's precedence: environment > pull_request > ref; or the immutable or customised form. */
export function subjectOf(github: GithubScenario, claims: Record<string, unknown>): string {
  const { ref } = refOf(github)
  const context = contextOf(github, ref)
  if (github.subjectFormat === 'default') return `repo:${github.owner}/${github.repo}:${context}`
  if (github.subjectFormat === 'immutable') {
    return `repo:${github.owner}@${github.ownerId}/${github.repo}@${github.repoId}:${context}`
  }
  return github.subjectFormat.includeClaimKeys.map((key) => {
    if (key === 'repo') return `repo:${github.owner}/${github.repo}`
    if (key === 'context') return context
    return `${key}:${escapeColons(String(claims[key] ?? ''))}`
  }).join(':')
}

export async function mintIdToken(github: GithubScenario, audience: string, keyName: 'github' | 'forger' = 'github',
  now = Math.floor(Date.now() / 1000)): Promise<string> {
  const key = await signingKey(keyName)
  return new SignJWT(idTokenClaims(github, audience, now))
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, x5t: key.kid })
    .sign(key.privateKey)
}

export function openIdConfiguration(issuer: string): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks`,
    subject_types_supported: ['public', 'pairwise'],
    response_types_supported: ['id_token'],
    claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'sha', 'repository', 'repository_id',
      'repository_owner', 'repository_owner_id', 'run_id', 'run_number', 'run_attempt', 'actor', 'actor_id',
      'workflow', 'workflow_ref', 'workflow_sha', 'head_ref', 'base_ref', 'event_name', 'ref_type', 'ref_protected',
      'environment', 'environment_node_id', 'job_workflow_ref', 'job_workflow_sha', 'repository_visibility',
      'runner_environment', 'issuer_scope'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid']
  }
}

async function idTokenRequest(request: FakeRequest, state: WorldState) {
  const github = state.scenario.github
  if (bearerOf(request) !== github.runtimeToken) return json(401, { message: 'Bad credentials' })
  if (request.query.get('api-version') !== '2.0') return json(400, { message: 'api-version 2.0 is required' })
  const audience = request.query.get('audience') ?? `https://github.com/${github.owner}`
  const token = await mintIdToken(github, audience)
  state.secrets.add(token)
  return json(200, { count: token.length, value: token })
}

export const githubOidc: Fake = async (request, state) => {
  if (request.host === new URL(GITHUB_ISSUER).host) {
    if (request.path === '/.well-known/openid-configuration') return json(200, openIdConfiguration(GITHUB_ISSUER))
    if (request.path === '/.well-known/jwks') return json(200, { keys: [(await signingKey('github')).jwk] })
    return json(404, { message: 'Not Found' })
  }
  if (request.method === 'GET' && request.path.includes('/idtoken/')) return idTokenRequest(request, state)
  return json(404, { message: 'Not Found' })
}
