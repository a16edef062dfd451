import { CATALOGUE } from '../causes/catalogue.js'
import type { CauseId } from '../causes/ids.js'
import type { TargetField } from '../repo-config/types.js'
import { changedScope } from './only-changed.js'
import { mapBounded } from './pool.js'
import type { ErrorPhase } from '../diagnosis/types.js'
import type { ActionConfig, InvalidInputError, TargetConfig } from '../config/inputs.js'
import { Deadline } from '../net/deadline.js'
import { Transport } from '../net/transport.js'
import type {
  CheckResult,
  CheckStep,
  FailureExplainer,
  Outcome,
  RunContext,
  RunResult,
  StageId,
  TargetContext,
  TargetResult
} from './types.js'
import { explainError } from './diagnose.js'
import { displayEndpoint, endpointPasswords } from '../azure/endpoint.js'
import { readEventFacts, type EventFacts } from '../github/event.js'
import { GithubIdTokens } from '../github/id-token.js'
import { requestGithubIdToken } from '../net/github-oidc.js'
import { EntraSessions } from './entra-session.js'
import { runChecks } from './runner.js'
import { SecretRegistry } from '../security/secrets.js'
import { compareCheck } from './stages/compare.js'
import { controlPlaneCheck, controlPlaneReportOf, rolesOf } from './stages/control-plane.js'
import { endpointCloudCheck, endpointHostCheck, endpointUrlCheck, hostPolicyCheck } from './stages/endpoint.js'
import { accessTokenCheck, directEntraTokenCheck, entraTokenCheck } from './stages/entra-token.js'
import { githubOidcCheck } from './stages/github-oidc.js'
import { committedKeysCheck, inputsCheck } from './stages/inputs.js'
import { keyOnlyProbeCheck, probeCheck } from './stages/probe.js'

type CheckSettings = Pick<TargetConfig, 'auth' | 'apiKey' | 'committedKeys' | 'keysOnly'>

/**
 * Every check, in the order a target goes through them; `when` says which targets take it (all when absent). A new
 * check is one row here, placed after the checks it needs (the runner refuses a need that has not run before it).
 */
const CHECKS: readonly { step: CheckStep<TargetContext>; when?: (config: CheckSettings) => boolean }[] = [
  { step: inputsCheck },
  { step: committedKeysCheck, when: (config) => Boolean(config.committedKeys?.length) },
  { step: endpointUrlCheck, when: checksTarget },
  { step: endpointCloudCheck, when: checksTarget },
  { step: hostPolicyCheck, when: checksTarget },
  { step: endpointHostCheck, when: signsIn },
  { step: githubOidcCheck, when: withGithubOidc },
  { step: entraTokenCheck, when: withGithubOidc },
  // env, cli and managed-identity (the CLI's) sign in to Entra ID directly, without a GitHub token.
  { step: directEntraTokenCheck, when: (config) => signsIn(config) && !withGithubOidc(config) },
  { step: accessTokenCheck, when: signsIn },
  { step: controlPlaneCheck, when: signsIn },
  { step: probeCheck, when: signsIn },
  { step: keyOnlyProbeCheck, when: (config) => checksTarget(config) && !signsIn(config) },
  { step: compareCheck, when: (config) => signsIn(config) && Boolean(config.apiKey) }
]

function signsIn(config: CheckSettings): boolean {
  return config.auth !== 'api-key' && checksTarget(config)
}

/** A file that names no target but commits a key has only that to report. */
function checksTarget(config: CheckSettings): boolean {
  return !config.keysOnly
}

function withGithubOidc(config: CheckSettings): boolean {
  return config.auth === 'oidc'
}

/** The checks one target goes through, in order. */
export function checksFor(config: CheckSettings): CheckStep<TargetContext>[] {
  return CHECKS.filter(({ when }) => !when || when(config)).map(({ step }) => step)
}

const PHASE_OF_STAGE: Partial<Record<StageId, ErrorPhase>> = {
  'github-oidc': 'github-oidc',
  'entra-token': 'entra-token',
  probe: 'data-plane',
  compare: 'data-plane'
}

const explainUnexpected: FailureExplainer<TargetContext> = (context, step, error) =>
  explainError(context, error, { source: step.title, phase: PHASE_OF_STAGE[step.stage] })

/** Told of every check as it finishes (the CLI's live lines). */
export type CheckObserver = (check: CheckResult, target: TargetConfig) => void

export async function runTarget(config: TargetConfig, shared: RunContext, observe?: CheckObserver): Promise<TargetResult> {
  const context: TargetContext = { ...shared, config }
  const onResult =
    observe &&
    ((check: CheckResult) => {
      observe(check, config)
    })
  const checks = await runChecks(checksFor(config), context, shared.deadline, explainUnexpected, onResult)
  const claims = context.accessTokenClaims
  const read = context.controlPlaneRead
  return {
    ...targetShell(config, checks.map((check) => placed(check, config))),
    oidcClaims: context.oidcClaims,
    accessTokenClaims: claims,
    principalId: stringClaim(claims?.oid),
    tenantId: stringClaim(claims?.tid),
    tokenAudience: stringClaim(claims?.aud),
    tokenIssuer: stringClaim(claims?.iss),
    tokenExpiresOn: context.accessTokenExpiresOn?.toISOString(),
    oidcSubject: stringClaim(context.oidcClaims?.sub),
    resourceId: context.resourceId,
    roles: rolesOf(read),
    controlPlane: read?.kind === 'read' ? controlPlaneReportOf(read.view) : undefined,
    controlPlaneNote: read && read.kind !== 'read' ? read.reason : undefined
  }
}

// The value a cause is about: its finding goes on that value's line (else on the line the target's block starts).
const FIELD_OF_CAUSE: Partial<Record<CauseId, TargetField>> = {
  'endpoint-malformed': 'endpoint',
  'endpoint-cloud-mismatch': 'endpoint',
  'regional-endpoint-no-subdomain': 'endpoint',
  'untrusted-endpoint-host': 'endpoint',
  'wrong-endpoint-host': 'endpoint',
  'dns-failure': 'endpoint',
  'network-blocked': 'endpoint',
  'local-auth-disabled': 'endpoint',
  'deployment-not-found': 'deployment',
  'operation-not-supported': 'deployment',
  'unsupported-parameter': 'deployment',
  'wrong-api-version-or-path': 'apiVersion',
  'app-not-found': 'clientId',
  'fic-subject-mismatch': 'clientId',
  'fic-issuer-mismatch': 'clientId',
  'fic-audience-mismatch': 'clientId',
  'no-fic-configured': 'clientId',
  'tenant-not-found': 'tenantId',
  'missing-data-plane-role': 'endpoint'
}

/** A failed or warned check of a target from a file, placed on the file and line of the value at fault. */
function placed(check: CheckResult, config: TargetConfig): CheckResult {
  const source = config.source
  if (check.location || (check.status !== 'fail' && check.status !== 'warn') || !source || !('file' in source)) return check
  const field = check.cause ? FIELD_OF_CAUSE[check.cause] : undefined
  const position = field ? config.positions?.[field] : undefined
  return { ...check, location: { file: source.file, line: position?.line ?? source.line, column: position?.column } }
}

/** A target only-changed leaves out: every check skipped, for the one reason. */
function skippedTarget(config: TargetConfig): TargetResult {
  const detail = "Skipped: the pull request does not change this target's lines (only-changed)."
  const checks = checksFor(config).map(
    (step): CheckResult => ({ id: step.id, stage: step.stage, title: step.title, status: 'skip', detail, evidence: {}, ms: 0 })
  )
  return { ...targetShell(config, checks), outcome: 'skip', cause: undefined }
}

/**
 * The credentials the run holds from the start, masked and redacted from everything: the inputs' (an API key, a
 * password in the endpoint URL, github-token) and the runner's (the runtime bearer of the OIDC token request).
 */
export function inputSecrets(
  targets: readonly Pick<TargetConfig, 'endpoint' | 'apiKey'>[],
  secrets = new SecretRegistry()
): SecretRegistry {
  secrets.add(process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
  secrets.add(process.env['ACTIONS_RUNTIME_TOKEN'])
  secrets.add(process.env['INPUT_GITHUB-TOKEN']?.trim())
  for (const target of targets) {
    secrets.add(target.apiKey)
    for (const password of endpointPasswords(target.endpoint)) secrets.add(password)
  }
  return secrets
}

/** What the targets of one run share, with empty per-run caches. */
export function newRunContext(deadline: Deadline, event: EventFacts, secrets: SecretRegistry): RunContext {
  const transport = new Transport()
  // The GitHub OIDC request goes over the same transport (one reading of the proxy variables, no redirects).
  const idTokens = new GithubIdTokens(secrets, (audience) =>
    requestGithubIdToken(audience, deadline, transport.dispatcher)
  )
  const entraSessions = new EntraSessions(idTokens, secrets, transport, deadline)
  return { deadline, event, secrets, idTokens, entraSessions, transport }
}

/**
 * How many targets run at once. Each holds at most one request in flight, and the GitHub token and Entra
 * exchange are shared, so 50 targets take little longer than one; the bound keeps a run with hundreds polite.
 */
const CONCURRENT_TARGETS = 32

/**
 * Runs every target through its checks, all at once in a bounded pool, under one overall deadline; one target's
 * failure is its own result and never hides another's. `only-changed` leaves out what the pull request did not change.
 */
export async function runPipeline(
  config: ActionConfig,
  { secrets = new SecretRegistry(), observe }: { secrets?: SecretRegistry; observe?: CheckObserver } = {}
): Promise<{ run: RunResult; deadline: Deadline; secrets: SecretRegistry; notices: string[] }> {
  const started = new Date()
  const deadline = new Deadline(config.timeoutSeconds, started.getTime())
  inputSecrets(config.targets, secrets)
  const shared = newRunContext(deadline, readEventFacts(), secrets)
  const scope = await changedScope(config, deadline)
  let targets: TargetResult[]
  try {
    targets = await mapBounded(config.targets, CONCURRENT_TARGETS, (target, index) =>
      scope.checked[index] ? runTarget(target, shared, observe) : Promise.resolve(skippedTarget(target))
    )
  } finally {
    await shared.transport.close()
  }
  const notices = [...config.notices, ...(scope.notice ? [scope.notice] : [])]
  return { run: runResult(targets, started), deadline, secrets, notices }
}

/** The run when inputs are invalid: the inputs check fails naming each input, and nothing else runs or is sent. */
export function invalidInputRun(error: InvalidInputError, endpoint: string, started: Date): RunResult {
  const entry = CATALOGUE['invalid-input']
  const inputs: CheckResult = {
    id: inputsCheck.id,
    stage: inputsCheck.stage,
    title: inputsCheck.title,
    status: 'fail',
    cause: 'invalid-input',
    detail: error.problems.map((problem) => `${problem.input} ${problem.message}`).join('; '),
    fix: entry.fix({}),
    evidence: { problems: error.problems },
    ms: Date.now() - started.getTime()
  }
  const skipped = checksFor({ auth: 'oidc' })
    .filter((step) => step !== inputsCheck)
    .map(
      (step): CheckResult => ({
        id: step.id,
        stage: step.stage,
        title: step.title,
        status: 'skip',
        detail: 'Skipped: the inputs are invalid, so nothing was sent anywhere.',
        evidence: {},
        ms: 0
      })
    )
  return runResult([targetShell({ endpoint }, [inputs, ...skipped])], started)
}

function targetShell(config: Pick<TargetConfig, 'endpoint' | 'deployment' | 'label' | 'source'>, checks: CheckResult[]): TargetResult {
  const endpoint = displayEndpoint(config.endpoint)
  const failed = checks.find((check) => check.status === 'fail')
  const warned = checks.find((check) => check.status === 'warn')
  const outcome: Outcome = failed ? 'fail' : warned ? 'warn' : 'pass'
  const { deployment } = config
  return {
    label: config.label ?? (deployment ? `${endpoint} (${deployment})` : endpoint || 'endpoint'),
    endpoint,
    deployment,
    source: config.source ?? { kind: 'inputs' },
    checks,
    outcome,
    cause: (failed ?? warned)?.cause ?? (failed || warned ? 'unknown' : undefined)
  }
}

/** The run's result is the worst of its targets' (a skipped target counts as passed). */
function runResult(targets: TargetResult[], started: Date): RunResult {
  const outcomes = targets.map((target) => target.outcome)
  const outcome: Outcome = outcomes.includes('fail') ? 'fail' : outcomes.includes('warn') ? 'warn' : 'pass'
  return { outcome, targets, startedAt: started.toISOString(), ms: Date.now() - started.getTime() }
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}
