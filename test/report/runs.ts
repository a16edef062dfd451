// Hand-built RunResults, shaped like the pipeline's, for driving the report without a network.
import { CATALOGUE } from '../../src/causes/catalogue.ts'
import type { CauseId } from '../../src/causes/ids.ts'
import type { CheckId, CheckResult, StageId } from '../../src/pipeline/types.ts'
import type { Outcome, RunResult, TargetResult } from '../../src/pipeline/types.ts'

export const ENDPOINT = 'https://contoso.openai.azure.com/'
export const DEPLOYMENT = 'gpt-4o-mini'
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const CLIENT_ID = '0e3c3f7a-2b1d-4c55-9a4e-6f1b2c3d4e5f'
export const PRINCIPAL_ID = '5b2f9c1e-7d4a-4e8b-b1c2-3d4e5f6a7b8c'
export const SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main'
export const RESOURCE_ID =
  '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ai/providers/' +
  'Microsoft.CognitiveServices/accounts/contoso'
export const EXPIRES_ON = '2026-11-24T07:45:00.000Z'

export function check(
  id: CheckId,
  stage: StageId,
  status: CheckResult['status'],
  detail: string,
  extra: Partial<CheckResult> = {}
): CheckResult {
  const title = `${stage} check`
  return { id, stage, title, status, detail, evidence: {}, ms: 12, ...extra }
}

/** A failed or warned check for `cause`, with the catalogue's fix filled in with our values. */
export function finding(id: CheckId, stage: StageId, status: 'fail' | 'warn', cause: CauseId, detail: string) {
  const fix = CATALOGUE[cause].fix({
    endpoint: ENDPOINT,
    deployment: DEPLOYMENT,
    clientId: CLIENT_ID,
    tenantId: TENANT_ID,
    principalId: PRINCIPAL_ID,
    subject: SUBJECT,
    role: 'Cognitive Services OpenAI User',
    resourceScope: RESOURCE_ID,
    retryAfterSeconds: 20
  })
  return check(id, stage, status, detail, { cause, fix, evidence: { status: status === 'fail' ? 401 : 429 } })
}

export const OIDC_CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: SUBJECT,
  aud: 'api://AzureADTokenExchange',
  ref: 'refs/heads/main',
  repository: 'octo-org/octo-repo',
  job_workflow_ref: 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main',
  exp: 1_795_000_000
}

export const ACCESS_TOKEN_CLAIMS = {
  aud: 'https://cognitiveservices.azure.com',
  iss: `https://sts.windows.net/${TENANT_ID}/`,
  tid: TENANT_ID,
  oid: PRINCIPAL_ID,
  appid: CLIENT_ID,
  ver: '1.0',
  exp: 1_795_003_600
}

/** The checks of a run in which every stage passed (no API key given, so no comparison). */
export function passingChecks(): CheckResult[] {
  return [
    check('inputs', 'inputs', 'pass', 'The inputs are valid.'),
    check('endpoint-url', 'endpoint', 'pass', `${ENDPOINT} is a custom-subdomain Azure OpenAI endpoint.`),
    check('github-oidc', 'github-oidc', 'pass', `GitHub issued an ID token with subject ${SUBJECT}.`),
    check('entra-token', 'entra-token', 'pass', 'Entra ID issued an access token for the data plane.'),
    check('probe', 'probe', 'pass', `A 1-token chat completion on ${DEPLOYMENT} succeeded.`),
    check('compare', 'compare', 'skip', 'Not run: no api-key was given, so there is nothing to compare.')
  ]
}

export function target(checks: CheckResult[], extra: Partial<TargetResult> = {}): TargetResult {
  const failed = checks.find((c) => c.status === 'fail')
  const warned = checks.find((c) => c.status === 'warn')
  const outcome: Outcome = failed ? 'fail' : warned ? 'warn' : 'pass'
  const cause = (failed ?? warned)?.cause
  return {
    label: 'contoso',
    endpoint: ENDPOINT,
    deployment: DEPLOYMENT,
    source: { kind: 'inputs' },
    checks,
    outcome,
    ...(cause ? { cause } : {}),
    oidcClaims: OIDC_CLAIMS,
    accessTokenClaims: ACCESS_TOKEN_CLAIMS,
    principalId: PRINCIPAL_ID,
    tenantId: TENANT_ID,
    tokenAudience: ACCESS_TOKEN_CLAIMS.aud,
    tokenIssuer: ACCESS_TOKEN_CLAIMS.iss,
    tokenExpiresOn: EXPIRES_ON,
    oidcSubject: SUBJECT,
    ...extra
  }
}

export function run(...targets: TargetResult[]): RunResult {
  const rank: Record<Outcome, number> = { pass: 0, warn: 1, fail: 2 }
  const outcome = targets.reduce<Outcome>((worst, t) => (rank[t.outcome] > rank[worst] ? t.outcome : worst), 'pass')
  return { outcome, targets, startedAt: '2026-11-24T06:30:00.000Z', ms: 842 }
}

export function passingRun(): RunResult {
  return run(target(passingChecks()))
}

/** An Owner-only principal: the token is fine, the data plane says the principal lacks the data action. */
export function missingRoleRun(): RunResult {
  const checks = passingChecks()
  checks[4] = finding(
    'probe',
    'probe',
    'fail',
    'missing-data-plane-role',
    `The data plane answered 401 PermissionDenied: the principal ${PRINCIPAL_ID} lacks the ` +
      'chat/completions data action.'
  )
  return run(target(checks))
}

/** The probe was throttled: authentication works, the step only warns. */
export function throttledRun(): RunResult {
  const checks = passingChecks()
  checks[4] = finding('probe', 'probe', 'warn', 'throttled', 'The data plane answered 429; authentication works.')
  return run(target(checks))
}

export const INVALID_PROBE = "Input 'probe' is 'chatt'; allowed: auto, chat, embeddings, models, none."

/** A bad input: nothing was sent, every later stage says why it did not run. */
export function invalidInputRun(): RunResult {
  const notRun = 'Not run: the inputs are invalid.'
  const checks = [
    finding('inputs', 'inputs', 'fail', 'invalid-input', INVALID_PROBE),
    check('endpoint-url', 'endpoint', 'skip', notRun),
    check('github-oidc', 'github-oidc', 'skip', notRun),
    check('entra-token', 'entra-token', 'skip', notRun),
    check('probe', 'probe', 'skip', notRun),
    check('compare', 'compare', 'skip', notRun)
  ]
  const { label, endpoint, source } = target(checks)
  return run({ label, endpoint, source, checks, outcome: 'fail', cause: 'invalid-input' })
}
