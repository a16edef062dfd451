import { CATALOGUE } from '../causes/catalogue.js'
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
import { endpointCloudCheck, endpointHostCheck, endpointUrlCheck, hostPolicyCheck } from './stages/endpoint.js'
import { accessTokenCheck, directEntraTokenCheck, entraTokenCheck } from './stages/entra-token.js'
import { githubOidcCheck } from './stages/github-oidc.js'
import { inputsCheck } from './stages/inputs.js'
import { keyOnlyProbeCheck, probeCheck } from './stages/probe.js'

type CheckSettings = Pick<TargetConfig, 'auth' | 'apiKey'>

/**
 * Every check, in the order a target goes through them; `when` says which targets take it (all when absent). A new
 * check is one row here, placed after the checks it needs (the runner refuses a need that has not run before it).
 */
const CHECKS: readonly { step: CheckStep<TargetContext>; when?: (config: CheckSettings) => boolean }[] = [
  { step: inputsCheck },
  { step: endpointUrlCheck },
  { step: endpointCloudCheck },
  { step: hostPolicyCheck },
  { step: endpointHostCheck, when: signsIn },
  { step: githubOidcCheck, when: withGithubOidc },
  { step: entraTokenCheck, when: withGithubOidc },
  // env, cli and managed-identity (the CLI's) sign in to Entra ID directly, without a GitHub token.
  { step: directEntraTokenCheck, when: (config) => signsIn(config) && !withGithubOidc(config) },
  { step: accessTokenCheck, when: signsIn },
  { step: probeCheck, when: signsIn },
  { step: keyOnlyProbeCheck, when: (config) => !signsIn(config) },
  { step: compareCheck, when: (config) => signsIn(config) && Boolean(config.apiKey) }
]

function signsIn(config: CheckSettings): boolean {
  return config.auth !== 'api-key'
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
  return {
    ...targetShell(config.endpoint, config.deployment, checks),
    oidcClaims: context.oidcClaims,
    accessTokenClaims: claims,
    principalId: stringClaim(claims?.oid),
    tenantId: stringClaim(claims?.tid),
    tokenAudience: stringClaim(claims?.aud),
    tokenIssuer: stringClaim(claims?.iss),
    tokenExpiresOn: context.accessTokenExpiresOn?.toISOString(),
    oidcSubject: stringClaim(context.oidcClaims?.sub)
  }
}

/**
 * The credentials the run holds from the start, masked and redacted from everything: the inputs' (an API key, a
 * password in the endpoint URL, github-token) and the runner's (the runtime bearer of the OIDC token request).
 */
export function inputSecrets(targets: readonly Pick<TargetConfig, 'endpoint' | 'apiKey'>[]): SecretRegistry {
  const secrets = new SecretRegistry()
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

/** Runs every target through its checks under one overall deadline. */
export async function runPipeline(
  config: ActionConfig,
  observe?: CheckObserver
): Promise<{ run: RunResult; deadline: Deadline; secrets: SecretRegistry }> {
  const started = new Date()
  const deadline = new Deadline(config.timeoutSeconds, started.getTime())
  const secrets = inputSecrets(config.targets)
  const shared = newRunContext(deadline, readEventFacts(), secrets)
  const targets: TargetResult[] = []
  try {
    for (const target of config.targets) targets.push(await runTarget(target, shared, observe))
  } finally {
    await shared.transport.close()
  }
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
