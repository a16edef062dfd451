/**
 * The Azure clouds, by Azure/login's `environment` names. Everything cloud-specific follows from the entry:
 * where to sign in, which audience GitHub's token must carry, which hosts may receive credentials, and which
 * token scopes the endpoints take. Sources: shared/reference/azure-facts.md §1 and action-anchors.md §C.
 */
export type CloudName = 'azurecloud' | 'azureusgovernment' | 'azurechinacloud'

export interface Cloud {
  name: CloudName
  /** Entra ID sign-in host. */
  authorityHost: string
  /** The audience of the GitHub OIDC token that Entra's token exchange accepts for this cloud. */
  tokenExchangeAudience: string
  /** Host suffixes of endpoints that take Entra tokens (custom subdomains). */
  subdomainSuffixes: readonly string[]
  /** Host suffix of the regional endpoints (`<region>.<suffix>`), which take keys but never tokens. */
  regionalSuffix: string
  /** The suffix of Foundry hosts, whose `/api/projects/<name>` endpoints need the Foundry audience. */
  foundrySuffix: string
  /** Token audience of the Azure OpenAI / Cognitive Services data plane. */
  cognitiveServicesAudience: string
  /** Token audience of Foundry project APIs (and accepted by the OpenAI endpoints too). */
  foundryAudience: string
  /** Azure Resource Manager (and Resource Graph) of this cloud; its token scope is `<this>/.default`. */
  resourceManager: string
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  azurecloud: {
    name: 'azurecloud',
    authorityHost: 'https://login.microsoftonline.com',
    tokenExchangeAudience: 'api://AzureADTokenExchange',
    subdomainSuffixes: ['openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'],
    regionalSuffix: 'api.cognitive.microsoft.com',
    foundrySuffix: 'services.ai.azure.com',
    cognitiveServicesAudience: 'https://cognitiveservices.azure.com',
    foundryAudience: 'https://ai.azure.com',
    resourceManager: 'https://management.azure.com'
  },
  azureusgovernment: {
    name: 'azureusgovernment',
    authorityHost: 'https://login.microsoftonline.us',
    tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
    subdomainSuffixes: ['openai.azure.us', 'cognitiveservices.azure.us', 'services.ai.azure.us'],
    regionalSuffix: 'api.cognitive.microsoft.us',
    foundrySuffix: 'services.ai.azure.us',
    cognitiveServicesAudience: 'https://cognitiveservices.azure.us',
    foundryAudience: 'https://ai.azure.us',
    resourceManager: 'https://management.usgovcloudapi.net'
  },
  azurechinacloud: {
    name: 'azurechinacloud',
    authorityHost: 'https://login.chinacloudapi.cn',
    tokenExchangeAudience: 'api://AzureADTokenExchangeChina',
    subdomainSuffixes: ['openai.azure.cn', 'cognitiveservices.azure.cn', 'services.ai.azure.cn'],
    regionalSuffix: 'api.cognitive.azure.cn',
    foundrySuffix: 'services.ai.azure.cn',
    cognitiveServicesAudience: 'https://cognitiveservices.azure.cn',
    foundryAudience: 'https://ai.azure.cn',
    resourceManager: 'https://management.chinacloudapi.cn'
  }
}

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[]

/** True when `host` is `<label>.<suffix>` or deeper under the suffix. */
export function hostIsUnder(host: string, suffix: string): boolean {
  return host.toLowerCase().endsWith(`.${suffix.toLowerCase()}`)
}

/** Every host suffix of the cloud's Azure AI endpoints: the ones credentials may be sent to. */
export function azureAiSuffixes(cloud: Cloud): string[] {
  return [...cloud.subdomainSuffixes, cloud.regionalSuffix]
}

/** The cloud whose Azure AI hosts include `host`, if any. */
export function cloudOfHost(host: string): Cloud | undefined {
  return Object.values(CLOUDS).find((cloud) =>
    azureAiSuffixes(cloud).some((suffix) => hostIsUnder(host, suffix))
  )
}

export const DEFAULT_CLOUD: Cloud = CLOUDS.azurecloud

/** The cloud of an `environment` name; the public cloud when the name is missing or not a cloud's. */
export function cloudNamed(name: string | undefined): Cloud {
  return (name && (CLOUDS as Record<string, Cloud | undefined>)[name.toLowerCase()]) || DEFAULT_CLOUD
}

/** The client-credentials scope of the cloud's Azure OpenAI data plane. */
export function dataPlaneScope(cloud: Cloud): string {
  return `${cloud.cognitiveServicesAudience}/.default`
}

/**
 * The client-credentials scope of the cloud's ARM. Set explicitly per cloud: SDK defaults stay on the public
 * cloud's scope (shared/reference/arm-facts.md (g), the @azure/arm-cognitiveservices trap).
 */
export function resourceManagerScope(cloud: Cloud): string {
  return `${cloud.resourceManager}/.default`
}

/** The host of the cloud's Entra ID sign-in (login.microsoftonline.com, ...). */
export function authorityHostName(cloud: Cloud): string {
  return new URL(cloud.authorityHost).hostname
}

/** A custom-subdomain endpoint with a `<name>` placeholder, for fixes that do not know the account. */
export function customEndpointTemplate(cloud: Cloud, name = '<name>'): string {
  return `https://${name}.${cloud.subdomainSuffixes[0]}/`
}

/** True for an access-token audience the Azure OpenAI data plane of any cloud accepts (trailing slash ignored). */
export function isDataPlaneAudience(audience: string): boolean {
  const bare = audience.replace(/\/+$/, '')
  return Object.values(CLOUDS).some((cloud) => bare === cloud.cognitiveServicesAudience || bare === cloud.foundryAudience)
}

/** True for the GitHub OIDC audience of any cloud's token exchange. */
export function isTokenExchangeAudience(audience: string): boolean {
  return Object.values(CLOUDS).some((cloud) => audience === cloud.tokenExchangeAudience)
}

/** The account name of a custom-subdomain host (`contoso` of contoso.openai.azure.us), in any cloud. */
export function accountNameOfHost(host: string): string | undefined {
  const lower = host.toLowerCase()
  for (const cloud of Object.values(CLOUDS)) {
    for (const suffix of cloud.subdomainSuffixes) {
      const label = hostIsUnder(lower, suffix) ? lower.slice(0, -suffix.length - 1) : undefined
      if (label && /^[a-z0-9-]+$/.test(label)) return label
    }
  }
  return undefined
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Matches a host under any cloud's Azure AI suffixes (subdomain and regional), for reading hosts out of text. */
export function azureAiHostSource(extraSuffixes: readonly string[] = []): string {
  const suffixes = [...new Set([...Object.values(CLOUDS).flatMap(azureAiSuffixes), ...extraSuffixes])]
  return `[a-z0-9.-]+\\.(?:${suffixes.map(escapeRegExp).join('|')})`
}
