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
    foundryAudience: 'https://ai.azure.com'
  },
  azureusgovernment: {
    name: 'azureusgovernment',
    authorityHost: 'https://login.microsoftonline.us',
    tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
    subdomainSuffixes: ['openai.azure.us', 'cognitiveservices.azure.us', 'services.ai.azure.us'],
    regionalSuffix: 'api.cognitive.microsoft.us',
    foundrySuffix: 'services.ai.azure.us',
    cognitiveServicesAudience: 'https://cognitiveservices.azure.us',
    foundryAudience: 'https://ai.azure.us'
  },
  azurechinacloud: {
    name: 'azurechinacloud',
    authorityHost: 'https://login.chinacloudapi.cn',
    tokenExchangeAudience: 'api://AzureADTokenExchangeChina',
    subdomainSuffixes: ['openai.azure.cn', 'cognitiveservices.azure.cn', 'services.ai.azure.cn'],
    regionalSuffix: 'api.cognitive.azure.cn',
    foundrySuffix: 'services.ai.azure.cn',
    cognitiveServicesAudience: 'https://cognitiveservices.azure.cn',
    foundryAudience: 'https://ai.azure.cn'
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
