import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPublicSuffix } from 'tldts'
import type { SignInMode } from '../azure/credentials.js'
import { redactSecrets } from '../security/redact.js'
import { escapeControls, hasControlCharacters } from '../security/neutralise.js'
import { CLOUD_NAMES, CLOUDS, type Cloud } from '../azure/clouds.js'
import { GUID_SOURCE } from '../azure/guid.js'

/** The action signs in with oidc or api-key; the CLI also with env, cli and managed-identity. */
export type AuthMode = SignInMode
export type ProbeKind = 'auto' | 'chat' | 'embeddings' | 'models' | 'none'
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

const ACTION_AUTH_MODES: readonly AuthMode[] = ['oidc', 'api-key']
const PROBE_KINDS: readonly ProbeKind[] = ['auto', 'chat', 'embeddings', 'models', 'none']
const FAIL_ON: readonly FailOn[] = ['error', 'warning']

const GUID = new RegExp(`^${GUID_SOURCE}$`)
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/
const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const HOST_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i
const TIMEOUT = /^\d{1,4}$/
// The audience GitHub puts in the token's `aud`: a URI such as api://AzureADTokenExchange, no spaces or quotes.
const AUDIENCE = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+$/

/** Longer values are refused before anything reads them: no input needs more, and every pass stays short. */
export const MAX_INPUT_CHARS = 2048
const MAX_LIST_INPUT_CHARS = 8192
/** Inputs whose values are never echoed: credentials, and ids a secret is most often pasted into by mistake. */
const UNECHOED_INPUTS = new Set(['api-key', 'github-token', 'client-id', 'tenant-id'])
const MAX_ECHO_CHARS = 200

type Complain = (input: string, message: string) => void

/**
 * An input's value, refused (and read as empty) when it holds a control character: a line break in any input would
 * otherwise reach the log as a line of its own, where the runner reads it as a workflow command.
 */
function readInput(input: string, complain: Complain): string {
  const value = core.getInput(input)
  const limit = input === 'allowed-hosts' ? MAX_LIST_INPUT_CHARS : MAX_INPUT_CHARS
  if (value.length > limit) {
    complain(input, `is ${value.length} characters long; at most ${limit} are allowed`)
    return ''
  }
  // A list may be written one entry per line (a YAML block), so allowed-hosts may hold line breaks and tabs.
  const checked = input === 'allowed-hosts' ? value.replace(/[\t\r\n]/g, ' ') : value
  if (hasControlCharacters(checked)) {
    const shown = UNECHOED_INPUTS.has(input) ? 'the value is not shown' : `the value was ${quoted(value)}`
    complain(input, `contains a control character (a line break, tab or escape), which no input may hold; ${shown}`)
    return ''
  }
  return value
}

function oneOf<T extends string>(input: string, allowed: readonly T[], fallback: T, complain: Complain): T {
  const value = readInput(input, complain).toLowerCase() || fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  complain(input, `${quoted(value)} is not allowed; use one of: ${allowed.join(', ')}`)
  return fallback
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

/**
 * Reads every input once into a typed config; throws InvalidInputError naming each bad input and what is allowed.
 * `authModes`: the sign-in modes the caller offers (the action: oidc and api-key; the CLI: all).
 */
export function getInputs(authModes: readonly AuthMode[] = ACTION_AUTH_MODES): ActionConfig {
  const problems: InputProblem[] = []
  const complain: Complain = (input, message) => problems.push({ input, message })

  // Masked before anything else can print it (a key with a line break too: each of its lines).
  for (const secret of [core.getInput('api-key'), core.getInput('github-token')]) maskSecret(secret)
  const optional = (input: string): string | undefined => readInput(input, complain) || undefined

  const apiKey = optional('api-key')
  const endpoint = readInput('endpoint', complain)
  if (!core.getInput('endpoint')) complain('endpoint', 'is required, e.g. https://<name>.openai.azure.com/')

  const auth = oneOf('auth', authModes, 'oidc', complain)
  const probe = oneOf('probe', PROBE_KINDS, 'auto', complain)
  oneOf('fail-on', FAIL_ON, 'error', complain)
  const cloud = CLOUDS[oneOf('environment', CLOUD_NAMES, 'azurecloud', complain)]

  const deployment = optional('deployment')
  if (deployment && !DEPLOYMENT_NAME.test(deployment)) {
    complain('deployment', `${quoted(deployment)} is not a deployment name (letters, digits, '.', '_' and '-', up to 64)`)
  }
  if (!deployment && (probe === 'auto' || probe === 'chat' || probe === 'embeddings')) {
    complain('deployment', `is required with probe '${probe}' (or set probe to models or none)`)
  }

  const apiVersion = readInput('api-version', complain) || DEFAULT_API_VERSION
  if (apiVersion !== 'v1' && !API_VERSION.test(apiVersion)) {
    complain(
      'api-version',
      `${quoted(apiVersion)} is not allowed; use a dated version YYYY-MM-DD or YYYY-MM-DD-preview ` +
        `(e.g. ${DEFAULT_API_VERSION}) or v1`
    )
  }

  const clientId = optional('client-id')
  const tenantId = optional('tenant-id')
  if (auth === 'oidc' && !core.getInput('client-id')) {
    complain('client-id', 'is required with auth oidc (the app or managed identity client id, a GUID)')
  }
  if (auth === 'oidc' && !core.getInput('tenant-id')) complain('tenant-id', 'is required with auth oidc (the directory id, a GUID)')
  if (auth === 'api-key' && !core.getInput('api-key')) complain('api-key', 'is required with auth api-key')
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

  const audience = optional('audience')
  if (audience && !AUDIENCE.test(audience)) {
    complain(
      'audience',
      `${quoted(audience)} is not allowed; use the audience of the federated credential, a URI without spaces ` +
        `such as ${cloud.tokenExchangeAudience}`
    )
  }

  const allowedHosts = readAllowedHosts(readInput('allowed-hosts', complain), complain)
  const authorityHost = readAuthorityHost(optional('authority-host'), cloud, allowedHosts, complain)

  const timeoutText = readInput('timeout-seconds', complain) || String(DEFAULT_TIMEOUT_SECONDS)
  const timeoutSeconds = Number(timeoutText)
  if (!TIMEOUT.test(timeoutText) || timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    complain(
      'timeout-seconds',
      `${quoted(timeoutText)} is not allowed; use a plain whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`
    )
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
        oidcAudience: audience ?? cloud.tokenExchangeAudience,
        scope,
        authorityHost,
        probe,
        allowedHosts
      }
    ],
    timeoutSeconds,
    report: getReportSettings()
  }
}

/** Registers a credential input with the runner's masker, each line of it too (the runner masks line by line). */
function maskSecret(value: string): void {
  if (!value) return
  core.setSecret(value)
  for (const line of value.split(/[\r\n]+/)) if (line.trim().length >= 4 && line !== value) core.setSecret(line.trim())
}

/**
 * `allowed-hosts`: bare host names, or `*.suffix` for the hosts under a suffix the workflow's owner controls. A
 * wildcard over a public suffix (`*.co.uk`, `*.azure-api.net`, where anyone can register a name) or over IP
 * addresses would hand credentials to strangers, so it is refused; the Public Suffix List decides (tldts).
 */
function readAllowedHosts(value: string, complain: Complain): string[] {
  const hosts = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((host) => host.toLowerCase())
  for (const host of hosts) {
    if (!HOST_NAME.test(host)) {
      complain('allowed-hosts', `${quoted(host)} is not a host name; list bare host names such as my-gateway.azure-api.net`)
      continue
    }
    if (!host.startsWith('*.')) continue
    const suffix = host.slice(2)
    if (/^[\d.]+$/.test(suffix)) {
      complain('allowed-hosts', `${quoted(host)} is a wildcard over IP addresses; list each address itself`)
    } else if (getPublicSuffix(suffix, { allowPrivateDomains: true }) === suffix) {
      complain(
        'allowed-hosts',
        `${quoted(host)} is a wildcard over the public suffix ${suffix}, under which anyone can register a name; ` +
          'list your own host names (my-gateway.azure-api.net) or a wildcard under a domain you own (*.gateways.contoso.com)'
      )
    }
  }
  return hosts
}

/**
 * `authority-host` receives the client assertion (the job's GitHub token), which whoever holds it can redeem at
 * Entra ID for the workload's token: only the chosen cloud's sign-in host, or a host the workflow itself lists in
 * allowed-hosts (a custom cloud's), may be it. A user name or password in it is refused and masked, never echoed.
 */
function readAuthorityHost(
  value: string | undefined,
  cloud: Cloud,
  allowedHosts: readonly string[],
  complain: Complain
): string {
  if (value === undefined) return cloud.authorityHost
  let url: URL
  try {
    url = new URL(value)
  } catch {
    complain('authority-host', `${quoted(value)} is not allowed; use an https URL such as ${cloud.authorityHost}`)
    return cloud.authorityHost
  }
  if (url.username || url.password) {
    for (const part of [url.password, decodeURIComponentSafe(url.password)]) if (part) core.setSecret(part)
    complain('authority-host', `carries a user name or password (not shown); use the sign-in host alone, such as ${cloud.authorityHost}`)
    return cloud.authorityHost
  }
  if (url.protocol !== 'https:' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    complain('authority-host', `${quoted(value)} is not allowed; use an https origin such as ${cloud.authorityHost}`)
    return cloud.authorityHost
  }
  const host = url.hostname.toLowerCase()
  const cloudHost = new URL(cloud.authorityHost).hostname
  const listed = allowedHosts.some((allowed) =>
    allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : allowed === host
  )
  if (host !== cloudHost && !listed) {
    complain(
      'authority-host',
      `${quoted(host)} is not the sign-in host of ${cloud.name} (${cloudHost}); the GitHub token goes only there, or ` +
        'to a sign-in host you also list in allowed-hosts (a custom cloud)'
    )
    return cloud.authorityHost
  }
  return url.origin
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

// An invalid value is echoed so the user sees the typo, but never a credential pasted into the wrong input, and
// with its control characters written as escapes.
function quoted(value: string): string {
  const shown = escapeControls(redactSecrets(value))
  return `'${shown.length > MAX_ECHO_CHARS ? `${shown.slice(0, MAX_ECHO_CHARS)}…` : shown}'`
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
