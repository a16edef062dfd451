import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { redactSecrets } from '../security/redact.js'
import { CLOUD_NAMES, CLOUDS, type Cloud } from '../azure/clouds.js'
import { GUID_SOURCE } from '../azure/guid.js'

export type AuthMode = 'oidc' | 'api-key'
export type ProbeKind = 'auto' | 'chat' | 'embeddings' | 'responses' | 'models' | 'none'
/** auto: read ARM when a token can be had and ARM answers; on: an unreadable control plane fails; off: no ARM call. */
export type ArmChecks = 'auto' | 'on' | 'off'
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
  armChecks: ArmChecks
  /** Limits the Resource Graph search to this subscription. */
  subscriptionId?: string
  /** How long to poll the probe while a fresh role assignment propagates (0: don't). */
  waitForRoleSeconds: number
}

export interface ReportSettings {
  failOn: FailOn
  reportFile: string
}

export interface ActionConfig {
  targets: TargetConfig[]
  timeoutSeconds: number
  report: ReportSettings
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

export const DEFAULT_API_VERSION = '2024-10-21'
export const DEFAULT_TIMEOUT_SECONDS = 30
const MAX_TIMEOUT_SECONDS = 600

const AUTH_MODES: readonly AuthMode[] = ['oidc', 'api-key']
const PROBE_KINDS: readonly ProbeKind[] = ['auto', 'chat', 'embeddings', 'responses', 'models', 'none']
const ARM_CHECKS: readonly ArmChecks[] = ['auto', 'on', 'off']
const FAIL_ON: readonly FailOn[] = ['error', 'warning']

const GUID = new RegExp(`^${GUID_SOURCE}$`)
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/
const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
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

  const endpoint = core.getInput('endpoint')
  if (!endpoint) complain('endpoint', 'is required, e.g. https://<name>.openai.azure.com/')

  const auth = oneOf('auth', AUTH_MODES, 'oidc', complain)
  const probe = oneOf('probe', PROBE_KINDS, 'auto', complain)
  oneOf('fail-on', FAIL_ON, 'error', complain)
  const cloud = CLOUDS[oneOf('environment', CLOUD_NAMES, 'azurecloud', complain)]

  const deployment = optional('deployment')
  if (deployment && !DEPLOYMENT_NAME.test(deployment)) {
    complain('deployment', `${quoted(deployment)} is not a deployment name (letters, digits, '.', '_' and '-', up to 64)`)
  }
  if (!deployment && (probe === 'auto' || probe === 'chat' || probe === 'embeddings' || probe === 'responses')) {
    complain('deployment', `is required with probe '${probe}' (or set probe to models or none)`)
  }

  const apiVersion = core.getInput('api-version') || DEFAULT_API_VERSION
  if (apiVersion !== 'v1' && !API_VERSION.test(apiVersion)) {
    complain(
      'api-version',
      `${quoted(apiVersion)} is not allowed; use a dated version YYYY-MM-DD or YYYY-MM-DD-preview ` +
        `(e.g. ${DEFAULT_API_VERSION}) or v1`
    )
  }

  const clientId = optional('client-id')
  const tenantId = optional('tenant-id')
  if (auth === 'oidc' && !clientId) {
    complain('client-id', 'is required with auth oidc (the app or managed identity client id, a GUID)')
  }
  if (auth === 'oidc' && !tenantId) complain('tenant-id', 'is required with auth oidc (the directory id, a GUID)')
  if (auth === 'api-key' && !apiKey) complain('api-key', 'is required with auth api-key')
  if (clientId && !GUID.test(clientId)) {
    complain('client-id', `is not a GUID (the application (client) id): ${shapeOf(clientId)}`)
  }
  if (tenantId && !GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
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

  const armChecks = oneOf('arm-checks', ARM_CHECKS, 'auto', complain)
  const subscriptionId = optional('subscription-id')
  if (subscriptionId && !GUID.test(subscriptionId)) {
    complain('subscription-id', `is not a GUID (the subscription id): ${shapeOf(subscriptionId)}`)
  }
  const waitText = core.getInput('wait-for-role-seconds') || '0'
  const waitForRoleSeconds = Number(waitText)
  if (!Number.isInteger(waitForRoleSeconds) || waitForRoleSeconds < 0 || waitForRoleSeconds > MAX_TIMEOUT_SECONDS) {
    complain('wait-for-role-seconds', `${quoted(waitText)} is not allowed; use whole seconds from 0 to ${MAX_TIMEOUT_SECONDS}`)
  } else if (Number.isInteger(timeoutSeconds) && waitForRoleSeconds >= timeoutSeconds) {
    complain('wait-for-role-seconds', `${waitForRoleSeconds} must be less than timeout-seconds (${timeoutSeconds}), ` +
      'which bounds the whole run: raise timeout-seconds too')
  }

  if (problems.length > 0) throw new InvalidInputError(problems)
  return {
    targets: [
      {
        endpoint,
        deployment,
        apiVersion,
        auth,
        apiKey,
        clientId,
        tenantId,
        cloud,
        oidcAudience: optional('audience') ?? cloud.tokenExchangeAudience,
        scope,
        authorityHost: authorityHost.replace(/\/+$/, ''),
        probe,
        allowedHosts,
        armChecks,
        subscriptionId,
        waitForRoleSeconds
      }
    ],
    timeoutSeconds,
    report: getReportSettings()
  }
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
