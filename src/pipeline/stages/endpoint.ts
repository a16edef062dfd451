import { cloudOfHost, hostIsUnder, type Cloud, type CloudName } from '../../config/clouds.js'
import type { TargetConfig } from '../../config/inputs.js'
import { redactSecrets } from '../../diagnosis/redact.js'
import { credentialHostVerdict } from '../../net/host-policy.js'
import { escapeControls } from '../../security/neutralise.js'
import { causeOutcome } from '../diagnose.js'
import type { CheckStep } from '../runner.js'
import type { TargetRun } from '../target-run.js'

export type EndpointKind = 'custom-subdomain' | 'foundry-project' | 'regional' | 'gateway' | 'other'

/** What the static checks learned about the endpoint, without sending anything. */
export interface EndpointFacts {
  host: string
  kind: EndpointKind
  /** The base the SDKs get, without a trailing slash: `https://<name>.openai.azure.com` or a project URL. */
  base: string
  /** The base endpoint to use instead, when the given one has extra path or query. */
  suggestedEndpoint?: string
  /** The cloud whose Azure AI hosts include this host, if any. */
  hostCloud?: CloudName
  /** Token scope: the `scope` input, else derived from the endpoint. */
  scope: string
  /** Token audiences this endpoint accepts; unknown (undefined) behind a gateway. */
  expectedAudiences?: string[]
  /** Values found in a pasted request URL (`/openai/deployments/<d>/...?api-version=<v>`). */
  pasted?: { deployment?: string; apiVersion?: string; path: string }
}

const PROJECT_PREFIX = /^\/api\/projects\/[^/]+/
const PASTED_DEPLOYMENT = /\/openai\/deployments\/([^/?#]+)/

// `scheme://user:password@` (or `user:password@` with no scheme): the part of an endpoint never shown.
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]*)@/i

/**
 * The endpoint as the report shows it (headline, label, evidence, fixes): without the user name and password,
 * query and fragment a pasted URL may carry, and with anything secret-shaped left in it masked.
 */
export function displayEndpoint(endpoint: string): string {
  return redactSecrets(endpoint.trim().replace(USER_INFO, '$1').replace(/[?#][\s\S]*$/, ''))
}

/** The password in an endpoint URL (`https://user:password@host/`), as typed and decoded, to redact everywhere. */
export function endpointPasswords(endpoint: string): string[] {
  const userInfo = USER_INFO.exec(endpoint.trim())?.[2]
  const colon = userInfo?.indexOf(':') ?? -1
  if (!userInfo || colon < 0) return []
  const typed = userInfo.slice(colon + 1)
  let decoded = typed
  try {
    decoded = decodeURIComponent(typed)
  } catch {
    // not percent-encoded: the typed form is the one to redact
  }
  return [...new Set([typed, decoded])].filter(Boolean)
}

/** A pasted query for the report: its api-version is shown, every other value (a key, a SAS signature) is not. */
function displayQuery(url: URL): string {
  const pairs = [...url.searchParams].map(
    ([name, value]) => `${escapeControls(name)}=${name === 'api-version' ? escapeControls(value) : '***'}`
  )
  return pairs.length ? `?${pairs.join('&')}` : ''
}

type Parsed = { facts: EndpointFacts; problem?: string } | { facts?: undefined; problem: string }

/** Reads the endpoint's form: https, host kind, extra path, scope. Pure: no network. */
export function analyseEndpoint(config: TargetConfig): Parsed {
  let url: URL
  try {
    url = new URL(config.endpoint)
  } catch {
    return { problem: `'${displayEndpoint(config.endpoint)}' is not a URL; expected https://<name>.openai.azure.com/` }
  }
  const host = url.hostname.toLowerCase()
  const kind = kindOf(host, url.pathname, config)
  const projectPrefix = kind === 'foundry-project' ? (PROJECT_PREFIX.exec(url.pathname)?.[0] ?? '') : ''
  const base = `https://${url.host}${projectPrefix}`
  const facts: EndpointFacts = {
    host,
    kind,
    base,
    hostCloud: cloudOfHost(host)?.name,
    scope: config.scope ?? `${defaultAudience(kind, config.cloud)}/.default`,
    expectedAudiences: expectedAudiences(kind, config.cloud)
  }

  if (url.protocol !== 'https:') {
    const problem = `uses ${url.protocol.slice(0, -1)}; credentials go only over https`
    return { facts: { ...facts, suggestedEndpoint: `${base}/` }, problem }
  }
  if (url.username || url.password) {
    return { facts: { ...facts, suggestedEndpoint: `${base}/` }, problem: 'carries a user name or password in the URL' }
  }
  const extraPath = url.pathname.slice(projectPrefix.length).replace(/^\/$/, '')
  if (extraPath || url.search || url.hash) {
    // Decoded from the URL, so a `%0A` there is a line break here: shown with its control characters escaped.
    const pastedDeployment = PASTED_DEPLOYMENT.exec(url.pathname)?.[1]
    const pastedApiVersion = url.searchParams.get('api-version')
    const pasted = {
      deployment: pastedDeployment === undefined ? undefined : escapeControls(pastedDeployment),
      apiVersion: pastedApiVersion === null ? undefined : escapeControls(pastedApiVersion),
      path: `${extraPath}${displayQuery(url)}`
    }
    const named = [
      pasted.deployment && `deployment '${pasted.deployment}'`,
      pasted.apiVersion && `api-version '${pasted.apiVersion}'`
    ].filter(Boolean)
    return {
      facts: { ...facts, suggestedEndpoint: `${base}/`, pasted },
      problem:
        `has extra path or query '${pasted.path}': the SDK adds /openai/... itself, so use the base endpoint ${base}/` +
        (named.length
          ? ` (the pasted URL names ${named.join(' and ')}: put them in the deployment and api-version inputs)`
          : '')
    }
  }
  return { facts }
}

function kindOf(host: string, path: string, config: TargetConfig): EndpointKind {
  const cloud = cloudOfHost(host)
  if (cloud && hostIsUnder(host, cloud.regionalSuffix)) return 'regional'
  if (cloud && hostIsUnder(host, cloud.foundrySuffix) && PROJECT_PREFIX.test(path)) return 'foundry-project'
  if (cloud) return 'custom-subdomain'
  return credentialHostVerdict(host, config.cloud, config.allowedHosts).allowed ? 'gateway' : 'other'
}

function defaultAudience(kind: EndpointKind, cloud: Cloud): string {
  return kind === 'foundry-project' ? cloud.foundryAudience : cloud.cognitiveServicesAudience
}

function expectedAudiences(kind: EndpointKind, cloud: Cloud): string[] | undefined {
  if (kind === 'foundry-project') return [cloud.foundryAudience]
  if (kind === 'custom-subdomain') return [cloud.cognitiveServicesAudience, cloud.foundryAudience]
  if (kind === 'regional') return [cloud.cognitiveServicesAudience]
  return undefined
}

export const endpointUrlCheck: CheckStep<TargetRun> = {
  id: 'endpoint-url',
  stage: 'endpoint',
  title: 'Endpoint is an https base URL',
  needs: ['inputs'],
  async run(run) {
    const { facts, problem } = analyseEndpoint(run.config)
    run.endpoint = facts
    const endpoint = displayEndpoint(run.config.endpoint)
    const evidence = { endpoint, ...(facts?.pasted ? { pasted: facts.pasted } : {}) }
    if (problem) return causeOutcome(run, 'endpoint-malformed', 'fail', `The endpoint ${problem}.`, evidence)
    const { base, kind } = facts!
    const surface =
      kind === 'foundry-project'
        ? `; its OpenAI API is ${base}/openai/v1/` +
          (run.config.apiVersion === 'v1' ? '' : ` (v1 only, so api-version ${run.config.apiVersion} is not used)`)
        : ''
    return { status: 'pass', detail: `${base}/ (${describeKind(kind)}${surface}).`, evidence: { ...evidence, kind } }
  }
}

export const endpointCloudCheck: CheckStep<TargetRun> = {
  id: 'endpoint-cloud',
  stage: 'endpoint',
  title: 'Endpoint is in the chosen cloud',
  needs: ['endpoint-url'],
  async run(run) {
    const facts = run.endpoint!
    const chosen = run.config.cloud.name
    const evidence = { host: facts.host, environment: chosen, endpointCloud: facts.hostCloud ?? null }
    if (facts.hostCloud && facts.hostCloud !== chosen) {
      return causeOutcome(
        run,
        'endpoint-cloud-mismatch',
        'fail',
        `${facts.host} is an ${facts.hostCloud} host, but environment is ${chosen}: sign-in, audience and scope ` +
          `would all be for the wrong cloud.`,
        evidence
      )
    }
    const detail = facts.hostCloud
      ? `${facts.host} is an ${chosen} host.`
      : `${facts.host} is not an Azure AI host of any cloud; only allowed-hosts may receive credentials.`
    return { status: 'pass', detail, evidence }
  }
}

export const hostPolicyCheck: CheckStep<TargetRun> = {
  id: 'host-policy',
  stage: 'endpoint',
  title: 'Credentials go only to trusted hosts',
  needs: ['endpoint-cloud'],
  async run(run) {
    const { host } = run.endpoint!
    const verdict = credentialHostVerdict(host, run.config.cloud, run.config.allowedHosts)
    const evidence = { host, allowedHosts: run.config.allowedHosts, reason: verdict.reason ?? null }
    if (!verdict.allowed) {
      return causeOutcome(
        run,
        'untrusted-endpoint-host',
        'fail',
        `${host} is neither an Azure AI host of ${run.config.cloud.name} nor listed in allowed-hosts, so no token or ` +
          `key was sent to it.`,
        evidence
      )
    }
    const detail =
      verdict.reason === 'allowed-hosts'
        ? `${host} is listed in allowed-hosts.`
        : `${host} is an Azure AI host of ${run.config.cloud.name}.`
    return { status: 'pass', detail, evidence }
  }
}

export const endpointHostCheck: CheckStep<TargetRun> = {
  id: 'endpoint-host',
  stage: 'endpoint',
  title: 'Endpoint takes Entra ID tokens',
  needs: ['host-policy'],
  async run(run) {
    const facts = run.endpoint!
    const evidence = { host: facts.host, kind: facts.kind, scope: facts.scope }
    if (facts.kind === 'regional') {
      return causeOutcome(
        run,
        'regional-endpoint-no-subdomain',
        'fail',
        `${facts.host} is a regional endpoint: Entra ID tokens need the resource's custom subdomain endpoint ` +
          `(https://<name>.${run.config.cloud.subdomainSuffixes[0]}/); regional endpoints take only keys.`,
        evidence
      )
    }
    const detail =
      facts.kind === 'gateway'
        ? `${facts.host} is a gateway: its policy decides which token it takes. Token scope: ${facts.scope}.`
        : `${facts.host} is ${describeKind(facts.kind)}. Token scope: ${facts.scope}.`
    return { status: 'pass', detail, evidence }
  }
}

function describeKind(kind: EndpointKind): string {
  switch (kind) {
    case 'custom-subdomain':
      return 'a custom subdomain endpoint'
    case 'foundry-project':
      return 'a Foundry project endpoint'
    case 'regional':
      return 'a regional endpoint'
    case 'gateway':
      return 'a gateway listed in allowed-hosts'
    case 'other':
      return 'not an Azure AI host'
  }
}
