import { cloudOfHost, hostIsUnder, type Cloud, type CloudName } from './clouds.js'
import { credentialHostVerdict } from './host-policy.js'
import { redactSecrets } from '../security/redact.js'
import { escapeControls } from '../security/neutralise.js'

/** What endpoint analysis needs of a target's settings. */
export interface EndpointSettings {
  endpoint: string
  cloud: Cloud
  /** Token scope given by the workflow; when absent it is derived from the endpoint. */
  scope?: string
  allowedHosts: readonly string[]
}

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
  return escapeControls(redactSecrets(endpoint.trim().replace(USER_INFO, '$1').replace(/[?#][\s\S]*$/, '')))
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
export function analyseEndpoint(config: EndpointSettings): Parsed {
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

function kindOf(host: string, path: string, config: EndpointSettings): EndpointKind {
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

export function describeKind(kind: EndpointKind): string {
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
