import { CATALOGUE } from '../causes/catalogue.js'
import type { ErrorPhase } from '../diagnosis/classify.js'
import type { ActionConfig, InvalidInputError, TargetConfig } from '../config/inputs.js'
import { Deadline } from '../net/deadline.js'
import type { CheckResult, StageId } from './check.js'
import { explainError } from './diagnose.js'
import { readEventFacts, type EventFacts } from './github-event.js'
import type { Outcome, RunResult, TargetResult } from './run-result.js'
import { runChecks, type CheckStep, type FailureExplainer } from './runner.js'
import { SecretRegistry } from './secrets.js'
import { compareCheck } from './stages/compare.js'
import { controlPlaneCheck, controlPlaneReportOf, rolesOf } from './stages/control-plane.js'
import {
  displayEndpoint,
  endpointCloudCheck,
  endpointHostCheck,
  endpointPasswords,
  endpointUrlCheck,
  hostPolicyCheck
} from './stages/endpoint.js'
import { accessTokenCheck, entraTokenCheck } from './stages/entra-token.js'
import { githubOidcCheck } from './stages/github-oidc.js'
import { inputsCheck } from './stages/inputs.js'
import { probeCheck } from './stages/probe.js'
import type { TargetRun } from './target-run.js'

/** The checks one target goes through, in order (DESIGN.md "The pipeline"; control-plane checks slot in later). */
export function checksFor(config: Pick<TargetConfig, 'auth' | 'apiKey'>): CheckStep<TargetRun>[] {
  const endpoint = [endpointUrlCheck, endpointCloudCheck, hostPolicyCheck]
  if (config.auth === 'api-key') return [inputsCheck, ...endpoint, probeCheck]
  return [
    inputsCheck,
    ...endpoint,
    endpointHostCheck,
    githubOidcCheck,
    entraTokenCheck,
    accessTokenCheck,
    controlPlaneCheck,
    probeCheck,
    ...(config.apiKey ? [compareCheck] : [])
  ]
}

const PHASE_OF_STAGE: Partial<Record<StageId, ErrorPhase>> = {
  'github-oidc': 'github-oidc',
  'entra-token': 'entra-token',
  probe: 'data-plane',
  compare: 'data-plane'
}

const explainUnexpected: FailureExplainer<TargetRun> = (run, step, error) =>
  explainError(run, error, { source: step.title, phase: PHASE_OF_STAGE[step.stage] })

export async function runTarget(
  config: TargetConfig,
  deadline: Deadline,
  event: EventFacts,
  secrets: SecretRegistry
): Promise<TargetResult> {
  const run: TargetRun = { config, deadline, event, secrets }
  const checks = await runChecks(checksFor(config), run, deadline, explainUnexpected)
  const claims = run.accessTokenClaims
  const read = run.controlPlaneRead
  return {
    ...targetShell(config.endpoint, config.deployment, checks),
    oidcClaims: run.oidcClaims,
    accessTokenClaims: claims,
    principalId: stringClaim(claims?.oid),
    tenantId: stringClaim(claims?.tid),
    tokenAudience: stringClaim(claims?.aud),
    tokenIssuer: stringClaim(claims?.iss),
    tokenExpiresOn: run.accessTokenExpiresOn?.toISOString(),
    oidcSubject: stringClaim(run.oidcClaims?.sub),
    resourceId: run.resourceId,
    roles: rolesOf(read),
    controlPlane: read?.kind === 'read' ? controlPlaneReportOf(read.view) : undefined,
    controlPlaneNote: read && read.kind !== 'read' ? read.reason : undefined
  }
}

/** The credentials the inputs themselves hold (an API key, a password in the endpoint URL): masked from the start. */
export function inputSecrets(targets: readonly Pick<TargetConfig, 'endpoint' | 'apiKey'>[]): SecretRegistry {
  const secrets = new SecretRegistry()
  for (const target of targets) {
    secrets.add(target.apiKey)
    for (const password of endpointPasswords(target.endpoint)) secrets.add(password)
  }
  return secrets
}

/** Runs every target through its checks under one overall deadline. */
export async function runPipeline(
  config: ActionConfig
): Promise<{ run: RunResult; deadline: Deadline; secrets: SecretRegistry }> {
  const started = new Date()
  const deadline = new Deadline(config.timeoutSeconds, started.getTime())
  const secrets = inputSecrets(config.targets)
  const event = readEventFacts()
  const targets: TargetResult[] = []
  for (const target of config.targets) targets.push(await runTarget(target, deadline, event, secrets))
  return { run: runResult(targets, started), deadline, secrets }
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
  return runResult([targetShell(endpoint, undefined, [inputs, ...skipped])], started)
}

function targetShell(given: string, deployment: string | undefined, checks: CheckResult[]): TargetResult {
  const endpoint = displayEndpoint(given)
  const failed = checks.find((check) => check.status === 'fail')
  const warned = checks.find((check) => check.status === 'warn')
  const outcome: Outcome = failed ? 'fail' : warned ? 'warn' : 'pass'
  return {
    label: deployment ? `${endpoint} (${deployment})` : endpoint || 'endpoint',
    endpoint,
    deployment,
    source: { kind: 'inputs' },
    checks,
    outcome,
    cause: (failed ?? warned)?.cause ?? (failed || warned ? 'unknown' : undefined)
  }
}

function runResult(targets: TargetResult[], started: Date): RunResult {
  const outcomes = targets.map((target) => target.outcome)
  const outcome: Outcome = outcomes.includes('fail') ? 'fail' : outcomes.includes('warn') ? 'warn' : 'pass'
  return { outcome, targets, startedAt: started.toISOString(), ms: Date.now() - started.getTime() }
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}
