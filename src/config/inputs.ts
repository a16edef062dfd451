import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { redactSecrets } from '../security/redact.js'
import { CLOUD_NAMES, CLOUDS, type Cloud } from '../azure/clouds.js'
import type { ConfigFinding, SourcePosition, TargetField } from '../repo-config/types.js'
import { splitPatterns } from '../repo-config/patterns.js'
import { readTargetsInput } from '../repo-config/targets-input.js'
import {
  apiVersionProblem,
  DEFAULT_API_VERSION,
  deploymentProblem,
  isClientId,
  isTenantId,
  probeNeedsDeployment,
  PROBE_KINDS,
  type ProbeKind
} from './target-values.js'
import {
  endpointInputTarget,
  labelTargets,
  resolveTarget,
  type ResolvedTarget,
  type StepDefaults,
  type TargetProblem,
  type TargetSource
} from './targets.js'

export type { ProbeKind } from './target-values.js'
export type { TargetProblem, TargetSource } from './targets.js'
export { DEFAULT_API_VERSION } from './target-values.js'
export type AuthMode = 'oidc' | 'api-key'
export type FailOn = 'error' | 'warning'

/** One endpoint + deployment + auth settings: what the pipeline walks through its stages. */
export interface TargetConfig {
  /** As given: the static endpoint checks judge its form. */
  endpoint: string
  deployment?: string
  /** `YYYY-MM-DD`, `YYYY-MM-DD-preview`, or `v1` for the `/openai/v1/` API. */
  apiVersion: string
  auth: AuthMode
  /** With `auth: oidc` an API key turns on the compare mode. */
  apiKey?: string
  clientId?: string
  tenantId?: string
  cloud: Cloud
  /** Audience of the GitHub OIDC token. */
  oidcAudience: string
  /** Token scope given by the workflow; when absent it is derived from the endpoint. */
  scope?: string
  authorityHost: string
  probe: ProbeKind
  /** Hosts besides the cloud's Azure AI hosts that may receive credentials (API Management gateways). */
  allowedHosts: string[]
  /** Unique in the run; the `results` output and the report name the target by it. */
  label?: string
  /** Where the target was written; the step's inputs when absent. */
  source?: TargetSource
  /** The lines of the target's block in its file. */
  block?: { start: number; end: number }
  /** Where each value a file gave was written: findings about a value go on its line. */
  positions?: Partial<Record<TargetField, SourcePosition>>
  /** Values the target cannot use: the target fails invalid-input, and nothing is sent for it. */
  problems?: TargetProblem[]
  /** What was read from the target's values and is said in its inputs check. */
  notes?: string[]
  /** API keys committed in the target's block of its file (never the values). */
  committedKeys?: ConfigFinding[]
  /** An entry for a file that names no target but commits a key: only the key is reported. */
  keysOnly?: boolean
}

export interface ReportSettings {
  failOn: FailOn
  reportFile: string
  /** Where to write the findings as SARIF 2.1.0, when asked. */
  sarifFile?: string
}

/** The pull-request features and the files the targets come from. */
export interface RepositorySettings {
  /** `config-file` as given: paths or globs relative to the workspace. */
  configFiles: string[]
  onlyChanged: boolean
  commentOnPr: boolean
  /** For the REST calls of only-changed and the comment. */
  githubToken?: string
}

export interface ActionConfig {
  targets: TargetConfig[]
  timeoutSeconds: number
  report: ReportSettings
  repository: RepositorySettings
  /** What the run says without it being a finding (a glob that matched nothing). */
  notices: string[]
  /** What targets from files take from the step: its values, and where credentials may go. */
  step: { defaults: StepDefaults; settings: StepSettings }
  /** How many of the first targets come from the endpoint input (0 or 1): their label place is `inputs`. */
  fromEndpointInput: number
}

export interface InputProblem {
  input: string
  message: string
}

export class InvalidInputError extends Error {
  readonly problems: InputProblem[]
  constructor(problems: InputProblem[]) {
    super(problems.map((problem) => `${problem.input}: ${problem.message}`).join('; '))
    this.name = 'InvalidInputError'
    this.problems = problems
  }
}

export const DEFAULT_TIMEOUT_SECONDS = 30
const MAX_TIMEOUT_SECONDS = 600

const AUTH_MODES: readonly AuthMode[] = ['oidc', 'api-key']
const FAIL_ON: readonly FailOn[] = ['error', 'warning']

const HOST_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i

type Complain = (input: string, message: string) => void

function oneOf<T extends string>(input: string, allowed: readonly T[], fallback: T, complain: Complain): T {
  const value = core.getInput(input).toLowerCase() || fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  complain(input, `${quoted(value)} is not allowed; use one of: ${allowed.join(', ')}`)
  return fallback
}

function optional(input: string): string | undefined {
  return core.getInput(input) || undefined
}

/** Where the JSON report goes, and whether warnings fail the step: needed even when other inputs are bad. */
export function getReportSettings(): ReportSettings {
  const failOn = core.getInput('fail-on').toLowerCase()
  return {
    failOn: failOn === 'warning' ? 'warning' : 'error',
    sarifFile: core.getInput('sarif-file') || undefined,
    reportFile: join(process.env['RUNNER_TEMP'] || tmpdir(), 'aoai-auth-check', reportFolder(), 'report.json')
  }
}

// One folder per step (GITHUB_ACTION is the step's id, or `__run_2`-style when it has none), so two steps of
// one job (two endpoints, say) each keep their own report; outside a runner, one per process.
function reportFolder(): string {
  const step = process.env['GITHUB_ACTION']?.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '')
  return step || `pid-${process.pid}`
}

/** Reads every input once into a typed config; throws InvalidInputError naming each bad input and what is allowed. */
export function getInputs(): ActionConfig {
  const problems: InputProblem[] = []
  const complain: Complain = (input, message) => problems.push({ input, message })

  // Masked before anything else can print it.
  const apiKey = optional('api-key')
  if (apiKey) core.setSecret(apiKey)

  // Masked too: GitHub masks its own job token, but a personal token given here is the user's secret.
  const githubToken = optional('github-token')
  if (githubToken) core.setSecret(githubToken)

  const endpoint = core.getInput('endpoint')
  const targetsText = core.getInput('targets')
  const configFiles = splitPatterns(core.getInput('config-file'))
  if (!endpoint && !targetsText && configFiles.length === 0) {
    complain('endpoint', 'is required (or targets, or config-file), e.g. https://<name>.openai.azure.com/')
  }

  const auth = oneOf('auth', AUTH_MODES, 'oidc', complain)
  const probe = oneOf('probe', PROBE_KINDS, 'auto', complain)
  oneOf('fail-on', FAIL_ON, 'error', complain)
  const cloud = CLOUDS[oneOf('environment', CLOUD_NAMES, 'azurecloud', complain)]

  const deployment = optional('deployment')
  const deploymentIssue = deployment && deploymentProblem(deployment, quoted(deployment))
  if (deploymentIssue) complain('deployment', deploymentIssue)
  // Targets from the targets input and from files may name their own deployment and identity; the endpoint
  // input's target has only the step's.
  if (endpoint && !deployment && probeNeedsDeployment(probe)) {
    complain('deployment', `is required with probe '${probe}' (or set probe to models or none)`)
  }

  const apiVersion = core.getInput('api-version') || DEFAULT_API_VERSION
  const apiVersionIssue = apiVersionProblem(apiVersion, quoted(apiVersion))
  if (apiVersionIssue) complain('api-version', apiVersionIssue)

  const clientId = optional('client-id')
  const tenantId = optional('tenant-id')
  if (endpoint && auth === 'oidc' && !clientId) {
    complain('client-id', 'is required with auth oidc (the app or managed identity client id, a GUID)')
  }
  if (endpoint && auth === 'oidc' && !tenantId) {
    complain('tenant-id', 'is required with auth oidc (the directory id, a GUID)')
  }
  if (auth === 'api-key' && !apiKey) complain('api-key', 'is required with auth api-key')
  if (clientId && !isClientId(clientId)) {
    complain('client-id', `is not a GUID (the application (client) id): ${shapeOf(clientId)}`)
  }
  if (tenantId && !isTenantId(tenantId)) {
    complain('tenant-id', `is not a GUID or a domain such as contoso.onmicrosoft.com: ${shapeOf(tenantId)}`)
  }

  const scope = optional('scope')
  if (scope && !/^(https:\/\/|api:\/\/)\S+\/\.default$/.test(scope)) {
    complain(
      'scope',
      `${quoted(scope)} is not allowed; use a resource URI followed by /.default, ` +
        `e.g. ${cloud.cognitiveServicesAudience}/.default`
    )
  }

  const authorityHost = optional('authority-host') ?? cloud.authorityHost
  if (!isHttpsOrigin(authorityHost)) {
    complain('authority-host', `${quoted(authorityHost)} is not allowed; use an https URL such as ${cloud.authorityHost}`)
  }

  const allowedHosts = core
    .getInput('allowed-hosts')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((host) => host.toLowerCase())
  for (const host of allowedHosts.filter((host) => !HOST_NAME.test(host))) {
    complain('allowed-hosts', `${quoted(host)} is not a host name; list bare host names such as my-gateway.azure-api.net`)
  }

  const timeoutText = core.getInput('timeout-seconds') || String(DEFAULT_TIMEOUT_SECONDS)
  const timeoutSeconds = Number(timeoutText)
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    complain('timeout-seconds', `${quoted(timeoutText)} is not allowed; use whole seconds from 1 to ${MAX_TIMEOUT_SECONDS}`)
  }

  const onlyChanged = booleanInput('only-changed', complain)
  const commentOnPr = booleanInput('comment-on-pr', complain)

  const defaults: StepDefaults = { endpoint: endpoint || undefined, deployment, apiVersion, probe, clientId, tenantId, auth }
  const inline = targetsText ? readTargetsInput(targetsText) : undefined
  for (const finding of inline?.findings ?? []) complain('targets', `line ${finding.line}: ${finding.message}`)

  if (problems.length > 0) throw new InvalidInputError(problems)
  const shared: StepSettings = {
    auth,
    apiKey,
    cloud,
    oidcAudience: optional('audience') ?? cloud.tokenExchangeAudience,
    scope,
    authorityHost: authorityHost.replace(/\/+$/, ''),
    allowedHosts
  }
  const resolved: ResolvedTarget[] = [
    ...(endpoint ? [endpointInputTarget(endpoint, defaults)] : []),
    ...(inline?.targets ?? []).map((target) => resolveTarget(target, defaults, true))
  ]
  return {
    targets: withLabels(resolved.map((target) => targetConfig(target, shared)), endpoint ? 1 : 0),
    timeoutSeconds,
    report: getReportSettings(),
    repository: { configFiles, onlyChanged, commentOnPr, githubToken },
    notices: [],
    step: { defaults, settings: shared },
    fromEndpointInput: endpoint ? 1 : 0
  }
}

/** What every target takes from the step and no file may set: where credentials go, and how. */
export type StepSettings = Pick<
  TargetConfig,
  'auth' | 'apiKey' | 'cloud' | 'oidcAudience' | 'scope' | 'authorityHost' | 'allowedHosts'
>

export function targetConfig(target: ResolvedTarget, step: StepSettings): TargetConfig {
  return { ...target, ...step }
}

/**
 * Labels every target uniquely; `fromEndpointInput` of the first targets come from the endpoint input (place
 * `inputs`), the other input targets are the `targets` items (`targets #n`), the rest name their file and line.
 */
export function withLabels(targets: TargetConfig[], fromEndpointInput: number): TargetConfig[] {
  let item = 0
  const entries = targets.map((target, index) => {
    const source: TargetSource = target.source ?? { kind: 'inputs' }
    const place =
      'file' in source ? `${source.file}:${source.line}` : index < fromEndpointInput ? 'inputs' : `targets #${++item}`
    return { target: { ...target, source }, place }
  })
  const labels = labelTargets(entries)
  return targets.map((target, index) => ({ ...target, label: labels[index] }))
}

function booleanInput(input: string, complain: Complain): boolean {
  const value = core.getInput(input).trim().toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  complain(input, `${quoted(value)} is not allowed; use true or false`)
  return false
}

// An invalid value is echoed so the user sees the typo, but never a credential pasted into the wrong input.
function quoted(value: string): string {
  return `'${redactSecrets(value)}'`
}

/**
 * A client or tenant id is described, never echoed: a value that is not an id there is most often a client
 * secret or another credential pasted into the wrong input, and the message reaches the log, summary and report.
 */
function shapeOf(value: string): string {
  const described = `the value given (${value.length} characters) is not shown`
  return redactSecrets(value) === value
    ? described
    : `${described}; it looks like a secret (a client secret, key or token): OIDC needs none, so remove it ` +
        'from the input and rotate it'
}

function isHttpsOrigin(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}
